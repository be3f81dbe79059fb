'use strict';

/**
 * Issue #11, finding 1. Top-ups and repayments used to take a caller-chosen transfer id, so a supplier
 * could take an order's future id (`order:<number>:freeze|capture|release|refund:…`) and block that
 * order. Ids are made by the server now; this moves any top-up or repayment already holding an id in
 * the orders' namespace out of it (`legacy:<kind>:<row id>`). Such transfers are plain (never pending),
 * so no other row refers to their id. Runs before schema sync: a fresh database has no table yet.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('ledger_transfers'))) return;
    await knex('ledger_transfers')
      .whereIn('kind', ['topup', 'repayment'])
      .where('transfer_id', 'like', 'order:%')
      .update({ transfer_id: knex.raw("'legacy:' || kind || ':' || id") });
  },
  async down() {},
};
