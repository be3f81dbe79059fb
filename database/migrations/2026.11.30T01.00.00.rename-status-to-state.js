'use strict';

/**
 * Issue #12, item 1. Strapi 5's content manager reserves `status` for a document's draft/published
 * state, so the admin panel could neither create nor save any of our types that had their own `status`
 * attribute. The attribute is `state` now; this renames the column in place (keeping every row's value
 * and, on PostgreSQL and SQLite ≥ 3.25, the indexes on it, which Strapi's schema sync then renames).
 * Runs before schema sync: on a fresh database the tables do not exist yet, and a table that already has
 * `state` (a second run, or a database made by the new code) is left alone.
 */
const TABLES = [
  'agreements', 'products', 'strategies', 'collab_opportunity_responses', 'collab_opportunities', 'collab_resources',
  'employees', 'enterprises', 'partnerships', 'stock_reservations', 'ledger_accounts', 'announcements', 'orders',
];

module.exports = {
  TABLES,
  async up(knex) {
    for (const table of TABLES) {
      if (!(await knex.schema.hasTable(table))) continue;
      if (!(await knex.schema.hasColumn(table, 'status')) || (await knex.schema.hasColumn(table, 'state'))) continue;
      await knex.schema.alterTable(table, (t) => t.renameColumn('status', 'state'));
    }
  },
  async down() {},
};
