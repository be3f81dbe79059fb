#!/usr/bin/env node
/**
 * `npm run bench [-- part ...]`: prints figures, asserts nothing. Parts (default: all):
 *   startup  seconds from a clean build state until `npm start` answers /_health, first and second time,
 *            and the server's peak memory after sign-in and a few list calls (SQLite, throwaway file)
 *   list     console list p50/p95: tenant-scoped, filtered, sorted page of 25 over 100,000 employees,
 *            PostgreSQL, 1 and 20 concurrent clients
 *   bundle   the console's initial JavaScript, gzipped
 *   reserve  inventory reserve throughput and p95, 1 and 20 concurrent callers, 200 products × 30 days (PostgreSQL)
 *   catalogue the seller's catalogue query p95 with 10,000 products across 5 suppliers (PostgreSQL, HTTP)
 *   ledger   freeze+capture pairs per second and p95, 1 and 20 callers over 50 accounts, against the same
 *            SQL run by pgbench in the same run (PostgreSQL)
 *   orders   checkouts per second through HTTP with 50 clients (reserve + freeze + order rows) and the
 *            SQL statements per checkout, against pgbench running that SQL; then the supplier's order list
 *            p95 with 1,000,000 orders, filtered by status and date (PostgreSQL)
 *   collaboration  the visible-resources list (全部资源) p50/p95 with 100,000 resources from 1,000
 *            enterprises and mixed audiences, 1 and 10 clients; then the time from a message being sent
 *            until the other enterprise's open console hears of it (SSE) and has refetched the thread,
 *            median over 20 (PostgreSQL, HTTP)
 *   reports  home statistics and a 90-day sales report (by day, product, counterparty) p50/p95 with
 *            1,000,000 orders of one supplier and 20 sellers over a year (PostgreSQL, HTTP)
 */
