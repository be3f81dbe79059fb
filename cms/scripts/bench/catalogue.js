const { http, request, signIn, inProcess, enterprise, measure } = require('./common');

async function catalogueBench() {
  console.log('\n## seller catalogue (PostgreSQL, HTTP)');
  const app = await inProcess('catalogue');
  try {
    const s = app.strapi;
    const seller = await enterprise(s, 'seller', 'bench_buyer');
    const knex = s.db.connection;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    for (let k = 1; k <= 5; k += 1) {
      const supplier = await enterprise(s, 'supplier', `bench_sup${k}`);
      await knex('partnerships').insert({ document_id: `bp${k}`, supplier_id: supplier.id, seller_id: seller.id, state: 'active', created_at: new Date(), updated_at: new Date() });
      await knex('agreements').insert({ document_id: `ba${k}`, supplier_id: supplier.id, seller_id: seller.id, number: `B${k}`, title: 'bench', valid_from: '2020-01-01', valid_to: '2099-12-31', state: 'effective', attachment_ids: '[]', created_at: new Date(), updated_at: new Date() });
      const ids = await knex.raw(`INSERT INTO products (document_id, supplier_id, category, name, state, reference_price, fulfilment_mode, stock_mode, is_combo, scenic_spot, created_at, updated_at)
        SELECT md5(random()::text), ?, (ARRAY['ticket','catering','retail','coupon'])[1 + g % 4], '产品' || ? || '-' || g, 'listed', 1000 + g, 'code', 'none', g % 10 = 0, '景点', now(), now()
        FROM generate_series(1, 2000) g RETURNING id`, [supplier.id, k]);
      const [strategy] = await knex('strategies').insert({ document_id: `bs${k}`, supplier_id: supplier.id, channel: 'individual', name: 'bench', effective_from: '2020-01-01', effective_to: '2099-12-31', business_mode: 'prepaid', applies_to: 'all', seller_ids: '[]', requires_audit: false, state: 'active', created_at: new Date(), updated_at: new Date() }).returning('id');
      const rows = ids.rows.map((r) => ({ document_id: `bl${k}-${r.id}`, strategy_id: strategy.id ?? strategy, supplier_id: supplier.id, product_id: r.id, price: 900, min_quantity: 1, created_at: new Date(), updated_at: new Date() }));
      for (let i = 0; i < rows.length; i += 1000) await knex('strategy_lines').insert(rows.slice(i, i + 1000));
    }
    await knex.raw('ANALYZE');
    void today;
    const token = await signIn(app.port, 'bench_buyer', 'Bench123456');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const categories = ['ticket', 'catering', 'retail', 'coupon'];
    const url = (i) => `/api/console/catalogue?${new URLSearchParams({
      filter: JSON.stringify(i % 3 === 0 ? { category: categories[i % 4], channel: 'individual' } : i % 3 === 1 ? { q: `产品${1 + (i % 5)}-1`, isCombo: false } : {}),
      sort: JSON.stringify(['name', 'ASC']), range: JSON.stringify([(i % 10) * 24, (i % 10) * 24 + 23]),
    })}`;
    const probe = await request(app.port, 'GET', url(2), { token, agent });
    console.log(`- ${probe.headers['content-range']} visible to the seller`);
    for (const clients of [1, 10]) await measure('catalogue page of 24', clients, clients === 1 ? 60 : 20, async (i) => {
      const res = await request(app.port, 'GET', url(i), { token, agent });
      if (res.status !== 200) throw new Error(String(res.status));
    });
    agent.destroy();
  } finally { await app.close(); }
}

module.exports = catalogueBench;
