const { spawn, fs, path, http, root, cms, BYPASS, request, waitHealthy, stop, percentile, signIn, enterprise, createDatabase, dropDatabase, countingProxy, pgbench } = require('./common');

/**
 * `npm run bench -- checkout [--sellers=50] [--products=50] [--clients=50] [--seconds=20]`
 *
 * The checkout as users meet it: the server started by `npm start` on PostgreSQL in its own process,
 * the load from this one. Spread workload: one supplier, N sellers each with a funded prepaid account
 * and a partnership + agreement, M products with total stock under one strategy; each client signs in
 * as its own seller and places one-line orders for random products. Second scenario: every client is
 * the same seller ordering the same product (one hot account, one hot stock row).
 *
 * Statements are counted at PostgreSQL's port (a counting relay during a separate counting run), per
 * checkout and per pay, cancel, fulfil and refund, sign-in check included. In the same run pgbench runs
 * (a) the same writes over the same spread and (b) a minimal 6-statement checkout (reserve, freeze,
 * order, line, reservation, transfer) as the ceiling; the service's throughput is printed as a ratio
 * of each, since this machine's absolute figures vary two-fold between runs.
 */
function option(name, fallback) {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function setUp(database, sellers, products) {
  Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_HOST: '127.0.0.1', DATABASE_PORT: '5432', DATABASE_NAME: database, DATABASE_USERNAME: 'postgres', CAPTCHA_BYPASS_CODE: BYPASS, LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false', STRAPI_TELEMETRY_DISABLED: 'true', DEMO_SEED: 'false' });
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [cms] }));
  const s = await createStrapi({ appDir: cms, distDir: path.join(cms, 'dist') }).load();
  try {
    const supplier = await enterprise(s, 'supplier', 'bench_supplier');
    const principal = await s.plugin('identity').service('principal').load(supplier.userId);
    const catalogue = s.plugin('catalogue');
    const items = [];
    for (let p = 0; p < products; p += 1) {
      const item = await catalogue.service('products').create(principal, { category: 'retail', name: `压测商品${p + 1}`, sku: `BENCH-${p + 1}`, stockMode: 'total', fulfilmentMode: 'code' });
      await catalogue.service('products').setStatus(item, 'listed');
      await s.plugin('inventory').service('stock').maintain({ productId: item.id, supplierId: supplier.id, mode: 'set', quantity: 1_000_000 });
      items.push(item.id);
    }
    const strategy = await catalogue.service('strategies').create(principal, { channel: 'individual', name: '压测策略', effectiveFrom: '2020-01-01', effectiveTo: '2099-12-31', businessMode: 'prepaid', lines: items.map((productId) => ({ productId, price: 100 })) });
    const ledger = s.plugin('ledger').service('ledger');
    const pairs = [];
    for (let k = 0; k < sellers; k += 1) {
      const seller = await enterprise(s, 'seller', `bench_seller${k + 1}`);
      await s.plugin('identity').service('partnerships').create(principal, seller.id);
      const agreement = await catalogue.service('agreements').create(principal, { sellerId: seller.id, number: `BENCH-${k + 1}`, title: '压测协议', validFrom: '2020-01-01', validTo: '2099-12-31' });
      await catalogue.service('agreements').confirm(principal, agreement);
      const account = (await s.db.query('plugin::ledger.account').findOne({ where: { supplierId: supplier.id, sellerId: seller.id, kind: 'prepaid' } })) ?? await ledger.open(supplier.id, seller.id, 'prepaid');
      await ledger.setStatus(account.id, 'enabled');
      await ledger.topUp(account.id, 1_000_000_000_000, { transferId: `bench-topup-${k + 1}` });
      pairs.push({ k: k + 1, sellerId: seller.id, userId: seller.userId, username: seller.username, accountId: account.id, revenueId: await ledger.control(supplier.id, seller.id, 'revenue') });
    }
    // lookup tables for pgbench's random spread (reads inside its statements, not statements of their own)
    const knex = s.db.connection;
    await knex.raw('CREATE TABLE bench_pairs (k int PRIMARY KEY, seller_id int, user_id int, account_id int, revenue_id int)');
    await knex('bench_pairs').insert(pairs.map((p) => ({ k: p.k, seller_id: p.sellerId, user_id: p.userId, account_id: p.accountId, revenue_id: p.revenueId })));
    await knex.raw('CREATE TABLE bench_products (p int PRIMARY KEY, product_id int)');
    await knex('bench_products').insert(items.map((id, i) => ({ p: i + 1, product_id: id })));
    await knex.raw('ANALYZE');
    return { supplier, strategyId: strategy.id, items, pairs };
  } finally {
    await s.destroy();
  }
}

