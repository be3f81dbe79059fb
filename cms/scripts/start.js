#!/usr/bin/env node
/**
 * `npm start`: builds whatever is missing or stale (shared config + plugins, the Strapi app and its
 * admin panel, the react-admin console), then serves everything on one port with demo data on SQLite
 * (unless DATABASE_CLIENT says otherwise). The demo seed runs once and never when NODE_ENV=production.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const http = require('http');

const root = path.resolve(__dirname, '..', '..');
const cms = path.join(root, 'cms');
const production = process.env.NODE_ENV === 'production';

function step(title, cmd, args, cwd = root) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd, env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
  if (result.status !== 0) { console.error(`✖ ${title} failed`); process.exit(result.status || 1); }
}

const { adminPanelStale, consoleStale } = require('./stale');

step('Building shared config and plugins (tsc -b)', 'npx', ['tsc', '-b', 'plugins/tsconfig.json']);

if (adminPanelStale()) {
  step('Building the Strapi app and admin panel (strapi build)', 'npx', ['strapi', 'build'], cms);
}
if (consoleStale()) {
  step('Building the console (vite build)', 'npm', ['run', 'build', '-w', 'admin-ui']);
}
fs.mkdirSync(path.join(root, 'database', 'data'), { recursive: true });

const port = Number(process.env.PORT || 1337);
const env = {
  ...process.env,
  PORT: String(port),
  STRAPI_TELEMETRY_DISABLED: 'true',
  DEMO_SEED: production ? 'false' : (process.env.DEMO_SEED || 'true'),
};
console.log('\n▶ Starting the platform (cms/scripts/serve.js: one worker per core on PostgreSQL)');
const server = spawn(process.execPath, [path.join(cms, 'scripts', 'serve.js')], { cwd: cms, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const base = `http://localhost:${port}`;
const started = Date.now();
const poll = () => http.get(`http://127.0.0.1:${port}/_health`, (res) => {
  res.resume();
  if (res.statusCode === 204) return announce();
  setTimeout(poll, 500);
}).on('error', () => setTimeout(poll, 500));
setTimeout(poll, 1000);

function announce() {
  const lines = [
    `协同运营平台 is up (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  Console (supplier and seller)  ${base}/console/`,
    `  Strapi admin panel             ${base}/admin`,
    `  API                            ${base}/api   (OpenAPI: ${base}/api/openapi.json)`,
  ];
  if (env.DEMO_SEED === 'true') {
    lines.push('  Demo logins (password Demo@123456):',
      '    supplier admins  supplier1, supplier2',
      '    seller admins    seller1, seller2',
      '    admin panel      operator@demo.local');
  }
  console.log(`\n${lines.join('\n')}\n`);
}
