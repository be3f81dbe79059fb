/** What the benchmarks share: HTTP calls, percentiles, a throwaway PostgreSQL app in this process, enterprises. */
const { spawn, spawnSync, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const zlib = require('zlib');

const root = path.resolve(__dirname, '..', '..', '..');
const cms = path.join(root, 'cms');
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


module.exports = { spawn, spawnSync, execSync, fs, os, path, http, zlib, root, cms, BYPASS, sleep, request, waitHealthy, descendants, peakRssMb, stop, percentile, signIn, inProcess, enterprise, measure };

/** Create / drop a throwaway PostgreSQL database on 127.0.0.1:5432. */
async function createDatabase(name) {
  const { Client } = require(require.resolve('pg', { paths: [cms] }));
  const admin = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}
async function dropDatabase(name) {
  const { Client } = require(require.resolve('pg', { paths: [cms] }));
  const admin = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/**
 * A TCP relay in front of PostgreSQL that counts the statements clients send: every simple-protocol
 * Query ('Q') and every extended-protocol Execute ('E') message, BEGIN and COMMIT included. Whatever
 * component sends SQL (Strapi's query engine, knex, a raw pg client) passes through it, so nothing is
 * missed; it is only in the path during a counting run, never while throughput is measured.
 */
function countingProxy(target = { host: '127.0.0.1', port: 5432 }) {
  const net = require('net');
  let statements = 0;
  let traced = null; // the statements' text while tracing (BENCH_SHOW_SQL)
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client); sockets.add(upstream);
    let pending = Buffer.alloc(0);
    let startup = true;
    client.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (startup) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          // an SSLRequest / GSSENCRequest is followed by the real startup message
          const code = pending.readInt32BE(4);
          if (code !== 80877103 && code !== 80877104) startup = false;
          pending = pending.subarray(length);
        } else {
          if (pending.length < 5) break;
          const length = pending.readInt32BE(1);
          if (pending.length < 1 + length) break;
          const type = pending[0];
          if (type === 0x51 || type === 0x45) statements += 1;
          if (traced && type === 0x51) traced.push(pending.subarray(5, length).toString('utf8').replace(/\0$/, ''));
          if (traced && type === 0x50) { const body = pending.subarray(5, 1 + length); const name = body.indexOf(0); traced.push(body.subarray(name + 1, body.indexOf(0, name + 1)).toString('utf8')); }
          pending = pending.subarray(1 + length);
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('close', end); upstream.on('close', end);
    client.on('error', end); upstream.on('error', end);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port,
    count: () => statements,
    trace: (on) => { const was = traced; traced = on ? [] : null; return was; },
    close: () => new Promise((done) => { for (const s of sockets) s.destroy(); server.close(() => done()); }),
  })));
}

/** Run pgbench with a script file for `seconds`; returns transactions per second (or null with the reason printed). */
function pgbench(database, script, clients, seconds) {
  const file = path.join(os.tmpdir(), `cop-pgbench-${process.pid}-${Math.random().toString(36).slice(2)}.sql`);
  fs.writeFileSync(file, script);
  try {
    const out = spawnSync('pgbench', ['-n', '-h', '127.0.0.1', '-U', 'postgres', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', file, database], { encoding: 'utf8' });
    const tps = /tps = ([\d.]+)/.exec(out.stdout)?.[1];
    if (!tps) { console.log(`  (pgbench failed: ${(out.stderr || out.stdout).trim().split('\n').slice(-6).join(' | ')})`); return null; }
    return Number(tps);
  } finally { fs.rmSync(file, { force: true }); }
}

module.exports.createDatabase = createDatabase;
module.exports.dropDatabase = dropDatabase;
module.exports.countingProxy = countingProxy;
module.exports.pgbench = pgbench;
