import type { Core } from '@strapi/types';
import { errors, fieldError, invalid } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { ENTERPRISE_ROLE, UP_ROLE, USER } from '../uids';

const t = errors.text;
export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,64}$/;
export const PASSWORD_TEXT = t('密码须为 8–64 位，且同时包含字母和数字', 'must be 8–64 characters with letters and digits');

export interface AccountInput {
  username?: string; email?: string; displayName?: string | null; phone?: string | null;
  blocked?: boolean; roleIds?: number[]; password?: string;
}

/** Sub-accounts (login users) of an enterprise. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async authenticatedRoleId(): Promise<number> {
    const role = await strapi.db.query(UP_ROLE).findOne({ where: { type: 'authenticated' } });
    if (!role) throw new Error('users-permissions authenticated role is missing');
    return role.id;
  },

  async assertRolesOf(enterpriseId: number, roleIds: number[]) {
    if (!roleIds.length) return;
    const found = await strapi.db.query(ENTERPRISE_ROLE).count({ where: { id: { $in: roleIds }, enterpriseId } });
    if (found !== roleIds.length) throw fieldError('roleIds', '包含不属于本企业的角色', 'contains roles of another enterprise');
  },

  async assertUnique(input: AccountInput, exceptId?: number) {
    const problems: Record<string, { zh: string; en: string }> = {};
    if (input.username) {
      const taken = await strapi.db.query(USER).findOne({ where: { username: input.username, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, select: ['id'] });
      if (taken) problems.username = t('账号名已被使用', 'is already taken');
    }
    if (input.email) {
      const taken = await strapi.db.query(USER).findOne({ where: { email: input.email.toLowerCase(), ...(exceptId ? { id: { $ne: exceptId } } : {}) }, select: ['id'] });
      if (taken) problems.email = t('邮箱已被使用', 'is already taken');
    }
    if (Object.keys(problems).length) throw invalid(problems);
  },

  /** Create a login user in an enterprise (the enterprise admin flag is set only by provisioning). */
  async create(enterpriseId: number, input: AccountInput, options: { isEnterpriseAdmin?: boolean } = {}) {
    if (!input.password || !PASSWORD_RULE.test(input.password)) throw invalid({ password: PASSWORD_TEXT });
    await this.assertUnique(input);
    await this.assertRolesOf(enterpriseId, input.roleIds ?? []);
    const user = await strapi.plugin('users-permissions').service('user').add({
      username: input.username,
      email: input.email!.toLowerCase(),
      password: input.password,
      displayName: input.displayName ?? null,
      phone: input.phone ?? null,
      blocked: input.blocked ?? false,
      provider: 'local',
      confirmed: true,
      role: await this.authenticatedRoleId(),
      enterpriseId,
      isEnterpriseAdmin: options.isEnterpriseAdmin ?? false,
      enterpriseRoles: input.roleIds ?? [],
    });
    return user;
  },

  async update(principal: Principal, existing: { id: number; isEnterpriseAdmin?: boolean }, input: AccountInput) {
    if (input.blocked && existing.id === principal.userId) throw fieldError('blocked', '不能停用自己的账号', 'you cannot disable your own account');
    if (input.blocked && existing.isEnterpriseAdmin) throw fieldError('blocked', '不能停用企业管理员', 'the enterprise admin cannot be disabled');
    await this.assertUnique(input, existing.id);
    if (input.roleIds) await this.assertRolesOf(principal.enterpriseId, input.roleIds);
    const data: Record<string, unknown> = {};
    for (const key of ['email', 'displayName', 'phone', 'blocked'] as const) if (key in input) data[key] = key === 'email' && input.email ? input.email.toLowerCase() : input[key];
    if (input.roleIds) data.enterpriseRoles = input.roleIds;
    await strapi.plugin('users-permissions').service('user').edit(existing.id, data);
  },

  async remove(principal: Principal, existing: { id: number; isEnterpriseAdmin?: boolean }) {
    if (existing.id === principal.userId) throw errors.conflict('不能删除自己的账号', 'You cannot delete your own account');
    if (existing.isEnterpriseAdmin) throw errors.conflict('不能删除企业管理员账号', 'The enterprise admin account cannot be deleted');
    await strapi.db.query(USER).delete({ where: { id: existing.id } });
  },

  async resetPassword(existing: { id: number }, password: unknown) {
    if (typeof password !== 'string' || !PASSWORD_RULE.test(password)) throw invalid({ password: PASSWORD_TEXT });
    await strapi.plugin('users-permissions').service('user').edit(existing.id, { password, failedLogins: 0, firstFailedAt: null, lockedUntil: null });
  },
});
