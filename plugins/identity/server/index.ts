import type { Core } from '@strapi/types';
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
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(...resources);
    strapi.plugin('scheduler').service('jobs').define({
      name: 'identity.purge-captchas',
      cron: '*/10 * * * *',
      run: async ({ now }: { now: Date }) => ({ purged: await strapi.plugin('identity').service('sign-in').purgeCaptchas(now) }),
    });
  },
};
