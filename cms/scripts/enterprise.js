#!/usr/bin/env node
/**
 * Operator command: create an enterprise with its first admin account (idempotent).
 *   npm run enterprise:create -- --name 华夏文旅 --credit-code 91110000MA01ABCD1X --kind supplier \
 *     --admin-username hx_admin --admin-email admin@hx.example --admin-password 'Secret123x'
 * Uses the same database settings as the server (DATABASE_* environment variables).
 */
const path = require('path');

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 1) {
    if (!argv[i].startsWith('--')) continue;
    out[argv[i].slice(2)] = argv[i + 1];
    i += 1;
  }
  return out;
}

(async () => {
  const a = args();
  const missing = ['name', 'credit-code', 'kind', 'admin-username', 'admin-email', 'admin-password'].filter((k) => !a[k]);
  if (missing.length) {
    console.error(`missing: ${missing.map((k) => `--${k}`).join(' ')}`);
    process.exit(2);
  }
  const appDir = path.resolve(__dirname, '..');
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const { enterprise, user } = await strapi.plugin('identity').service('provisioning').ensureEnterprise({
      name: a.name, creditCode: a['credit-code'], kind: a.kind, contactName: a['contact-name'], contactPhone: a['contact-phone'],
      admin: { username: a['admin-username'], email: a['admin-email'], password: a['admin-password'] },
    });
    console.log(`enterprise #${enterprise.id} ${enterprise.name} (${enterprise.kind}); admin account ${user.username} (#${user.id})`);
  } catch (error) {
    console.error(error.render ? error.render('en').message + ' ' + JSON.stringify(error.render('en').errors ?? {}) : error.message);
    process.exitCode = 1;
  } finally {
    await strapi.destroy();
  }
})();
