#!/usr/bin/env node
/**
 * `npm test`: every test of the platform.
 *  1. build what the server loads (shared config + plugins, tsc -b) and the console if it is stale;
 *  2. the console's unit tests (vitest);
 *  3. the server suites on SQLite, then on PostgreSQL (throwaway databases on 127.0.0.1:5432);
 *  4. the browser tests (playwright-core + Debian Chromium) against a real server.
 * Ends with one line "N passed, N failed".
 * Env: TEST_ONLY=sqlite|postgres|browser|ui to run one part; TEST_PATTERN to pass a jest pattern.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const os = require('os');

const root = path.resolve(__dirname, '..', '..');
const cms = path.join(root, 'cms');
const only = process.env.TEST_ONLY;
const ci = process.env.CI === 'true';
const totals = { passed: 0, failed: 0 };
const problems = [];

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts, env: { ...process.env, ...(opts.env || {}) } });
  return result.status === null ? 1 : result.status;
}

const { adminPanelStale, consoleStale } = require('./stale');

function jest(label, env, extra = [], browser = false) {
  const out = path.join(os.tmpdir(), `cop-jest-${label}-${process.pid}.json`);
  const args = [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', '--json', `--outputFile=${out}`];
  // the pattern goes before `extra`: jest's array options (--testPathIgnorePatterns) swallow what follows them
  if (process.env.TEST_PATTERN && !browser) args.push(process.env.TEST_PATTERN);
  args.push(...extra);
  console.log(`\n=== server tests on ${label} ===`);
  const status = run(process.execPath, args, { cwd: cms, env });
  try {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    if (report.numTotalTests === 0) problems.push(`${label}: no test ran`);
  } catch {
    totals.failed += 1;
  }
  if (status !== 0) problems.push(`${label}: jest exited with ${status}`);
}

async function postgresReachable() {
  const { Client } = require(require.resolve('pg', { paths: [cms] }));
  const client = new Client({ host: process.env.TEST_PG_HOST || '127.0.0.1', port: Number(process.env.TEST_PG_PORT || 5432), user: process.env.TEST_PG_USER || 'postgres', database: 'postgres', connectionTimeoutMillis: 3000 });
  try { await client.connect(); await client.end(); return true; } catch (error) { return error.message; }
}

(async () => {
  console.log('=== build: config + plugins (tsc -b) ===');
  if (run('npx', ['tsc', '-b', 'plugins/tsconfig.json']) !== 0) process.exit(1);
  if ((!only || only === 'browser') && consoleStale()) {
    console.log('=== build: console (vite) ===');
    if (run('npm', ['run', 'build', '-w', 'admin-ui']) !== 0) process.exit(1);
  }
  // the browser tests drive the Strapi admin panel too (the operator's interface)
  if ((!only || only === 'browser') && adminPanelStale()) {
    console.log('=== build: Strapi admin panel (strapi build) ===');
    if (run('npx', ['strapi', 'build'], { cwd: cms, env: { STRAPI_TELEMETRY_DISABLED: 'true' } }) !== 0) process.exit(1);
  }

  if (!only || only === 'ui') {
    console.log('\n=== console unit tests (vitest) ===');
    const out = path.join(os.tmpdir(), `cop-vitest-${process.pid}.json`);
    const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], { cwd: path.join(root, 'admin-ui') });
    try {
      const report = JSON.parse(fs.readFileSync(out, 'utf8'));
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests;
    } catch { totals.failed += 1; }
    if (status !== 0) problems.push(`vitest exited with ${status}`);
  }

  const server = ['--testPathIgnorePatterns=/browser/'];
  if (!only || only === 'sqlite') jest('sqlite', { TEST_DB: 'sqlite' }, server);
  if (!only || only === 'postgres') {
    const reachable = await postgresReachable();
    if (reachable === true) {
      jest('postgres', { TEST_DB: 'postgres' }, server);
    } else {
      const banner = `POSTGRESQL IS NOT REACHABLE on 127.0.0.1:5432 (${reachable}): the PostgreSQL suites did NOT run`;
      console.error(`\n${'!'.repeat(banner.length)}\n${banner}\n${'!'.repeat(banner.length)}\n`);
      if (ci) { problems.push('PostgreSQL unreachable under CI'); totals.failed += 1; }
    }
  }
  // jest ORs several path patterns: the browser run takes one that holds TEST_PATTERN inside /browser/
  const browserPattern = process.env.TEST_PATTERN ? `/browser/.*(?:${process.env.TEST_PATTERN})` : '/browser/';
  if (!only || only === 'browser') jest('browser', { TEST_DB: 'sqlite' }, [`--testPathPatterns=${browserPattern}`], true);

  if (problems.length) console.error(`\nProblems:\n- ${problems.join('\n- ')}`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(problems.length || totals.failed ? 1 : 0);
})();