const { spawn, spawnSync, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const zlib = require('zlib');

const root = path.resolve(__dirname, '..', '..');
const cms = path.join(root, 'cms');
const parts = process.argv.slice(2).length ? process.argv.slice(2) : ['bundle', 'startup', 'list', 'reserve', 'catalogue', 'ledger', 'orders', 'collaboration', 'reports'];
const BYPASS = 'bench-bypass';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function request(port, method, urlPath, { token, body, agent } = {}) {
  return new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : undefined;
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent, headers: {
      ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let json; try { json = JSON.parse(text); } catch { json = text; }
        resolve({ status: res.statusCode, headers: res.headers, body: json });
      });
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

async function waitHealthy(port, started, timeoutMs = 600000) {
  for (;;) {
    try { const res = await request(port, 'GET', '/_health'); if (res.status === 204) return (Date.now() - started) / 1000; } catch { /* not up yet */ }
    if (Date.now() - started > timeoutMs) throw new Error('server did not become healthy');
    await sleep(200);
  }
}

function descendants(pid) {
  const out = [pid];
  const children = spawnSync('pgrep', ['-P', String(pid)]).stdout.toString().split('\n').filter(Boolean).map(Number);
  for (const child of children) out.push(...descendants(child));
  return out;
}
function peakRssMb(pid) {
  let peak = 0;
  for (const p of descendants(pid)) {
    try { const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8')); if (m) peak = Math.max(peak, Number(m[1]) / 1024); } catch { /* gone */ }
  }
  return peak;
}
const stop = (child) => new Promise((resolve) => { child.on('exit', resolve); try { process.kill(-child.pid, 'SIGTERM'); } catch { resolve(); } });

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function signIn(port, username, password) {
  const res = await request(port, 'POST', '/api/auth/local', { body: { identifier: username, password, captchaId: 'bench', captchaCode: BYPASS } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
  return res.body.jwt;
}

async function startup() {
  console.log('\n## startup (npm start, SQLite)');
  for (const dir of ['plugins/identity/dist', 'cms/dist', 'admin-ui/dist']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
  for (const p of ['identity', 'console', 'messaging', 'inventory', 'ledger', 'orders', 'incentives']) fs.rmSync(path.join(root, 'plugins', p, 'dist'), { recursive: true, force: true });
  fs.rmSync(path.join(root, 'config', 'dist'), { recursive: true, force: true });
  for (const f of fs.readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.tsbuildinfo') && !String(f).includes('node_modules'))) fs.rmSync(path.join(root, String(f)), { force: true });
  const dbFile = path.join(os.tmpdir(), `cop-bench-${process.pid}.db`);
  const port = 40000 + (process.pid % 2000);
  const env = { ...process.env, PORT: String(port), DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile, CAPTCHA_BYPASS_CODE: BYPASS, LOG_LEVEL: 'warn' };
  const results = [];
  let last;
  for (const label of ['first (builds everything)', 'second (builds nothing)']) {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(cms, 'scripts', 'start.js')], { cwd: root, env, detached: true, stdio: 'ignore' });
    const seconds = await waitHealthy(port, started);
    results.push([label, seconds]);
    if (label.startsWith('second')) {
      const token = await signIn(port, 'supplier1', 'Demo@123456');
      for (const resource of ['employees', 'accounts', 'roles', 'notifications', 'enterprises']) {
        await request(port, 'GET', `/api/console/${resource}?range=${encodeURIComponent('[0,24]')}`, { token });
      }
      last = peakRssMb(child.pid);
    }
    await stop(child);
  }
  for (const [label, seconds] of results) console.log(`- seconds until /_health answers, ${label}: ${seconds.toFixed(1)}`);
  console.log(`- peak memory (VmHWM of the server processes) after sign-in and 5 list calls: ${last.toFixed(0)} MB`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
}

async function list() {
  console.log('\n## console list over 100,000 employees (PostgreSQL)');
  const { Client } = require(require.resolve('pg', { paths: [cms] }));
  const name = `cop_bench_${process.pid}`;
  const admin = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const port = 42000 + (process.pid % 2000);
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_CLIENT: 'postgres', DATABASE_NAME: name, DATABASE_USERNAME: 'postgres', DATABASE_POOL_MAX: '20', CAPTCHA_BYPASS_CODE: BYPASS, LOG_LEVEL: 'warn', DEMO_SEED: 'true', STRAPI_TELEMETRY_DISABLED: 'true' };
  const child = spawn(process.execPath, [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], { cwd: cms, env, detached: true, stdio: 'ignore' });
  try {
    await waitHealthy(port, Date.now());
    const db = new Client({ host: '127.0.0.1', user: 'postgres', database: name });
    await db.connect();
    const { rows: [supplier] } = await db.query("SELECT id FROM enterprises WHERE credit_code = '91110000MA01DEM01A'");
    const { rows: enterprises } = await db.query('SELECT id FROM enterprises ORDER BY id');
    const departments = ['销售部', '财务部', '运营部', '技术部', '人事部', '客服部', '采购部', '市场部'];
    const total = 100000;
    // 40% of the rows belong to the measured tenant, the rest to the other demo tenants
    const started = Date.now();
    for (let offset = 0; offset < total; offset += 10000) {
      await db.query(`
        INSERT INTO employees (document_id, enterprise_id, employee_no, name, phone, department, position, state, created_at, updated_at)
        SELECT md5(random()::text), CASE WHEN g % 5 < 2 THEN $1::int ELSE ($2::int[])[1 + g % array_length($2::int[], 1)] END,
               'N' || g, '员工' || lpad((g * 7919 % 100000)::text, 5, '0'), '138' || lpad(g::text, 8, '0'),
               ($3::text[])[1 + g % 8], '专员', CASE WHEN g % 10 = 0 THEN 'left' ELSE 'active' END,
               now() - (g || ' minutes')::interval, now()
        FROM generate_series($4::int, $5::int) AS g`, [supplier.id, enterprises.map((e) => e.id).filter((id) => id !== supplier.id), departments, offset + 1, offset + 10000]);
    }
    await db.query('ANALYZE employees');
    console.log(`- loaded ${total} employees in ${((Date.now() - started) / 1000).toFixed(1)} s (${(total * 0.4) | 0} in the measured tenant)`);
    await db.end();
    const token = await signIn(port, 'supplier1', 'Demo@123456');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const url = (i) => `/api/console/employees?${new URLSearchParams({
      filter: JSON.stringify({ department: departments[i % 8], status: 'active' }),
      sort: JSON.stringify(i % 2 ? ['name', 'ASC'] : ['createdAt', 'DESC']),
      range: JSON.stringify([(i % 20) * 25, (i % 20) * 25 + 24]),
    })}`;
    const first = await request(port, 'GET', url(0), { token, agent });
    if (first.status !== 200 || first.body.length !== 25) throw new Error(`unexpected list answer ${first.status}`);
    for (const clients of [1, 20]) {
      const perClient = clients === 1 ? 300 : 60;
      const latencies = [];
      const t0 = Date.now();
      await Promise.all(Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < perClient; i += 1) {
          const s = process.hrtime.bigint();
          const res = await request(port, 'GET', url(c * perClient + i), { token, agent });
          if (res.status !== 200) throw new Error(`status ${res.status}`);
          latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
        }
      }));
      const seconds = (Date.now() - t0) / 1000;
      console.log(`- ${clients} client(s): ${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ${(latencies.length / seconds).toFixed(0)} req/s`);
    }
    agent.destroy();
  } finally {
    await stop(child);
    const cleanup = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  }
}

function bundle() {
  console.log('\n## console bundle');
  const dist = path.join(root, 'admin-ui', 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) execSync('npm run build -w admin-ui', { cwd: root, stdio: 'inherit' });
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/console\/([^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0; let gz = 0;
  for (const file of files) {
    const buf = fs.readFileSync(path.join(dist, file));
    raw += buf.length; gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  console.log(`- initial JavaScript (${files.length} file(s) referenced by index.html): ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzipped`);
}

/** A throwaway PostgreSQL database with the Strapi app loaded in this process. */
async function inProcess(label) {
  const { Client } = require(require.resolve('pg', { paths: [cms] }));
  const name = `cop_bench_${label}_${process.pid}`;
  const admin = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_HOST: '127.0.0.1', DATABASE_NAME: name, DATABASE_USERNAME: 'postgres', DATABASE_POOL_MAX: '30', CAPTCHA_BYPASS_CODE: BYPASS, LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false', STRAPI_TELEMETRY_DISABLED: 'true', DEMO_SEED: 'false' });
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [cms] }));
  const strapi = await createStrapi({ appDir: cms, distDir: path.join(cms, 'dist') }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return {
    strapi, name, port: strapi.server.httpServer.address().port,
    async close() {
      await strapi.destroy();
      if (process.env.BENCH_KEEP_DB) { console.log(`- kept database ${name}`); return; }
      const c = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

let enterpriseCount = 0;
async function enterprise(strapi, kind, username) {
  enterpriseCount += 1;
  const { enterprise, user } = await strapi.plugin('identity').service('provisioning').ensureEnterprise({
    name: `${username} 企业`, creditCode: `91110000MA${String(process.pid % 100000).padStart(5, '0')}${String(enterpriseCount).padStart(3, '0')}`, kind,
    admin: { username, email: `${username}@bench.local`, password: 'Bench123456' },
  });
  return { id: enterprise.id, userId: user.id, username };
}

/** Run `work(i)` from `clients` concurrent callers for `perClient` calls each; print throughput and percentiles. */
async function measure(label, clients, perClient, work) {
  const latencies = [];
  let failures = 0;
  const reasons = new Map();
  const t0 = Date.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; i < perClient; i += 1) {
      const s = process.hrtime.bigint();
      try { await work(c * perClient + i); } catch (error) { failures += 1; const why = [error.code ?? error.message, error.constraint].filter(Boolean).join(' '); reasons.set(why, (reasons.get(why) ?? 0) + 1); }
      latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }));
  const seconds = (Date.now() - t0) / 1000;
  console.log(`- ${label}, ${clients} caller(s): ${(latencies.length / seconds).toFixed(0)}/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${failures ? `, ${failures} refused (${[...reasons].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`);
  return latencies.length / seconds;
}

async function reserveBench() {
  console.log('\n## inventory reserve (PostgreSQL, in-process service calls)');
  const app = await inProcess('reserve');
  try {
    const stock = app.strapi.plugin('inventory').service('stock');
    const supplier = await enterprise(app.strapi, 'supplier', 'bench_stock');
    for (let p = 1; p <= 200; p += 1) {
      await stock.setPolicy(p, supplier.id, 'daily');
      await stock.maintain({ productId: p, supplierId: supplier.id, mode: 'set', quantity: 1_000_000, from: '2027-01-01', to: '2027-01-30' });
    }
    const day = (i) => `2027-01-${String(1 + (i % 30)).padStart(2, '0')}`;
    const expiresAt = new Date(Date.now() + 3600_000);
    let n = 0;
    for (const clients of [1, 20]) {
      await measure('reserve of 2 lines', clients, clients === 1 ? 400 : 100, async (i) => {
        n += 1;
        await stock.reserve([
          { reference: `b${n}-a`, productId: 1 + (i * 7) % 200, quantity: 1, day: day(i) },
          { reference: `b${n}-b`, productId: 1 + (i * 13 + 5) % 200, quantity: 2, day: day(i + 3) },
        ], { expiresAt });
      });
    }
    const drift = await stock.reconcile();
    console.log(`- reconcile after the run: ${drift.length} mismatching stock rows`);
  } finally { await app.close(); }
}

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

async function ledgerBench() {
  console.log('\n## ledger freeze + capture (PostgreSQL)');
  const app = await inProcess('ledger');
  try {
    const s = app.strapi;
    const ledger = s.plugin('ledger').service('ledger');
    const supplier = await enterprise(s, 'supplier', 'bench_money');
    const accounts = [];
    for (let k = 0; k < 50; k += 1) {
      const seller = await enterprise(s, 'seller', `bench_payer${k}`);
      await s.db.connection('partnerships').insert({ document_id: `lp${k}`, supplier_id: supplier.id, seller_id: seller.id, state: 'active', created_at: new Date(), updated_at: new Date() });
      const account = await ledger.open(supplier.id, seller.id, 'prepaid');
      await ledger.setStatus(account.id, 'enabled');
      await ledger.topUp(account.id, 1_000_000_000, { transferId: `seed-${k}` });
      accounts.push(account.id);
    }
    let n = 0;
    const results = {};
    for (const clients of [1, 20]) {
      results[clients] = await measure('freeze+capture pair', clients, clients === 1 ? 300 : 60, async (i) => {
        n += 1;
        const m = n;
        await ledger.freeze(accounts[i % 50], 100, { transferId: `bf-${m}`, orderRef: `BO-${m}` });
        await ledger.capture(`bf-${m}`, { transferId: `bc-${m}` });
      });
    }
    const report = await ledger.check();
    console.log(`- ledger check after the run: ${report.mismatches.length} mismatches, debits ${report.balanced ? '=' : '≠'} credits`);
    // the same two transactions as plain SQL, by pgbench, on the same database and machine
    // each pair has its own revenue account; in this fresh database ids run cash, revenue, prepaid per pair
    const revenues = [];
    for (const id of accounts) revenues.push(await ledger.control(supplier.id, (await ledger.account(id)).sellerId, 'revenue'));
    const step = accounts[1] - accounts[0];
    if (!accounts.every((id, k) => id === accounts[0] + k * step && revenues[k] === id - 1)) throw new Error('unexpected account id layout for pgbench');
    const script = path.join(os.tmpdir(), `cop-ledger-${process.pid}.sql`);
    fs.writeFileSync(script, `\\set k random(0, 49)
\\set a ${accounts[0]} + ${step} * :k
\\set r :a - 1
BEGIN;
SELECT id FROM ledger_accounts WHERE id IN (:a, :r) ORDER BY id FOR UPDATE;
SELECT 1 FROM partnerships WHERE supplier_id = ${supplier.id} AND state = 'active' LIMIT 1;
UPDATE ledger_accounts SET debits_pending = debits_pending + 100 WHERE id = :a AND credits_posted - debits_posted - debits_pending >= 100;
UPDATE ledger_accounts SET credits_pending = credits_pending + 100 WHERE id = :r;
INSERT INTO ledger_transfers (document_id, transfer_id, debit_account_id, credit_account_id, amount, flag, kind, account_id, supplier_id, seller_id, direction, available_after, frozen_after, created_at, updated_at)
  VALUES (md5(random()::text), 'pgf-' || :client_id || '-' || md5(random()::text), :a, :r, 100, 'pending', 'freeze', :a, ${supplier.id}, 1, 'out', 0, 100, now(), now());
COMMIT;
BEGIN;
SELECT id FROM ledger_accounts WHERE id IN (:a, :r) ORDER BY id FOR UPDATE;
UPDATE ledger_accounts SET debits_pending = debits_pending - 100, debits_posted = debits_posted + 100 WHERE id = :a;
UPDATE ledger_accounts SET credits_pending = credits_pending - 100, credits_posted = credits_posted + 100 WHERE id = :r;
INSERT INTO ledger_transfers (document_id, transfer_id, debit_account_id, credit_account_id, amount, flag, pending_id, kind, account_id, supplier_id, seller_id, direction, available_after, frozen_after, created_at, updated_at)
  VALUES (md5(random()::text), 'pgc-' || md5(random()::text), :a, :r, 100, 'post', 'pgp-' || md5(random()::text), 'capture', :a, ${supplier.id}, 1, 'out', 0, 0, now(), now());
COMMIT;
`);
    for (const clients of [1, 20]) {
      const out = spawnSync('pgbench', ['-n', '-h', '127.0.0.1', '-U', 'postgres', '-c', String(clients), '-j', '2', '-T', '10', '-f', script, app.name], { encoding: 'utf8' });
      const tps = /tps = ([\d.]+)/.exec(out.stdout)?.[1];
      const latency = /latency average = ([\d.]+) ms/.exec(out.stdout)?.[1];
      console.log(`- pgbench, same SQL, ${clients} client(s): ${tps ? Number(tps).toFixed(0) : '?'} pairs/s, average ${latency ?? '?'} ms${tps ? `; the service reaches ${(100 * results[clients] / Number(tps)).toFixed(0)}% of it` : ` (${out.stderr.trim().split('\n').pop()})`}`);
    }
    fs.rmSync(script, { force: true });
  } finally { await app.close(); }
}

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

async function collaborationBench() {
  console.log('\n## collaboration (PostgreSQL, HTTP)');
  const app = await inProcess('collab');
  try {
    const s = app.strapi;
    const knex = s.db.connection;
    const seller = await enterprise(s, 'seller', 'bench_reader');
    const supplier = await enterprise(s, 'supplier', 'bench_owner');
    // 1,000 enterprises (998 more), a third suppliers, a third sellers, a third both
    await knex.raw(`INSERT INTO enterprises (document_id, name, credit_code, kind, state, created_at, updated_at)
      SELECT md5('e' || g), '企业' || g, '9111BENCH' || lpad(g::text, 9, '0'), (ARRAY['supplier','seller','both'])[1 + g % 3], 'active', now(), now()
      FROM generate_series(1, 998) g`);
    const owners = (await knex('enterprises').select('id')).map((r) => r.id);
    const started = Date.now();
    // 100,000 resources: 70 % listed; audiences all 40 %, suppliers 20 %, sellers 20 %, named 20 % (3 enterprises each, the reader in 1 of 50)
    await knex.raw(`INSERT INTO collab_resources (document_id, owner_id, title, type, region, description, valid_from, valid_to, audience, audience_ids, audience_key, state, listed_at, picture_ids, attachment_ids, created_at, updated_at)
      SELECT md5('r' || g), (?::int[])[1 + g % ?], '资源' || g, (ARRAY['venue','product','service','traffic','media','other'])[1 + g % 6], (ARRAY['杭州','上海','北京','广州'])[1 + g % 4],
             '描述 ' || g, '2020-01-01', CASE WHEN g % 10 = 0 THEN '2021-01-01' ELSE '2099-12-31' END,
             (ARRAY['all','all','suppliers','sellers','named'])[1 + g % 5],
             '[]'::jsonb,
             CASE WHEN g % 5 = 4 THEN '|' || (CASE WHEN g % 50 = 4 THEN ? ELSE (?::int[])[1 + g % ?] END) || '|' || (?::int[])[1 + (g * 7) % ?] || '|' ELSE NULL END,
             CASE WHEN g % 10 < 7 THEN 'listed' WHEN g % 10 < 9 THEN 'draft' ELSE 'unlisted' END,
             now() - ((g % 400) || ' minutes')::interval, '[]'::jsonb, '[]'::jsonb, now(), now()
      FROM generate_series(1, 100000) g`, [owners, owners.length, seller.id, owners, owners.length, owners, owners.length]);
    await knex.raw('ANALYZE');
    console.log(`- loaded 100,000 resources from ${owners.length} enterprises in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const token = await signIn(app.port, 'bench_reader', 'Bench123456');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const types = ['venue', 'product', 'service', 'traffic', 'media', 'other'];
    const url = (i) => `/api/console/all-resources?${new URLSearchParams({
      filter: JSON.stringify(i % 3 === 0 ? { type: types[i % 6] } : i % 3 === 1 ? { q: `资源${1 + (i % 9)}`, region: '杭州' } : {}),
      sort: JSON.stringify(['listedAt', 'DESC']), range: JSON.stringify([(i % 8) * 25, (i % 8) * 25 + 24]),
    })}`;
    const probe = await request(app.port, 'GET', url(2), { token, agent });
    console.log(`- ${probe.headers['content-range']} visible to one seller`);
    for (const clients of [1, 10]) await measure('visible resources, page of 25', clients, clients === 1 ? 60 : 20, async (i) => {
      const res = await request(app.port, 'GET', url(i), { token, agent });
      if (res.status !== 200) throw new Error(String(res.status));
    });

    // message latency: the supplier's console listens; the seller writes 20 messages one after another
    const principal = await s.plugin('identity').service('principal').load(seller.userId);
    const [resource] = await knex('collab_resources').insert({ document_id: 'bench-lat', owner_id: supplier.id, title: '延迟测试', type: 'venue', valid_from: '2020-01-01', valid_to: '2099-12-31', audience: 'all', audience_ids: '[]', state: 'listed', listed_at: new Date(), picture_ids: '[]', attachment_ids: '[]', created_at: new Date(), updated_at: new Date() }).returning('id');
    const thread = await s.plugin('messaging').service('conversations').start(principal, { subjectType: 'resource', subjectId: resource.id ?? resource, text: '开始' });
    void principal;
    const supplierToken = await signIn(app.port, 'bench_owner', 'Bench123456');
    const waiting = [];
    const stream = http.get({ host: '127.0.0.1', port: app.port, path: '/api/console/events', headers: { Authorization: `Bearer ${supplierToken}` } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
          if (block.startsWith('data: ') && waiting.length) waiting.shift()();
        }
      });
    });
    await sleep(300);
    const heard = [];
    const shown = [];
    for (let i = 0; i < 20; i += 1) {
      const event = new Promise((resolve) => waiting.push(resolve));
      const t0 = process.hrtime.bigint();
      const sent = await request(app.port, 'POST', '/api/console/conversation-messages', { token, agent, body: { conversationId: thread.id, body: `消息 ${i}` } });
      if (sent.status !== 201) throw new Error(`send: ${sent.status} ${JSON.stringify(sent.body)}`);
      await event;
      heard.push(Number(process.hrtime.bigint() - t0) / 1e6);
      // what the console then does: refetch the open thread
      await request(app.port, 'GET', `/api/console/conversation-messages?${new URLSearchParams({ filter: JSON.stringify({ conversationId: thread.id }), sort: JSON.stringify(['createdAt', 'ASC']), range: JSON.stringify([0, 49]) })}`, { token: supplierToken, agent });
      shown.push(Number(process.hrtime.bigint() - t0) / 1e6);
      await sleep(50);
    }
    stream.destroy();
    console.log(`- message sent → other console hears of it (SSE): median ${percentile(heard, 50).toFixed(1)} ms, max ${Math.max(...heard).toFixed(1)} ms (20 messages)`);
    console.log(`- message sent → other console has refetched the thread: median ${percentile(shown, 50).toFixed(1)} ms, max ${Math.max(...shown).toFixed(1)} ms`);
    agent.destroy();
  } finally { await app.close(); }
}

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

(async () => {
  for (const part of parts) {
    if (part === 'bundle') bundle();
    else if (part === 'startup') await startup();
    else if (part === 'list') await list();
    else if (part === 'reserve') await reserveBench();
    else if (part === 'catalogue') await catalogueBench();
    else if (part === 'ledger') await ledgerBench();
    else if (part === 'orders') await ordersBench();
    else if (part === 'collaboration') await collaborationBench();
    else if (part === 'reports') await reportsBench();
    else { console.error(`unknown part ${part}`); process.exit(2); }
  }
})().catch((error) => { console.error(error); process.exit(1); });
