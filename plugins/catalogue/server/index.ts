import type { Core } from '@strapi/types';
import product from './content-types/product/schema.json';
import strategy from './content-types/strategy/schema.json';
import strategyLine from './content-types/strategy-line/schema.json';
import strategySeller from './content-types/strategy-seller/schema.json';
import agreement from './content-types/agreement/schema.json';
import products from './services/products';
import strategies from './services/strategies';
import agreements from './services/agreements';
import resources from './resources';

export { dayIn } from './uids';

/** Supplier catalogue: products and combos, sales strategies, e-agreements, and what sellers may order. */
export default {
  contentTypes: {
    product: { schema: product },
    strategy: { schema: strategy },
    'strategy-line': { schema: strategyLine },
    'strategy-seller': { schema: strategySeller },
    agreement: { schema: agreement },
  },
  services: { products, strategies, agreements },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(...resources);
    const jobs = strapi.plugin('scheduler').service('jobs');
    jobs.define({ name: 'catalogue.agreements', cron: '1 0 * * *', run: ({ now }: { now: Date }) => strapi.plugin('catalogue').service('agreements').activateAndExpire(now) });
    jobs.define({ name: 'catalogue.expire-strategies', cron: '2 0 * * *', run: ({ now }: { now: Date }) => strapi.plugin('catalogue').service('strategies').expire(now) });
  },
};
