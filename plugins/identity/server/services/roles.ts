import type { Core } from '@strapi/types';
import { errors, invalid, permissionNames, permissionsForKind } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { ENTERPRISE_ROLE, USER } from '../uids';
import { notYours } from './accounts';

const t = errors.text;

/**
 * Enterprise roles: named sets of permission keys, limited to what the enterprise's kind allows.
 * A sub-account adds or removes only keys it holds itself, and never changes a role it holds.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Who holds each role (their names, for the console's delete dialog): role id → display names. */
  async holdersOf(roleIds: number[]): Promise<Map<number, string[]>> {
    const holders = new Map<number, string[]>(roleIds.map((id) => [id, []]));
    if (!roleIds.length) return holders;
    const users = await strapi.db.query(USER).findMany({
      where: { enterpriseRoles: { id: { $in: roleIds } } },
      select: ['id', 'username', 'displayName'],
      populate: { enterpriseRoles: { select: ['id'] } },
      orderBy: { id: 'asc' },
    }) as { username: string; displayName?: string | null; enterpriseRoles?: { id: number }[] }[];
    for (const user of users) {
      for (const role of user.enterpriseRoles ?? []) holders.get(role.id)?.push(user.displayName || user.username);
    }
    return holders;
  },

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

  /** The keys that change (added or removed) must all be held by the caller; the admin holds every key. */
  assertHeld(principal: Principal, before: string[], after: unknown) {
    if (principal.isEnterpriseAdmin || after === undefined) return;
    const next = new Set(after as string[]);
    const old = new Set(before);
    const changed = [...[...next].filter((key) => !old.has(key)), ...before.filter((key) => !next.has(key))];
    const missing = changed.filter((key) => !principal.permissions.has(key as never));
    if (missing.length) {
      throw notYours('permissions', `不能授予或收回自己没有的权限：${permissionNames(missing, 'zh')}`,
        `cannot give or take permissions you do not hold: ${permissionNames(missing, 'en')}`);
    }
  },

  async create(principal: Principal, data: Record<string, unknown>) {
    this.assertPermissions(principal, data.permissions ?? []);
    this.assertHeld(principal, [], data.permissions ?? []);
    await this.assertNameFree(principal, data.name);
    return strapi.db.query(ENTERPRISE_ROLE).create({
      data: { ...data, permissions: data.permissions ?? [], enterpriseId: principal.enterpriseId },
    });
  },

  async update(principal: Principal, id: number, data: Record<string, unknown>) {
    this.assertPermissions(principal, data.permissions);
    const role = await strapi.db.query(ENTERPRISE_ROLE).findOne({ where: { id }, select: ['id', 'permissions'] });
    const before: string[] = Array.isArray(role?.permissions) ? role.permissions : [];
    const after = data.permissions === undefined ? before : (data.permissions as string[]);
    const changes = after.length !== before.length || after.some((key) => !before.includes(key));
    if (changes && !principal.isEnterpriseAdmin) {
      const holder = await strapi.db.query(USER).count({ where: { id: principal.userId, enterpriseRoles: { id } } });
      if (holder) throw notYours('permissions', '不能修改自己所属角色的权限', 'you cannot change the permissions of a role you hold');
    }
    this.assertHeld(principal, before, data.permissions);
    await this.assertNameFree(principal, data.name, id);
    return strapi.db.query(ENTERPRISE_ROLE).update({ where: { id }, data });
  },

  /** A sub-account deletes only roles whose keys it holds, and not a role it holds itself. */
  async remove(principal: Principal, existing: { id: number; permissions?: unknown }) {
    if (!principal.isEnterpriseAdmin) {
      const holder = await strapi.db.query(USER).count({ where: { id: principal.userId, enterpriseRoles: { id: existing.id } } });
      if (holder) throw notYours('permissions', '不能删除自己所属的角色', 'you cannot delete a role you hold');
      this.assertHeld(principal, Array.isArray(existing.permissions) ? existing.permissions : [], []);
    }
    await strapi.db.query(ENTERPRISE_ROLE).delete({ where: { id: existing.id } });
  },
});
