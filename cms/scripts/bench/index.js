#!/usr/bin/env node
/**
 * `npm run bench [-- part ...]` (one file per part in this folder): prints figures, asserts nothing. Parts (default: all):
 *   startup  seconds from a clean build state until `npm start` answers /_health, first and second time,
 *            and the server's peak memory after sign-in and a few list calls (SQLite, throwaway file)
 *   list     console list p50/p95: tenant-scoped, filtered, sorted page of 25 over 100,000 employees,
 *            PostgreSQL, 1 and 20 concurrent clients
 *   bundle   the console's initial JavaScript, gzipped
 *   reserve  inventory reserve throughput and p95, 1 and 20 concurrent callers, 200 products × 30 days (PostgreSQL)
 *   catalogue the seller's catalogue query p95 with 10,000 products across 5 suppliers (PostgreSQL, HTTP)
 *   ledger   freeze+capture pairs per second and p95, 1 and 20 callers over 50 accounts, against the same
 *            SQL run by pgbench in the same run (PostgreSQL)
 *   checkout the spread checkout workload against `npm start` on PostgreSQL in its own process, statements
 *            per checkout (and per pay, cancel, fulfil, refund) counted at PostgreSQL's port, pgbench ceilings
 *   orders   checkouts per second through HTTP with 50 clients (reserve + freeze + order rows) and the
 *            SQL statements per checkout, against pgbench running that SQL; then the supplier's order list
 *            p95 with 1,000,000 orders, filtered by status and date (PostgreSQL)
 *   collaboration  the visible-resources list (全部资源) p50/p95 with 100,000 resources from 1,000
 *            enterprises and mixed audiences, 1 and 10 clients; then the time from a message being sent
 *            until the other enterprise's open console hears of it (SSE) and has refetched the thread,
 *            median over 20 (PostgreSQL, HTTP)
 *   reports  home statistics and a 90-day sales report (by day, product, counterparty) p50/p95 with
 *            1,000,000 orders of one supplier and 20 sellers over a year (PostgreSQL, HTTP)
 */
const parts = {
  bundle: () => require('./bundle')(),
  startup: () => require('./startup')(),
  list: () => require('./list')(),
  reserve: () => require('./reserve')(),
  catalogue: () => require('./catalogue')(),
  ledger: () => require('./ledger')(),
  checkout: () => require('./checkout')(),
  orders: () => require('./orders')(),
  collaboration: () => require('./collaboration')(),
  reports: () => require('./reports')(),
};
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('--'));

(async () => {
  for (const part of chosen.length ? chosen : Object.keys(parts)) {
    if (!parts[part]) { console.error(`unknown part ${part}; parts: ${Object.keys(parts).join(', ')}`); process.exit(2); }
    await parts[part]();
  }
})().catch((error) => { console.error(error); process.exit(1); });
