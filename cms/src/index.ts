import type { Core } from '@strapi/strapi';
import { seedDemo } from './seed/demo';
import { configureUsersPermissions } from './seed/users-permissions';
import { assertProductionSecrets } from './secrets';
import { guardImmutableRecords } from './immutable';
import { applyAdminLabels } from './admin-panel/apply';
import { registerLinkedNamesRoute } from './admin-panel/linked-names';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.NODE_ENV === 'production' && process.env.CAPTCHA_BYPASS_CODE) {
      throw new Error('CAPTCHA_BYPASS_CODE is for automated tests only and must not be set when NODE_ENV=production');
    }
    // the configured values, not the variables: what the server would really sign and encrypt with
    assertProductionSecrets((path) => strapi.config.get(path));
    // the books (transfers, stock, orders, incentive records, summaries) are read-only for every admin role
    guardImmutableRecords(strapi);
    // 关联记录: the names behind the `…Id` fields of a record, for the admin panel's edit view
    registerLinkedNamesRoute(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await configureUsersPermissions(strapi);
    // the admin panel in Chinese: labels, descriptions, list columns of every content type
    await applyAdminLabels(strapi);
    strapi.plugin('scheduler').service('jobs').start();
    if (process.env.DEMO_SEED === 'true') {
      if (process.env.NODE_ENV === 'production') {
        strapi.log.warn('DEMO_SEED is ignored when NODE_ENV=production');
      } else {
        await seedDemo(strapi);
      }
    }
  },
};