function startServer(database, port, dbPort) {
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_CLIENT: 'postgres', DATABASE_HOST: '127.0.0.1', DATABASE_PORT: String(dbPort), DATABASE_NAME: database, DATABASE_USERNAME: 'postgres', CAPTCHA_BYPASS_CODE: BYPASS, LOG_LEVEL: 'warn', DEMO_SEED: 'false', STRAPI_TELEMETRY_DISABLED: 'true', SCHEDULER_ENABLED: 'true' };
  delete env.NODE_OPTIONS;
  const log = fs.openSync(path.join(require('os').tmpdir(), `cop-bench-checkout-${process.pid}.log`), 'a');
  return spawn(process.execPath, [path.join(root, 'cms', 'scripts', 'start.js')], { cwd: root, env, detached: true, stdio: ['ignore', log, log] });
}

const bodyFor = (strategyId, productId) => ({ channel: 'individual', paymentMode: 'prepaid', customerName: '压测客户', lines: [{ productId, strategyId, quantity: 1 }] });

/** One-line orders from `clients` callers for `seconds`; returns throughput and percentiles. */
async function load(port, clients, seconds, pick) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients + 4 });
  const latencies = [];
  const refused = new Map();
  const deadline = Date.now() + seconds * 1000;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    let seed = 7919 * (c + 1);
    while (Date.now() < deadline) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const { token, body } = pick(c, seed);
      const s = process.hrtime.bigint();
      const res = await request(port, 'POST', '/api/console/orders', { token, body, agent });
      latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (res.status !== 201) refused.set(`${res.status} ${res.body?.code ?? ''}`, (refused.get(`${res.status} ${res.body?.code ?? ''}`) ?? 0) + 1);
    }
  }));
  agent.destroy();
  const elapsed = (Date.now() - t0) / 1000;
  const ok = latencies.length - [...refused.values()].reduce((a, b) => a + b, 0);
  return { rate: ok / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), refused };
}

const fmt = (r) => `${r.rate.toFixed(1)} checkouts/s, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms${r.refused.size ? `; refused: ${[...r.refused].map(([k, v]) => `${k} × ${v}`).join(', ')}` : ''}`;

/**
 * pgbench scripts: `:k` picks the seller pair, `:p` the product (a single value each in the hot case).
 * `sameWrites` is the service's checkout statement for statement (as BENCH_SHOW_SQL prints them): the
 * sign-in read, then in one transaction the offers read, the order + event, lines, reservation,
 * movement, stock counter, the account pair's lock and update, and the transfer.
 */
