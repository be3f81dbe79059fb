import http from 'http';
import net from 'net';
import path from 'path';
import { spawn, ChildProcess } from 'child_process';
import { startApp, TestApp, CMS_DIR } from './helpers/app';
import { as, PASSWORD, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';
import { TEST_DB } from './helpers/db';

/**
 * `npm start` on PostgreSQL serves with one worker per core (cms/scripts/serve.js, node:cluster). This
 * starts that server with two workers on the test database and checks what must hold across workers:
 * tokens, captchas and lockouts (in the database), and the stock and money guards under concurrent
 * checkouts (row locks). Each answer names its worker (X-Worker), so the test sees both took part.
 */
const suite = TEST_DB === 'postgres' ? describe : describe.skip;
const title = TEST_DB === 'postgres'
  ? 'the cluster started by npm start on PostgreSQL (two workers)'
  : 'the cluster started by npm start (skipped: needs PostgreSQL (TEST_DB=postgres); SQLite is served by one process)';

const BOOT_TIMEOUT = 180_000;
const CAPTCHA = 'plugin::identity.captcha';
const day = shift(today(), 2);

let app: TestApp;
let server: ChildProcess | undefined;
let exited: Promise<number | null> | undefined;
let log = '';
let base = '';
let supplier: Tenant;
let buyer: Tenant;

const ledger = () => app.strapi.plugin('ledger').service('ledger');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address() as net.AddressInfo; probe.close(() => resolve(port)); });
  });
}

async function startCluster(): Promise<string> {
  const port = await freePort();
  // the test database and secrets come from process.env (startApp put them there)
  const proc = spawn(process.execPath, [path.join(CMS_DIR, 'scripts', 'serve.js')], {
    cwd: CMS_DIR, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: '2', LOG_LEVEL: 'error', SCHEDULER_ENABLED: 'true' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = proc;
  exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  proc.stdout!.on('data', (c: Buffer) => { log += c.toString(); });
  proc.stderr!.on('data', (c: Buffer) => { log += c.toString(); });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  // healthy once both workers answer
  const seen = new Set<string>();
  while (seen.size < 2) {
    if (proc.exitCode !== null) throw new Error(`the cluster exited (${proc.exitCode}):\n${log}`);
    if (Date.now() - started > BOOT_TIMEOUT - 10_000) throw new Error(`the cluster did not start two workers:\n${log}`);
    try {
      base = url;
      const res = await call('GET', '/_health');
      if (res.status === 204 && res.worker) seen.add(res.worker);
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  return url;
}

async function stopCluster(): Promise<string> {
  if (!server || !exited) return 'not started';
  if (server.exitCode !== null) return `already exited (${server.exitCode})`;
  server.kill('SIGTERM');
  const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000).unref())]);
  if (done) return `exit ${server.exitCode}`;
  server.kill('SIGKILL');
  await exited;
  return 'killed';
}

/**
 * One request on a connection of its own (no keep-alive): the cluster hands out connections, not
 * requests, so a reused connection would always reach the same worker.
 */
