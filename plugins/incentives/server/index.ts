import type { Core } from '@strapi/types';
import contentTypes from './content-types';
import incentives, { RULE } from './services/incentives';
import type { RefundEvent } from './services/incentives';
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
    // every write path: one or many, by id or by any other where (documentId from the admin panel)
    const affected = async (where: unknown) => (await strapi.db.query(RULE).findMany({ where: where as any, select: ['id'] })) as { id: number }[];
    strapi.db.lifecycles.subscribe({
      models: [RULE],
      beforeCreate: (event: any) => check(event),
      beforeCreateMany: async (event: any) => {
        for (const data of event.params.data ?? []) await check({ params: { data } });
      },
      beforeUpdate: async (event: any) => {
        for (const { id } of await affected(event.params.where)) await check(event, id);
      },
      beforeUpdateMany: async (event: any) => {
        for (const { id } of await affected(event.params.where)) await check(event, id);
      },
    });
  },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(...resources);
    const orders = strapi.plugin('orders').service('subscribers');
    const service = () => strapi.plugin('incentives').service('incentives');
    orders.on('paid', (facts: any, { now }: { now: Date }) => service().onGrantEvent('order_paid', facts, now));
    orders.on('fulfilled', (facts: any, { now }: { now: Date }) => service().onGrantEvent('order_fulfilled', facts, now));
    orders.on('refunded', (facts: any, event: RefundEvent) => service().onRefunded(facts, event));
  },
};