function sameWrites(supplierId, strategyId) {
  const day = "to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')";
  return `SELECT u.id, u.username, u.display_name, u.blocked, u.token_version, u.is_enterprise_admin, e.id, e.name, e.kind, e.state, r.permissions
  FROM up_users u LEFT JOIN enterprises e ON e.id = u.enterprise_id LEFT JOIN up_users_enterprise_roles_lnk l ON l.user_id = u.id LEFT JOIN enterprise_roles r ON r.id = l.enterprise_role_id
  WHERE u.id = (SELECT user_id FROM bench_pairs WHERE k = :k);
BEGIN;
SELECT sl.product_id, sl.strategy_id, sl.price, sl.min_quantity, sl.max_quantity, sl.daily_max, s.supplier_id, s.name, s.channel, s.business_mode, s.requires_audit, s.effective_to,
    e.name, sp.mode, a.id, r.id, p.*
  FROM strategy_lines sl JOIN strategies s ON s.id = sl.strategy_id JOIN products p ON p.id = sl.product_id JOIN enterprises e ON e.id = s.supplier_id
  LEFT JOIN stock_policies sp ON sp.product_id = p.id
  LEFT JOIN ledger_accounts a ON a.supplier_id = s.supplier_id AND a.seller_id = (SELECT seller_id FROM bench_pairs WHERE k = :k) AND a.kind = 'prepaid'
  LEFT JOIN ledger_accounts r ON r.supplier_id = s.supplier_id AND r.seller_id = (SELECT seller_id FROM bench_pairs WHERE k = :k) AND r.kind = 'revenue'
  WHERE sl.product_id IN (SELECT product_id FROM bench_products WHERE p = :p) AND s.state = 'active' AND s.channel = 'individual'
    AND s.effective_from <= to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AND s.effective_to >= to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
    AND (s.applies_to = 'all' OR EXISTS (SELECT 1 FROM strategy_sellers ss WHERE ss.strategy_id = s.id AND ss.seller_id = (SELECT seller_id FROM bench_pairs WHERE k = :k)))
    AND EXISTS (SELECT 1 FROM partnerships pa WHERE pa.supplier_id = s.supplier_id AND pa.seller_id = (SELECT seller_id FROM bench_pairs WHERE k = :k) AND pa.state = 'active')
    AND EXISTS (SELECT 1 FROM agreements ag WHERE ag.supplier_id = s.supplier_id AND ag.seller_id = (SELECT seller_id FROM bench_pairs WHERE k = :k) AND ag.state = 'effective' AND ag.valid_from <= to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AND ag.valid_to >= to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'));
WITH n AS (SELECT nextval(pg_get_serial_sequence('orders', 'id')) AS id),
  o AS (INSERT INTO orders (id, number, freeze_transfer_id, document_id, channel, seller_id, supplier_id, state, payment_mode, account_id, total_amount, paid_amount, refunded_amount, customer_name, expires_at, placed_by, created_at, updated_at, published_at)
    VALUES ((SELECT id FROM n), ${day} || lpad((SELECT id FROM n)::text, 8, '0'), 'order:' || ${day} || lpad((SELECT id FROM n)::text, 8, '0') || ':freeze', md5(random()::text), 'individual',
      (SELECT seller_id FROM bench_pairs WHERE k = :k), ${supplierId}, 'pending_payment', 'prepaid', (SELECT account_id FROM bench_pairs WHERE k = :k), 100, 0, 0, '压测客户', now() + interval '30 minutes', 1, now(), now(), now()) RETURNING *),
  e AS (INSERT INTO order_events (order_id, document_id, action, to_status, actor_id, actor_enterprise_id, created_at, updated_at, published_at)
    VALUES ((SELECT id FROM n), md5(random()::text), 'create', 'pending_payment', 1, 1, now(), now(), now()) RETURNING *)
  SELECT o.id, o.number FROM o \\gset o_
INSERT INTO order_lines (document_id, order_id, product_id, product_name, category, is_combo, strategy_id, quantity, unit_price, amount, fulfilment_status, refunded_quantity, created_at, updated_at, published_at)
  SELECT md5(random()::text), :o_id, product_id, '压测商品', 'retail', false, ${strategyId}, 1, 100, 100, 'pending', 0, now(), now(), now() FROM bench_products WHERE p = :p RETURNING * \\gset l_
INSERT INTO stock_reservations (document_id, reference, product_id, supplier_id, slot, quantity, managed, state, expires_at, created_at, updated_at, published_at)
  SELECT md5(random()::text), 'line:' || :l_id, product_id, ${supplierId}, 'total', 1, true, 'active', now() + interval '40 minutes', now(), now(), now() FROM bench_products WHERE p = :p;
INSERT INTO stock_movements (document_id, product_id, supplier_id, slot, kind, total_delta, reserved_delta, sold_delta, reference, created_at, updated_at, published_at)
  SELECT md5(random()::text), product_id, ${supplierId}, 'total', 'reserve', 0, 1, 0, 'line:' || :l_id, now(), now(), now() FROM bench_products WHERE p = :p;
UPDATE stock_items SET reserved = reserved + 1, updated_at = now() WHERE product_id = (SELECT product_id FROM bench_products WHERE p = :p) AND slot = 'total' AND total - reserved - sold >= 1;
SELECT * FROM ledger_accounts WHERE id IN (SELECT account_id FROM bench_pairs WHERE k = :k UNION ALL SELECT revenue_id FROM bench_pairs WHERE k = :k) ORDER BY id FOR UPDATE;
UPDATE ledger_accounts SET updated_at = now(),
    debits_pending = CASE WHEN id = (SELECT account_id FROM bench_pairs WHERE k = :k) THEN debits_pending + 100 ELSE debits_pending END,
    credits_pending = CASE WHEN id = (SELECT revenue_id FROM bench_pairs WHERE k = :k) THEN credits_pending + 100 ELSE credits_pending END
  WHERE id IN (SELECT account_id FROM bench_pairs WHERE k = :k UNION ALL SELECT revenue_id FROM bench_pairs WHERE k = :k);
INSERT INTO ledger_transfers (document_id, transfer_id, debit_account_id, credit_account_id, amount, flag, kind, account_id, supplier_id, seller_id, direction, available_after, frozen_after, created_at, updated_at, published_at)
  SELECT md5(random()::text), 'order:pg' || :o_id || ':freeze', account_id, revenue_id, 100, 'pending', 'freeze', account_id, ${supplierId}, seller_id, 'out', 0, 100, now(), now(), now() FROM bench_pairs WHERE k = :k RETURNING *;
COMMIT;
`;
}

