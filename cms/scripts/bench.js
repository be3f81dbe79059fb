#!/usr/bin/env node
/**
 * `npm run bench [-- part ...]`: prints figures, asserts nothing. Parts (default: all):
 *   startup  seconds from a clean build state until `npm start` answers /_health, first and second time,
 *            and the server's peak memory after sign-in and a few list calls (SQLite, throwaway file)
 *   list     console list p50/p95: tenant-scoped, filtered, sorted page of 25 over 100,000 employees,
 *            PostgreSQL, 1 and 20 concurrent clients
 *   bundle   the console's initial JavaScript, gzipped
 */
const { spawn, spawnSync, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const zlib = require('zlib');

const root = path.resolve(__dirname, '..', '..');
const cms = path.join(root, 'cms');
const parts = process.argv.slice(2).length ? process.argv.slice(2) : ['bundle', 'startup', 'list'];
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
        INSERT INTO employees (document_id, enterprise_id, employee_no, name, phone, department, position, status, created_at, updated_at)
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

(async () => {
  for (const part of parts) {
    if (part === 'bundle') bundle();
    else if (part === 'startup') await startup();
    else if (part === 'list') await list();
    else { console.error(`unknown part ${part}`); process.exit(2); }
  }
})().catch((error) => { console.error(error); process.exit(1); });
