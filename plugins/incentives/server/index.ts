import type { Core } from '@strapi/types';
import contentTypes from './content-types';
import incentives, { RULE } from './services/incentives';
import rules from './services/rules';
import resources from './resources';

export { grants, specificity } from './services/incentives';

/**
 * Incentive points from order events (F95, F96, F99): rules kept in the admin panel, immutable
 * records written in the order's own transaction, balances as sums.
 */
export default {
  contentTypes,
  services: { incentives, rules },
  register({ strapi }: { strapi: Core.Strapi }) {
    const { errors } = require('@strapi/utils');
    const check = async (event: any, selfId?: number) => {
      const existing = selfId ? await strapi.db.query(RULE).findOne({ where: { id: selfId } }) : {};
      const problems = await strapi.plugin('incentives').service('rules').problems({ ...existing, ...event.params.data }, selfId);
      const fields = Object.keys(problems);
      if (fields.length) {
        throw new errors.ValidationError(`${fields[0]}: ${problems[fields[0]]}`, { errors: fields.map((field) => ({ path: [field], message: problems[field], name: 'ValidationError' })) });
      }
    };
    strapi.db.lifecycles.subscribe({
      models: [RULE],
      beforeCreate: (event: any) => check(event),
      beforeUpdate: async (event: any) => {
        const id = event.params.where?.id;
        if (typeof id === 'number') await check(event, id);
      },
    });
  },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(...resources);
    const orders = strapi.plugin('orders').service('subscribers');
    const service = () => strapi.plugin('incentives').service('incentives');
    orders.on('paid', (facts: any, { now }: { now: Date }) => service().onGrantEvent('order_paid', facts, now));
    orders.on('fulfilled', (facts: any, { now }: { now: Date }) => service().onGrantEvent('order_fulfilled', facts, now));
    orders.on('refunded', (facts: any, { refundKey }: { refundKey?: string }) => service().onRefund(facts, refundKey ?? `r${Date.now()}`));
  },
};
