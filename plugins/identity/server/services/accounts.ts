import type { Core } from '@strapi/types';
import { DomainError, errors, fieldError, invalid, permissionNames } from '@cop/config';
import type { EnterpriseKind } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { ENTERPRISE_ROLE, UP_ROLE, USER } from '../uids';
import { permissionsOf } from './principal';

const t = errors.text;
export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,64}$/;
export const PASSWORD_TEXT = t('密码须为 8–64 位，且同时包含字母和数字', 'must be 8–64 characters with letters and digits');

export interface AccountInput {
  username?: string; email?: string; displayName?: string | null; phone?: string | null;
  blocked?: boolean; roleIds?: number[]; password?: string;
}

/** 403 naming the field: the caller may not give or take what it does not hold. */
export function notYours(field: string, zh: string, en: string): DomainError {
  return new DomainError(403, 'NOT_YOURS_TO_GRANT', t(zh, en), { [field]: t(zh, en) });
}
const adminOnly = () => new DomainError(403, 'ADMIN_ONLY', t('只有企业管理员可以管理管理员账号', 'Only the enterprise admin may manage the admin account'));

export interface Target { id: number; isEnterpriseAdmin?: boolean }

/**
 * Sub-accounts (login users) of an enterprise. Nobody raises privileges through them: a sub-account
 * manages only accounts whose keys it holds itself, gives or takes only roles whose keys it holds,
 * never changes its own roles, and never touches the enterprise admin.
 */
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

  /** The keys a set of the enterprise's roles grants. */
  async keysOfRoles(kind: EnterpriseKind, roleIds: number[]): Promise<Set<string>> {
    if (!roleIds.length) return new Set();
    const roles = await strapi.db.query(ENTERPRISE_ROLE).findMany({ where: { id: { $in: roleIds } }, select: ['id', 'permissions'] });
    return new Set(permissionsOf(kind, false, roles as { permissions?: unknown }[]));
  },

  /** The keys these roles grant that the caller does not hold. */
  async missingKeys(principal: Principal, roleIds: number[]): Promise<string[]> {
    const keys = await this.keysOfRoles(principal.enterpriseKind, roleIds);
    return [...keys].filter((key) => !principal.permissions.has(key as never));
  },

  /** Refuses roles (given or taken) that grant keys the caller does not hold; the admin holds every key. */
  async assertGrantable(principal: Principal, roleIds: number[]) {
    if (principal.isEnterpriseAdmin || !roleIds.length) return;
    const missing = await this.missingKeys(principal, roleIds);
    if (missing.length) {
      throw notYours('roleIds', `不能授予或收回自己没有的权限：${permissionNames(missing, 'zh')}`,
        `cannot give or take permissions you do not hold: ${permissionNames(missing, 'en')}`);
    }
  },

  /** A sub-account may manage only accounts that hold no key it lacks; only the admin manages the admin. */
  async assertManageable(principal: Principal, target: Target, field = 'id') {
    if (principal.isEnterpriseAdmin) return;
    if (target.isEnterpriseAdmin) throw adminOnly();
    if (target.id === principal.userId) return;
    const row = await strapi.db.query(USER).findOne({ where: { id: target.id }, populate: { enterpriseRoles: { select: ['id'] } } });
    const roleIds = ((row?.enterpriseRoles ?? []) as { id: number }[]).map((role) => role.id);
    const missing = await this.missingKeys(principal, roleIds);
    if (missing.length) {
      throw notYours(field, '该账号拥有你没有的权限，不能由你管理', 'this account holds permissions you do not hold, so you cannot manage it');
    }
  },

  /** Create a login user in an enterprise (the enterprise admin flag is set only by provisioning). */
  async create(enterpriseId: number, input: AccountInput, options: { isEnterpriseAdmin?: boolean; by?: Principal } = {}) {
    if (!input.password || !PASSWORD_RULE.test(input.password)) throw invalid({ password: PASSWORD_TEXT });
    await this.assertUnique(input);
    await this.assertRolesOf(enterpriseId, input.roleIds ?? []);
    if (options.by) await this.assertGrantable(options.by, input.roleIds ?? []);
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

  async update(principal: Principal, existing: Target, input: AccountInput) {
    if (input.blocked && existing.id === principal.userId) throw fieldError('blocked', '不能停用自己的账号', 'you cannot disable your own account');
    if (input.blocked && existing.isEnterpriseAdmin) throw fieldError('blocked', '不能停用企业管理员', 'the enterprise admin cannot be disabled');
    await this.assertManageable(principal, existing);
    const current = await strapi.db.query(USER).findOne({ where: { id: existing.id }, populate: { enterpriseRoles: { select: ['id'] } } });
    const before = new Set(((current?.enterpriseRoles ?? []) as { id: number }[]).map((role) => role.id));
    const after = new Set(input.roleIds ?? before);
    const added = [...after].filter((id) => !before.has(id));
    const removed = [...before].filter((id) => !after.has(id));
    if ((added.length || removed.length) && existing.id === principal.userId) {
      throw notYours('roleIds', '不能修改自己的角色', 'you cannot change your own roles');
    }
    await this.assertUnique(input, existing.id);
    if (input.roleIds) await this.assertRolesOf(principal.enterpriseId, input.roleIds);
    await this.assertGrantable(principal, [...added, ...removed]);
    const data: Record<string, unknown> = {};
    for (const key of ['email', 'displayName', 'phone', 'blocked'] as const) if (key in input) data[key] = key === 'email' && input.email ? input.email.toLowerCase() : input[key];
    if (input.roleIds) data.enterpriseRoles = input.roleIds;
    await strapi.plugin('users-permissions').service('user').edit(existing.id, data);
    // a disabled account's tokens stay dead even once it is enabled again
    if (input.blocked && !current?.blocked) await strapi.plugin('identity').service('principal').revokeTokens(existing.id);
  },

  async remove(principal: Principal, existing: Target) {
    if (existing.id === principal.userId) throw errors.conflict('不能删除自己的账号', 'You cannot delete your own account');
    if (existing.isEnterpriseAdmin) throw errors.conflict('不能删除企业管理员账号', 'The enterprise admin account cannot be deleted');
    await this.assertManageable(principal, existing);
    await strapi.db.query(USER).delete({ where: { id: existing.id } });
  },

  /**
   * 解锁: an account locked by repeated wrong passwords may sign in again at once; its failure count
   * starts over. Only whoever may manage the account (as for reset-password); its tokens stay valid.
   */
  async unlock(principal: Principal, existing: Target) {
    // a session cannot lift its own account's lock: that would let whoever holds it keep guessing the password
    if (existing.id === principal.userId) throw notYours('id', '不能解锁自己的账号', 'you cannot unlock your own account');
    await this.assertManageable(principal, existing);
    await strapi.db.query(USER).update({ where: { id: existing.id }, data: { failedLogins: 0, firstFailedAt: null, lockedUntil: null } });
  },

  /** An admin's reset of another account's password: the account's tokens are revoked and its lock lifted. */
  async resetPassword(principal: Principal, existing: Target, password: unknown) {
    if (existing.id === principal.userId) {
      throw notYours('password', '不能在这里重置自己的密码，请使用“修改密码”', 'use change-password for your own password');
    }
    await this.assertManageable(principal, existing);
    if (typeof password !== 'string' || !PASSWORD_RULE.test(password)) throw invalid({ password: PASSWORD_TEXT });
    await strapi.plugin('users-permissions').service('user').edit(existing.id, { password, failedLogins: 0, firstFailedAt: null, lockedUntil: null });
    await strapi.plugin('identity').service('principal').revokeTokens(existing.id);
  },
});
