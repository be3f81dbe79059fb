import type { Core } from '@strapi/types';
import { ENTERPRISE_KINDS, EnterpriseKind, errors, invalid, FieldErrors } from '@cop/config';
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
    const t = errors.text;
    const problems: FieldErrors = {};
    if (!spec.name?.trim() || spec.name.length > 100) problems.name = t('企业名称不能为空且不超过 100 字', 'is required (at most 100 characters)');
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(spec.creditCode ?? '')) problems.creditCode = t('统一社会信用代码应为 18 位', 'must be an 18-character unified social credit code');
    if (!ENTERPRISE_KINDS.includes(spec.kind)) problems.kind = t(`应为 ${ENTERPRISE_KINDS.join('、')} 之一`, `must be one of ${ENTERPRISE_KINDS.join(', ')}`);
    if (Object.keys(problems).length) throw invalid(problems);
    return strapi.db.transaction(async () => {
      let enterprise = await strapi.db.query(ENTERPRISE).findOne({ where: { creditCode: spec.creditCode } });
      if (!enterprise) {
        const { admin, ...fields } = spec;
        enterprise = await strapi.db.query(ENTERPRISE).create({ data: { ...fields, state: 'active' } });
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
