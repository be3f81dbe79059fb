const { spawn, path, http, root, cms, BYPASS, request, waitHealthy, stop, percentile, signIn } = require('./common');

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

module.exports = list;
