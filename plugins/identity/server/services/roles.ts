import type { Core } from '@strapi/types';
import { errors, invalid, permissionsForKind } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { ENTERPRISE_ROLE } from '../uids';

const t = errors.text;

/** Enterprise roles: named sets of permission keys, limited to what the enterprise's kind allows. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  assertPermissions(principal: Principal, permissions: unknown) {
    if (permissions === undefined) return;
    const allowed = new Set<string>(permissionsForKind(principal.enterpriseKind));
    const foreign = (permissions as string[]).filter((key) => !allowed.has(key));
    if (foreign.length) {
      throw invalid({ permissions: t(`本企业类型不能授予：${foreign.join('、')}`, `cannot be granted to this kind of enterprise: ${foreign.join(', ')}`) });
    }
  },

  async assertNameFree(principal: Principal, name: unknown, exceptId?: number) {
    if (typeof name !== 'string') return;
    const taken = await strapi.db.query(ENTERPRISE_ROLE).findOne({
      where: { enterpriseId: principal.enterpriseId, name, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, select: ['id'],
    });
    if (taken) throw invalid({ name: t('同名角色已存在', 'a role with this name already exists') });
  },

  async create(principal: Principal, data: Record<string, unknown>) {
    this.assertPermissions(principal, data.permissions ?? []);
    await this.assertNameFree(principal, data.name);
    return strapi.db.query(ENTERPRISE_ROLE).create({
      data: { ...data, permissions: data.permissions ?? [], enterpriseId: principal.enterpriseId },
    });
  },

  async update(principal: Principal, id: number, data: Record<string, unknown>) {
    this.assertPermissions(principal, data.permissions);
    await this.assertNameFree(principal, data.name, id);
    return strapi.db.query(ENTERPRISE_ROLE).update({ where: { id }, data });
  },
});