function call(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; worker: string | null; body: any }> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${url}`, {
      method, agent: false,
      headers: { ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let parsed: any = null;
        try { parsed = JSON.parse(Buffer.concat(chunks).toString()); } catch { /* no JSON body */ }
        resolve({ status: res.statusCode ?? 0, worker: (res.headers['x-worker'] as string | undefined) ?? null, body: parsed });
      });
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

suite(title, () => {
  beforeAll(async () => {
    app = await startApp({ JWT_SECRET: 'cluster-test-jwt-secret', DATABASE_POOL_MAX: '20' });
    supplier = await tenant(app, 'supplier', 'cl_supplier');
    buyer = await tenant(app, 'seller', 'cl_buyer');
    await partner(app, supplier, buyer);
    await agreement(app, supplier, buyer);
    base = await startCluster();
  }, BOOT_TIMEOUT);

  afterAll(async () => {
    const stopped = await stopCluster();
    if (app) {
      try {
        expect(await app.strapi.plugin('inventory').service('stock').reconcile()).toEqual([]);
      } finally {
        await app.close();
      }
    }
    // SIGTERM reaches the primary, which stops both workers (each destroys Strapi) and exits 0
    if (server) expect({ stopped, log }).toEqual({ stopped: 'exit 0', log: expect.any(String) });
  }, BOOT_TIMEOUT);

  it('accepts a token on either worker', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => call('GET', '/api/console/session', undefined, buyer.token)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.worker))).toEqual(new Set(['1', '2']));
  });

  it('keeps captchas and the lockout in the database: five wrong passwords over both workers lock the account', async () => {
    await tenant(app, 'seller', 'cl_lockme');
    const pairs: string[] = [];
    const attempt = async (password: string, shift = false) => {
      const issued = await call('GET', '/api/auth/captcha');
      const row = await app.strapi.db.query(CAPTCHA as any).findOne({ where: { captchaId: issued.body.captchaId } });
      // one more connection in between moves the sign-in to the other worker (connections go round)
      if (shift) await call('GET', '/_health');
      const res = await call('POST', '/api/auth/local', { identifier: 'cl_lockme', password, captchaId: issued.body.captchaId, captchaCode: row.code });
      pairs.push(`${issued.worker}→${res.worker}`);
      return res;
    };
    for (let i = 1; i <= 4; i += 1) expect((await attempt('wrong-password1', i % 2 === 0)).body.code).toBe('INVALID_CREDENTIALS');
    expect(await attempt('wrong-password1')).toMatchObject({ status: 429, body: { code: 'ACCOUNT_LOCKED' } });
    expect(await attempt(PASSWORD, true)).toMatchObject({ status: 429 });
    // failures were counted on both workers, and captchas issued by one were answered on the other
    expect(new Set(pairs.map((p) => p.split('→')[1]))).toEqual(new Set(['1', '2']));
    expect(pairs.some((p) => p.split('→')[0] !== p.split('→')[1])).toBe(true);
  });

  it('100 concurrent checkouts over both workers, 30 units and money for 25: exactly 25 orders, consistent counters', async () => {
    const hot = await product(app, supplier, { name: '限量票（集群）' });
    await as(app, supplier.token).post('/stock-days/maintain', { productId: hot.id, mode: 'set', quantity: 30, from: day, to: day });
    const rush = await strategy(app, supplier, [{ productId: hot.id, price: 1000 }], { name: '集群秒杀', businessMode: 'prepaid' });
    const account = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: buyer.enterpriseId })).body.id;
    await ledger().setStatus(account, 'enabled');
    await ledger().topUp(account, 25_000, { transferId: 'cluster-rush-topup' });

    const body = { channel: 'individual', paymentMode: 'prepaid', customerName: '抢购', lines: [{ productId: hot.id, strategyId: rush.id, quantity: 1, day }] };
    const results = await Promise.all(Array.from({ length: 100 }, () => call('POST', '/api/console/orders', body, buyer.token)));
    const ok = results.filter((r) => r.status === 201);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(ok).toHaveLength(25);
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body?.code}`))).toEqual(new Set(['409 INSUFFICIENT_FUNDS']));
    expect(new Set(ok.map((r) => r.worker))).toEqual(new Set(['1', '2']));
    expect(new Set(ok.map((r) => r.body.number)).size).toBe(25);
    const stock = await app.strapi.db.query('plugin::inventory.stock-item').findOne({ where: { productId: hot.id, slot: day } });
    expect(stock).toMatchObject({ total: 30, reserved: 25, sold: 0 });
    expect(ledger().figures(await ledger().account(account))).toMatchObject({ available: 0, frozen: 25_000 });
    expect((await ledger().check()).mismatches).toEqual([]);
  }, BOOT_TIMEOUT);
});
