const { spawnSync, fs, os, path, http, request, signIn, inProcess, enterprise, measure } = require('./common');

async function ordersBench() {
  console.log('\n## orders (PostgreSQL)');
  const app = await inProcess('orders');
  try {
    const s = app.strapi;
    const knex = s.db.connection;
    const supplier = await enterprise(s, 'supplier', 'bench_shop');
    const seller = await enterprise(s, 'seller', 'bench_agent');
    const principal = await s.plugin('identity').service('principal').load(supplier.userId);
    await s.plugin('identity').service('partnerships').create(principal, seller.id);
    const agreements = s.plugin('catalogue').service('agreements');
    const agreement = await agreements.create(principal, { sellerId: seller.id, number: 'BENCH-1', title: 'bench', validFrom: '2020-01-01', validTo: '2099-12-31' });
    await agreements.confirm(principal, agreement);
    const products = s.plugin('catalogue').service('products');
    const item = await products.create(principal, { category: 'retail', name: '压测商品', sku: 'B1', stockMode: 'total', fulfilmentMode: 'courier' });
    await products.setStatus(item, 'listed');
    await s.plugin('inventory').service('stock').maintain({ productId: item.id, supplierId: supplier.id, mode: 'set', quantity: 1_000_000 });
    const strategy = await s.plugin('catalogue').service('strategies').create(principal, { channel: 'individual', name: 'bench', effectiveFrom: '2020-01-01', effectiveTo: '2099-12-31', businessMode: 'prepaid', lines: [{ productId: item.id, price: 100 }] });
    const ledger = s.plugin('ledger').service('ledger');
    const account = (await s.db.query('plugin::ledger.account').findOne({ where: { supplierId: supplier.id, sellerId: seller.id, kind: 'prepaid' } })) ?? await ledger.open(supplier.id, seller.id, 'prepaid');
    await ledger.setStatus(account.id, 'enabled');
    await ledger.topUp(account.id, 100_000_000_000, { transferId: 'bench-orders-topup' });
    const token = await signIn(app.port, 'bench_agent', 'Bench123456');
    const body = { channel: 'individual', paymentMode: 'prepaid', customerName: '压测', lines: [{ productId: item.id, strategyId: strategy.id, quantity: 1 }] };
    // statements per checkout
    let statements = 0;
    const counter = () => { statements += 1; };
    knex.on('query', counter);
    const probe = await request(app.port, 'POST', '/api/console/orders', { token, body });
    knex.off('query', counter);
    if (probe.status !== 201) throw new Error(`checkout failed: ${JSON.stringify(probe.body)}`);
    console.log(`- SQL statements per checkout through HTTP (including sign-in check and the answer's reads): ${statements}`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const service = await measure('checkout through HTTP', 50, 20, async () => {
      const res = await request(app.port, 'POST', '/api/console/orders', { token, body, agent });
      if (res.status !== 201) throw Object.assign(new Error(String(res.status)), { code: res.body?.code });
    });
    agent.destroy();
    const script = path.join(os.tmpdir(), `cop-orders-${process.pid}.sql`);
    const revenue = await ledger.control(supplier.id, seller.id, 'revenue');
    fs.writeFileSync(script, `BEGIN;
INSERT INTO orders (document_id, number, channel, seller_id, supplier_id, state, payment_mode, account_id, total_amount, paid_amount, refunded_amount, customer_name, created_at, updated_at)
  VALUES (md5(random()::text), 'pg-' || md5(random()::text), 'individual', ${seller.id}, ${supplier.id}, 'pending_payment', 'prepaid', ${account.id}, 100, 0, 0, 'pg', now(), now()) RETURNING id \\gset o_
UPDATE orders SET number = 'pgn-' || :o_id WHERE id = :o_id;
INSERT INTO order_lines (document_id, order_id, product_id, product_name, strategy_id, quantity, unit_price, amount, fulfilment_status, created_at, updated_at)
  VALUES (md5(random()::text), :o_id, ${item.id}, 'x', ${strategy.id}, 1, 100, 100, 'pending', now(), now()) RETURNING id \\gset l_
UPDATE stock_items SET reserved = reserved + 1 WHERE product_id = ${item.id} AND slot = 'total' AND total - reserved - sold >= 1;
INSERT INTO stock_reservations (document_id, reference, product_id, supplier_id, slot, quantity, managed, state, expires_at, created_at, updated_at)
  VALUES (md5(random()::text), 'pgline:' || :l_id, ${item.id}, ${supplier.id}, 'total', 1, true, 'active', now() + interval '40 minutes', now(), now());
INSERT INTO stock_movements (document_id, product_id, supplier_id, slot, kind, total_delta, reserved_delta, sold_delta, reference, created_at, updated_at)
  VALUES (md5(random()::text), ${item.id}, ${supplier.id}, 'total', 'reserve', 0, 1, 0, 'pgline:' || :l_id, now(), now());
SELECT id FROM ledger_accounts WHERE id IN (${account.id}, ${revenue}) ORDER BY id FOR UPDATE;
UPDATE ledger_accounts SET debits_pending = debits_pending + 100 WHERE id = ${account.id} AND credits_posted - debits_posted - debits_pending >= 100;
UPDATE ledger_accounts SET credits_pending = credits_pending + 100 WHERE id = ${revenue};
INSERT INTO ledger_transfers (document_id, transfer_id, debit_account_id, credit_account_id, amount, flag, kind, account_id, supplier_id, seller_id, direction, available_after, frozen_after, created_at, updated_at)
  VALUES (md5(random()::text), 'pgo-' || :o_id, ${account.id}, ${revenue}, 100, 'pending', 'freeze', ${account.id}, ${supplier.id}, ${seller.id}, 'out', 0, 100, now(), now());
INSERT INTO order_events (document_id, order_id, action, to_status, created_at, updated_at) VALUES (md5(random()::text), :o_id, 'create', 'pending_payment', now(), now());
COMMIT;
`);
    const out = spawnSync('pgbench', ['-n', '-h', '127.0.0.1', '-U', 'postgres', '-c', '50', '-j', '2', '-T', '10', '-f', script, app.name], { encoding: 'utf8' });
    const tps = /tps = ([\d.]+)/.exec(out.stdout)?.[1];
    console.log(`- pgbench, the same writes as plain SQL, 50 clients: ${tps ? Number(tps).toFixed(0) : '?'} checkouts/s${tps ? `; the service reaches ${(100 * service / Number(tps)).toFixed(0)}% of it` : ` (${out.stderr.trim().split('\n').pop()})`}`);
    fs.rmSync(script, { force: true });

    // the supplier's order list over a million orders
    const started = Date.now();
    const statuses = ['pending_payment', 'paid', 'fulfilled', 'cancelled', 'closed', 'refunded'];
    for (let offset = 0; offset < 1_000_000; offset += 100_000) {
      await knex.raw(`INSERT INTO orders (document_id, number, channel, seller_id, supplier_id, state, payment_mode, account_id, total_amount, paid_amount, refunded_amount, customer_name, created_at, updated_at)
        SELECT md5(g::text), 'M' || g, CASE WHEN g % 3 = 0 THEN 'gov' ELSE 'individual' END, ?, ?, (?::text[])[1 + g % 6], 'prepaid', ?, 100 + g % 1000, 0, 0, '客户' || g,
               now() - ((g % 365) || ' days')::interval - ((g % 1440) || ' minutes')::interval, now()
        FROM generate_series(?::int, ?::int) g`, [seller.id, supplier.id, statuses, account.id, offset + 1, offset + 100_000]);
    }
    await knex.raw('ANALYZE orders');
    console.log(`- loaded 1,000,000 orders in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const supplierToken = await signIn(app.port, 'bench_shop', 'Bench123456');
    const listAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const since = (days) => new Date(Date.now() - days * 86400_000).toISOString();
    await measure('supplier order list (status + 30-day range, page of 25, newest first)', 1, 100, async (i) => {
      const res = await request(app.port, 'GET', `/api/console/orders?${new URLSearchParams({
        filter: JSON.stringify({ status: statuses[i % 6], channel: i % 2 ? 'individual' : 'gov', createdAt_gte: since(30 + (i % 60)), createdAt_lte: since(i % 30) }),
        sort: JSON.stringify(['createdAt', 'DESC']), range: JSON.stringify([0, 24]),
      })}`, { token: supplierToken, agent: listAgent });
      if (res.status !== 200) throw new Error(String(res.status));
    });
    listAgent.destroy();
  } finally { await app.close(); }
}

module.exports = ordersBench;