function minimal(supplierId, strategyId) {
  return `BEGIN;
UPDATE stock_items SET reserved = reserved + 1 WHERE product_id = (SELECT product_id FROM bench_products WHERE p = :p) AND slot = 'total' AND total - reserved - sold >= 1;
UPDATE ledger_accounts SET debits_pending = debits_pending + 100 WHERE id = (SELECT account_id FROM bench_pairs WHERE k = :k) AND credits_posted - debits_posted - debits_pending >= 100;
INSERT INTO orders (document_id, number, channel, seller_id, supplier_id, state, payment_mode, account_id, total_amount, paid_amount, refunded_amount, customer_name, created_at, updated_at)
  SELECT md5(random()::text), 'pm-' || md5(random()::text), 'individual', seller_id, ${supplierId}, 'pending_payment', 'prepaid', account_id, 100, 0, 0, '压测客户', now(), now() FROM bench_pairs WHERE k = :k RETURNING id \\gset o_
INSERT INTO order_lines (document_id, order_id, product_id, product_name, strategy_id, quantity, unit_price, amount, fulfilment_status, created_at, updated_at)
  SELECT md5(random()::text), :o_id, product_id, '压测商品', ${strategyId}, 1, 100, 100, 'pending', now(), now() FROM bench_products WHERE p = :p;
INSERT INTO stock_reservations (document_id, reference, product_id, supplier_id, slot, quantity, managed, state, expires_at, created_at, updated_at)
  SELECT md5(random()::text), 'pm:' || :o_id, product_id, ${supplierId}, 'total', 1, true, 'active', now() + interval '40 minutes', now(), now() FROM bench_products WHERE p = :p;
INSERT INTO ledger_transfers (document_id, transfer_id, debit_account_id, credit_account_id, amount, flag, kind, account_id, supplier_id, seller_id, direction, available_after, frozen_after, created_at, updated_at)
  SELECT md5(random()::text), 'pm-' || :o_id, account_id, revenue_id, 100, 'pending', 'freeze', account_id, ${supplierId}, seller_id, 'out', 0, 100, now(), now() FROM bench_pairs WHERE k = :k;
COMMIT;
`;
}

const statementsIn = (script) => script.split('\n').filter((line) => /^(INSERT|UPDATE|SELECT|DELETE|WITH|BEGIN|COMMIT)\b/.test(line)).length;

