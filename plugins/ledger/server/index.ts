import type { Core } from '@strapi/types';
import account from './content-types/account/schema.json';
import transfer from './content-types/transfer/schema.json';
import accountChange from './content-types/account-change/schema.json';
import adjustment from './content-types/adjustment/schema.json';
import ledger from './services/ledger';
import resources from './resources';
import admin from './admin';
import { guardAdjustments } from './adjustments';

export { figures, checkAmount, MAX_AMOUNT } from './services/ledger';
export type { Account, AdjustmentOptions, TransferOptions } from './services/ledger';
export { ADJUST_ACTION } from './admin';

/**
 * Money: prepaid and credit accounts per supplier–seller pair, immutable transfers (pending, posted,
 * voided), cached balances always equal to the sum of transfers. Knows nothing of orders: callers pass
 * amounts, ids and their transaction.
 */
export default {
  contentTypes: {
    account: { schema: account }, transfer: { schema: transfer }, 'account-change': { schema: accountChange }, adjustment: { schema: adjustment },
  },
  services: { ledger },
  register({ strapi }: { strapi: Core.Strapi }) {
    guardAdjustments(strapi);
  },
  controllers: { admin: admin.controller },
  routes: { admin: admin.routes },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // 人工调账 is an admin-panel permission of its own (super admins hold it; grant it to other roles in Settings → Roles)
    await strapi.service('admin::permission').actionProvider.registerMany(admin.actions);
    strapi.plugin('console').service('registry').register(...resources);
    strapi.plugin('scheduler').service('jobs').define({
      name: 'ledger.check',
      cron: '17 3 * * *',
      run: async () => {
        const report = await strapi.plugin('ledger').service('ledger').check();
        if (report.mismatches.length || !report.balanced) strapi.log.error(`ledger check: ${JSON.stringify(report)}`);
        return { accounts: report.accounts, mismatches: report.mismatches.length, balanced: report.balanced };
      },
    });
  },
};
