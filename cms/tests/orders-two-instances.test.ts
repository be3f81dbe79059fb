import path from 'path';
import { spawn, ChildProcessWithoutNullStreams } from 'child_process';
import { startApp, TestApp, CMS_DIR } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';
import { TEST_DB } from './helpers/db';

/**
 * Two Strapi server processes on one PostgreSQL database, both taking checkouts over HTTP: the stock and
 * money guards must hold across processes (row locks in the database), not only within one Node process.
 */
const suite = TEST_DB === 'postgres'
  ? describe
  : describe.skip;
const title = TEST_DB === 'postgres'
  ? 'orders across two server processes on one PostgreSQL database'
  : 'orders across two server processes (skipped: needs PostgreSQL (TEST_DB=postgres); two OS processes on one SQLite file is not a supported deployment)';

const BOOT_TIMEOUT = 120_000;
const day = shift(today(), 2);

let app: TestApp;
let child: ChildProcessWithoutNullStreams | undefined;
let childExited: Promise<number | null> | undefined;
let childUrl = '';
let childLog = '';
let supplier: Tenant;
let buyer: Tenant;

const ledger = () => app.strapi.plugin('ledger').service('ledger');
const figures = async (id: number) => ledger().figures(await ledger().account(id));
const stockOf = (productId: number, slot = day) => app.strapi.db.query('plugin::inventory.stock-item').findOne({ where: { productId, slot } });

