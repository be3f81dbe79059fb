#!/usr/bin/env node
/**
 * `npm run ledger:check`: recompute every ledger account from its transfers and report mismatches
 * (exit 1 when there is any). Uses the server's DATABASE_* settings.
 */
const path = require('path');

(async () => {
  const appDir = path.resolve(__dirname, '..');
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.SCHEDULER_ENABLED = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const report = await strapi.plugin('ledger').service('ledger').check();
    console.log(`ledger check: ${report.accounts} accounts, ${report.mismatches.length} mismatches, debits ${report.balanced ? '=' : '≠'} credits`);
    for (const m of report.mismatches) console.log(`  account ${m.accountId}: cached ${m.cached.join('/')} computed ${m.computed.join('/')}`);
    process.exitCode = report.mismatches.length || !report.balanced ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
})().catch((error) => { console.error(error); process.exit(1); });
