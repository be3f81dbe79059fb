import type { Core } from '@strapi/types';
import { USER } from './uids';
import contentTypes from './content-types';
import principal from './services/principal';
import signIn from './services/sign-in';
import accounts from './services/accounts';
import roles from './services/roles';
import employees from './services/employees';
import provisioning from './services/provisioning';
import partnerships from './services/partnerships';
import audience from './services/audience';
import auth from './controllers/auth';
import routes from './routes';
import resources from './resources';

export { permissionsOf } from './services/principal';
export { AUDIENCES, audienceFields } from './services/audience';
export type { Audience } from './services/audience';
export type { EnterpriseSpec } from './services/provisioning';

export default {
  contentTypes,
  services: { principal, 'sign-in': signIn, accounts, roles, employees, provisioning, partnerships, audience },
  controllers: { auth },
  routes,
  register({ strapi }: { strapi: Core.Strapi }) {
    // A user's tokens die with a new password or a block, whoever writes it (console, services, the
    // admin panel's content manager): the write itself bumps the token version unless it sets one.
    strapi.db.lifecycles.subscribe({
      models: [USER],
      async beforeUpdate(event: any) {
        const data = event.params?.data;
        if (!data || data.tokenVersion !== undefined || !(data.password !== undefined || data.blocked === true)) return;
        const user = await strapi.db.query(USER).findOne({ where: event.params.where, select: ['tokenVersion'] });
        if (user) data.tokenVersion = Number(user.tokenVersion ?? 0) + 1;
      },
    });
  },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(...resources);
    strapi.plugin('scheduler').service('jobs').define({
      name: 'identity.purge-captchas',
      cron: '*/10 * * * *',
      run: async ({ now }: { now: Date }) => ({ purged: await strapi.plugin('identity').service('sign-in').purgeCaptchas(now) }),
    });
  },
};
