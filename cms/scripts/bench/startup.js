const { spawn, fs, os, path, root, cms, BYPASS, request, waitHealthy, peakRssMb, stop, signIn } = require('./common');

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

module.exports = startup;