/** The second instance: the same compiled app and database (DATABASE_* inherited), served on its own port. */
function startSecondInstance(): Promise<string> {
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    // not named \`strapi\`: a top-level binding in this script would shadow the global \`strapi\` Strapi's loaders read
    let instance;
    let stopping = false;
    const stop = async (code) => {
      if (stopping) return;
      stopping = true;
      try { if (instance) await instance.destroy(); } catch (e) { process.stderr.write('DESTROY ' + (e && e.stack || e) + '\\n'); code = 1; }
      process.exit(code);
    };
    process.on('SIGTERM', () => stop(0));
    process.on('SIGINT', () => stop(0));
    process.stdin.on('end', () => stop(0));
    process.stdin.resume();
    (async () => {
      instance = await createStrapi({ appDir: ${JSON.stringify(CMS_DIR)}, distDir: ${JSON.stringify(path.join(CMS_DIR, 'dist'))} }).load();
      await instance.server.mount();
      await new Promise((resolve) => instance.server.httpServer.listen(0, '127.0.0.1', resolve));
      process.stdout.write('LISTENING ' + instance.server.httpServer.address().port + '\\n');
    })().catch((e) => { process.stdout.write('ERROR ' + (e && e.stack) + '\\n'); process.stderr.write(String(e && e.stack || e) + '\\n'); stop(1); });`;
  const proc = spawn(process.execPath, ['-e', script], { cwd: CMS_DIR, env: { ...process.env, LOG_LEVEL: 'error' }, stdio: ['pipe', 'pipe', 'pipe'] });
  child = proc;
  childExited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  proc.stderr.on('data', (chunk: Buffer) => { childLog += chunk.toString(); });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      childLog += chunk.toString();
      const port = /LISTENING (\d+)/.exec(out)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
      else if (/^ERROR /m.test(out)) reject(new Error(`second instance failed to boot:\n${childLog}`));
    });
    proc.on('exit', (code) => reject(new Error(`second instance exited (${code}) before listening:\n${childLog}`)));
  });
}

/** Close the child's stdin (it destroys Strapi and exits 0); SIGTERM, then SIGKILL, if it lingers. How it ended: */
async function stopSecondInstance(): Promise<string> {
  if (!child || !childExited) return 'not started';
  const proc = child;
  if (proc.exitCode !== null || proc.signalCode !== null) return `already exited (${proc.exitCode ?? proc.signalCode})`;
  const within = (ms: number) => Promise.race([childExited!.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  proc.stdin.end();
  if (await within(15_000)) return `exit ${proc.exitCode}`;
  proc.kill('SIGTERM');
  if (await within(10_000)) return `exit ${proc.exitCode} after SIGTERM`;
  proc.kill('SIGKILL');
  await childExited;
  return 'killed';
}

const checkout = (baseUrl: string, token: string, body: unknown) => fetch(`${baseUrl}/api/console/orders`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  body: JSON.stringify(body),
}).then(async (res) => ({ baseUrl, status: res.status, body: await res.json().catch(() => null) as any }));

suite(title, () => {
  beforeAll(async () => {
    // one JWT secret for both processes (the child inherits process.env), so either instance accepts the other's tokens;
    // two pools of 30 stay well under PostgreSQL's default max_connections (100)
    app = await startApp({ JWT_SECRET: 'two-instances-test-jwt-secret', DATABASE_POOL_MAX: '30' });
    childUrl = await startSecondInstance();
    supplier = await tenant(app, 'supplier', 'two_supplier');
    buyer = await tenant(app, 'seller', 'two_buyer');
    await partner(app, supplier, buyer);
    await agreement(app, supplier, buyer);
  }, BOOT_TIMEOUT);

  afterAll(async () => {
    // the child first: it holds connections to the database that app.close() drops
    const stopped = await stopSecondInstance();
    if (app) {
      try {
        expect(await app.strapi.plugin('inventory').service('stock').reconcile()).toEqual([]);
      } finally {
        await app.close();
      }
    }
    // the child shut down on its own (stdin closed → strapi.destroy() → exit 0); its stderr helps when it did not
    if (child) expect({ stopped, log: childLog }).toEqual({ stopped: 'exit 0', log: expect.any(String) });
  }, BOOT_TIMEOUT);

  it('accepts a token issued by the first instance on the second', async () => {
    expect(childUrl).not.toBe(app.url);
    const res = await fetch(`${childUrl}/api/console/session`, { headers: { Authorization: `Bearer ${buyer.token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ username: 'two_buyer', enterprise: { id: buyer.enterpriseId } });
  });

  it('200 concurrent HTTP checkouts split over both instances, 50 units and money for 40: exactly 40 orders, consistent counters', async () => {
    const hot = await product(app, supplier, { name: '限量票（双实例）' });
    await as(app, supplier.token).post('/stock-days/maintain', { productId: hot.id, mode: 'set', quantity: 50, from: day, to: day });
    const rush = await strategy(app, supplier, [{ productId: hot.id, price: 1000 }], { name: '秒杀', businessMode: 'prepaid' });
    const account = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: buyer.enterpriseId })).body.id;
    await ledger().setStatus(account, 'enabled');
    await ledger().topUp(account, 40_000, { transferId: 'two-rush-topup' });

    const body = { channel: 'individual', paymentMode: 'prepaid', customerName: '抢购', lines: [{ productId: hot.id, strategyId: rush.id, quantity: 1, day }] };
    const urls = [app.url, childUrl];
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => checkout(urls[i % 2], buyer.token, body)));
    const elapsed = Date.now() - started;

    const ok = results.filter((r) => r.status >= 200 && r.status < 300);
    const refused = results.filter((r) => r.status >= 400 && r.status < 500);
    const failed = results.filter((r) => r.status >= 500 || r.status < 200 || (r.status >= 300 && r.status < 400));
    const summary = { elapsed, statuses: results.reduce((m: Record<string, number>, r) => ({ ...m, [`${r.baseUrl === app.url ? 'A' : 'B'}:${r.status}`]: (m[`${r.baseUrl === app.url ? 'A' : 'B'}:${r.status}`] ?? 0) + 1 }), {}) };
    // eslint-disable-next-line no-console
    console.log(`two-instance checkout: ${JSON.stringify(summary)}`);

    expect(failed.map((r) => ({ status: r.status, body: r.body }))).toEqual([]);
    expect(ok).toHaveLength(40);
    expect(new Set(ok.map((r) => r.status))).toEqual(new Set([201]));
    expect(refused).toHaveLength(160);
    expect(new Set(refused.map((r) => `${r.status} ${r.body?.code}`))).toEqual(new Set(['409 INSUFFICIENT_FUNDS']));
    // both processes took orders
    expect(ok.filter((r) => r.baseUrl === app.url).length).toBeGreaterThan(0);
    expect(ok.filter((r) => r.baseUrl === childUrl).length).toBeGreaterThan(0);
    // the 40 orders are distinct and numbered
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(40);
    expect(ok.every((r) => r.body.status === 'pending_payment' && r.body.totalAmount === 1000)).toBe(true);

    expect(await stockOf(hot.id, day)).toMatchObject({ total: 50, reserved: 40, sold: 0 });
    expect(await figures(account)).toMatchObject({ available: 0, frozen: 40_000 });
    expect(await app.strapi.db.query('plugin::orders.order').count({ where: { sellerId: buyer.enterpriseId } })).toBe(40);
    const report = await ledger().check();
    expect(report.mismatches).toEqual([]);
  }, BOOT_TIMEOUT);
});
