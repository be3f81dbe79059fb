const { path, http, request, signIn, inProcess, enterprise, measure } = require('./common');

async function reportsBench() {
  console.log('\n## home statistics and reports (PostgreSQL, HTTP)');
  const app = await inProcess('reports');
  try {
    const s = app.strapi;
    const knex = s.db.connection;
    const supplier = await enterprise(s, 'supplier', 'bench_reporter');
    const sellers = [];
    for (let k = 0; k < 20; k += 1) sellers.push((await enterprise(s, 'seller', `bench_rs${k}`)).id);
    const started = Date.now();
    const statuses = ['pending_payment', 'paid', 'fulfilled', 'fulfilled', 'fulfilled', 'partially_refunded', 'refunded', 'cancelled', 'closed'];
    for (let offset = 0; offset < 1_000_000; offset += 100_000) {
      await knex.raw(`INSERT INTO orders (document_id, number, channel, seller_id, supplier_id, state, payment_mode, account_id, total_amount, paid_amount, refunded_amount, customer_name, created_at, updated_at)
        SELECT md5('o' || g), 'R' || g, (ARRAY['individual','individual','gov','employee'])[1 + g % 4], (?::int[])[1 + g % 20], ?, (?::text[])[1 + g % 9], 'prepaid', 1,
               100 * (1 + g % 50), 0, 0, '客户', now() - ((g % 365) || ' days')::interval - ((g % 1440) || ' minutes')::interval, now()
        FROM generate_series(?::int, ?::int) g`, [sellers, supplier.id, statuses, offset + 1, offset + 100_000]);
      await knex.raw(`INSERT INTO order_lines (document_id, order_id, product_id, product_name, category, is_combo, strategy_id, quantity, unit_price, amount, fulfilment_status, created_at, updated_at)
        SELECT md5('l' || o.id), o.id, 1 + o.id % 200, '产品' || (1 + o.id % 200), 'ticket', false, 1, 1 + o.id % 3, o.total_amount, o.total_amount * (1 + o.id % 3),
               CASE WHEN o.state = 'refunded' THEN 'refunded' WHEN o.state like 'fulfill%' THEN 'fulfilled' ELSE 'pending' END, now(), now()
        FROM orders o WHERE o.id > ? AND o.id <= ?`, [offset, offset + 100_000]);
    }
    console.log(`- loaded 1,000,000 orders and their lines in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const rebuilt = Date.now();
    await s.plugin('orders').service('summaries').rebuild();
    // what autovacuum would have done by now: statistics and the visibility map (index-only scans)
    await knex.raw('VACUUM ANALYZE orders');
    await knex.raw('ANALYZE');
    const [summaryRows] = (await knex.raw('select (select count(*) from sales_days) as days, (select count(*) from product_sales_days) as products')).rows;
    console.log(`- rebuilt the report summaries from the orders in ${((Date.now() - rebuilt) / 1000).toFixed(1)} s (${summaryRows.days} day rows, ${summaryRows.products} product rows)`);
    const token = await signIn(app.port, 'bench_reporter', 'Bench123456');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const day = (offset) => new Date(Date.now() + 8 * 3600_000 - offset * 86400_000).toISOString().slice(0, 10);
    const get = async (path) => { const res = await request(app.port, 'GET', path, { token, agent }); if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`); return res.body; };
    const probe = await get(`/api/console/orders/report?groupBy=day&from=${day(89)}&to=${day(0)}`);
    console.log(`- a 90-day report covers ${probe.totals.orders.toLocaleString('en')} sold orders in ${probe.rows.length} days`);
    await measure('home statistics (payments, refunds, 30-day trend, orders by status and channel)', 1, 40, () => get('/api/console/orders/statistics'));
    for (const groupBy of ['day', 'product', 'counterparty']) {
      await measure(`90-day sales report by ${groupBy}`, 1, 20, (i) => get(`/api/console/orders/report?groupBy=${groupBy}&from=${day(89 + (i % 5))}&to=${day(i % 5)}`));
    }
    await measure('hot-selling ranking, 30 days', 1, 40, () => get(`/api/console/orders/ranking?from=${day(29)}&to=${day(0)}`));
    agent.destroy();
  } finally { await app.close(); }
}


module.exports = reportsBench;