async function checkoutBench() {
  const sellers = option('sellers', 50);
  const products = option('products', 50);
  const clients = option('clients', 50);
  const seconds = option('seconds', 20);
  console.log(`\n## checkout (npm start on PostgreSQL in its own process, load from this one; ${sellers} sellers × ${products} products, ${clients} clients, ${seconds} s per scenario)`);
  const database = `cop_bench_checkout_${process.pid}`;
  await createDatabase(database);
  const port = 44000 + (process.pid % 2000);
  let server;
  let proxy;
  try {
    // what `npm start` would build, built first: the set-up loads the app in this process
    const { spawnSync } = require('child_process');
    const { adminPanelStale } = require('../stale');
    if (spawnSync('npx', ['tsc', '-b', 'plugins/tsconfig.json'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('tsc -b failed');
    if (adminPanelStale() && spawnSync('npx', ['strapi', 'build'], { cwd: cms, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } }).status !== 0) throw new Error('strapi build failed');
    const t0 = Date.now();
    const world = await setUp(database, sellers, products);
    console.log(`- set up in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const pick = (n) => world.items[n % world.items.length];

    // 1. counting run: the server talks to PostgreSQL through the counting relay
    proxy = await countingProxy();
    server = startServer(database, port, proxy.port);
    await waitHealthy(port, Date.now());
    const seller = world.pairs[0];
    const sellerToken = await signIn(port, seller.username, 'Bench123456');
    const supplierToken = await signIn(port, 'bench_supplier', 'Bench123456');
    const counted = async (fn) => { const before = proxy.count(); const res = await fn(); if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`); return { n: proxy.count() - before, res }; };
    const place = () => counted(() => request(port, 'POST', '/api/console/orders', { token: sellerToken, body: bodyFor(world.strategyId, pick(Math.floor(Math.random() * 1000))) }));
    const verb = (token, id, name, body = {}) => counted(() => request(port, 'POST', `/api/console/orders/${id}/${name}`, { token, body }));
    for (let i = 0; i < 3; i += 1) await place(); // warm caches (first statements after boot)
    const counts = { checkout: [], pay: [], cancel: [], fulfil: [], refund: [] };
    for (let i = 0; i < 7; i += 1) {
      const a = await place(); counts.checkout.push(a.n);
      const b = await place(); counts.checkout.push(b.n);
      counts.cancel.push((await verb(sellerToken, b.res.body.id, 'cancel')).n);
      counts.pay.push((await verb(sellerToken, a.res.body.id, 'pay')).n);
      const lineId = a.res.body.lines[0].id;
      counts.fulfil.push((await verb(supplierToken, a.res.body.id, 'fulfil', { lineId, confirmationCode: `C${i}` })).n);
      const c = await place(); counts.checkout.push(c.n);
      await verb(sellerToken, c.res.body.id, 'pay');
      counts.refund.push((await verb(sellerToken, c.res.body.id, 'request-refund', { lines: [{ lineId: c.res.body.lines[0].id, quantity: 1 }], reason: '压测' })).n);
    }
    if (process.env.BENCH_SHOW_SQL) {
      // BENCH_SHOW_SQL=1: the statements of one checkout, then of its pay
      const show = (title, list) => console.log(`  ${title}:\n${list.map((q, i) => `  ${String(i + 1).padStart(2)} ${q.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n')}`);
      proxy.trace(true);
      const shown = await place();
      show('checkout', proxy.trace(true));
      await verb(sellerToken, shown.res.body.id, 'pay');
      show('pay', proxy.trace(false));
    }
    console.log(`- statements per request at PostgreSQL (median of ${counts.checkout.length} / 7; the request's sign-in check and its answer included, BEGIN/COMMIT counted): checkout ${median(counts.checkout)}, pay ${median(counts.pay)}, cancel ${median(counts.cancel)}, fulfil ${median(counts.fulfil)}, refund ${median(counts.refund)}`);
    await stop(server); server = null;
    await proxy.close(); proxy = null;

    // 2. throughput run: the server talks to PostgreSQL directly
    server = startServer(database, port, 5432);
    await waitHealthy(port, Date.now());
    const tokens = [];
    for (const pair of world.pairs) tokens.push(await signIn(port, pair.username, 'Bench123456'));
    await load(port, Math.min(clients, 10), 2, (c, seed) => ({ token: tokens[c % tokens.length], body: bodyFor(world.strategyId, pick(seed)) })); // warm-up
    const spread = await load(port, clients, seconds, (c, seed) => ({ token: tokens[c % tokens.length], body: bodyFor(world.strategyId, pick(seed)) }));
    const single = await load(port, 1, Math.max(5, seconds / 2), (c, seed) => ({ token: tokens[0], body: bodyFor(world.strategyId, pick(seed)) }));
    const hot = await load(port, clients, seconds, () => ({ token: tokens[0], body: bodyFor(world.strategyId, world.items[0]) }));
    await stop(server); server = null;

    // 3. pgbench in the same run, on the same database, with the same spread
    const same = sameWrites(world.supplier.id, world.strategyId);
    const spreadVars = `\\set k random(1, ${world.pairs.length})\n\\set p random(1, ${world.items.length})\n`;
    const hotVars = '\\set k 1\n\\set p 1\n';
    const pgSame = pgbench(database, spreadVars + same, clients, seconds);
    const pgMinimal = pgbench(database, spreadVars + minimal(world.supplier.id, world.strategyId), clients, seconds);
    const pgHot = pgbench(database, hotVars + same, clients, seconds);
    const ratio = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '?');
    console.log(`- spread, ${clients} clients: ${fmt(spread)}`);
    console.log(`- spread, 1 client: ${fmt(single)}`);
    console.log(`- pgbench, the service's statements (${statementsIn(same)}, sign-in read, BEGIN and COMMIT included) over the same spread, ${clients} clients: ${pgSame?.toFixed(0) ?? '?'}/s → the service reaches ${ratio(spread.rate, pgSame)}`);
    console.log(`- pgbench, a minimal ${statementsIn(minimal(0, 0)) - 2}-statement checkout (+ BEGIN/COMMIT), ${clients} clients: ${pgMinimal?.toFixed(0) ?? '?'}/s → the service reaches ${ratio(spread.rate, pgMinimal)}`);
    console.log(`- hot (one seller's account, one product), ${clients} clients: ${fmt(hot)}`);
    console.log(`- pgbench, the same writes, hot, ${clients} clients: ${pgHot?.toFixed(0) ?? '?'}/s → the service reaches ${ratio(hot.rate, pgHot)}`);
  } finally {
    if (server) await stop(server);
    if (proxy) await proxy.close();
    if (process.env.BENCH_KEEP_DB) console.log(`- kept database ${database}`);
    else await dropDatabase(database);
  }
}

module.exports = checkoutBench;
