import type { Core } from '@strapi/types';
import { ENTERPRISE_KINDS, EnterpriseKind } from '@cop/config';
import { ENTERPRISE, USER } from '../uids';

export interface EnterpriseSpec {
  name: string;
  creditCode: string;
  kind: EnterpriseKind;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  admin: { username: string; email: string; password: string; displayName?: string };
}

/**
 * What the platform operator does: create an enterprise with its first admin account.
 * Idempotent by credit code and username, so seeds and CLI runs can repeat.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureEnterprise(spec: EnterpriseSpec) {
    if (!ENTERPRISE_KINDS.includes(spec.kind)) throw new Error(`kind must be one of ${ENTERPRISE_KINDS.join(', ')}`);
    return strapi.db.transaction(async () => {
      let enterprise = await strapi.db.query(ENTERPRISE).findOne({ where: { creditCode: spec.creditCode } });
      if (!enterprise) {
        const { admin, ...fields } = spec;
        enterprise = await strapi.db.query(ENTERPRISE).create({ data: { ...fields, status: 'active' } });
      }
      let user = await strapi.db.query(USER).findOne({ where: { username: spec.admin.username } });
      if (!user) {
        user = await strapi.plugin('identity').service('accounts').create(enterprise.id, {
          username: spec.admin.username, email: spec.admin.email, password: spec.admin.password, displayName: spec.admin.displayName,
        }, { isEnterpriseAdmin: true });
      }
      return { enterprise, user };
    });
  },
});
