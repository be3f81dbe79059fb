import type { Core } from '@strapi/types';
import { errors, EnterpriseKind, DomainError, PermissionKey, permissionsForKind } from '@cop/config';
import { rowsOf, withKnex } from '@cop/plugin-console';
import type { Principal } from '@cop/plugin-console';
import { ENTERPRISE, ENTERPRISE_ROLE, USER } from '../uids';

const t = errors.text;

/** Turns a bearer token into a Principal: the user, its enterprise and the permission keys it holds. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async fromContext(ctx: any): Promise<Principal> {
    if (ctx.state.principal) return ctx.state.principal;
    const header: string | undefined = ctx.get('authorization');
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw errors.unauthenticated();
    let payload: { id?: unknown; tv?: unknown };
    try {
      payload = await strapi.plugin('users-permissions').service('jwt').verify(match[1]);
    } catch {
      throw errors.unauthenticated();
    }
    if (!Number.isSafeInteger(payload?.id)) throw errors.unauthenticated();
    // a token without a version predates versions: it counts as version 0 until the first bump
    const principal = await this.load(payload.id as number, { tokenVersion: payload.tv ?? 0 });
    ctx.state.principal = principal;
    return principal;
  },

  /**
   * The principal of a user id. With `tokenVersion` (from a token), a token issued before the last
   * sign-out, password change or disabling is refused — checked on the row this loads anyway.
   */
  async load(userId: number, options: { tokenVersion?: unknown } = {}): Promise<Principal> {
    // one statement: the user, its enterprise and its roles' keys (a row per role), asked of every request
    const users = rowsOf(strapi, USER);
    const enterprises = rowsOf(strapi, ENTERPRISE);
    const link = (strapi.db.metadata.get(USER as any) as any).attributes.enterpriseRoles.joinTable;
    const roles = rowsOf(strapi, ENTERPRISE_ROLE);
    const rows: any[] = await withKnex(strapi, (knex) => knex(`${users.table} as u`)
      .leftJoin(`${enterprises.table} as e`, 'e.id', `u.${users.column('enterpriseId')}`)
      .leftJoin(`${link.name} as l`, `l.${link.joinColumn.name}`, 'u.id')
      .leftJoin(`${roles.table} as r`, 'r.id', `l.${link.inverseJoinColumn.name}`)
      .where('u.id', userId)
      .select('u.id', 'u.username', `u.${users.column('displayName')} as display_name`, 'u.blocked', `u.${users.column('tokenVersion')} as token_version`,
        `u.${users.column('isEnterpriseAdmin')} as is_admin`, 'e.id as enterprise_id', 'e.name as enterprise_name', 'e.kind as enterprise_kind',
        'e.state as enterprise_state', 'r.permissions as permissions'));
    const user = rows[0];
    if (!user) throw errors.unauthenticated();
    if ('tokenVersion' in options && Number(user.token_version ?? 0) !== options.tokenVersion) throw errors.unauthenticated();
    if (user.blocked === true || user.blocked === 1) throw new DomainError(401, 'ACCOUNT_DISABLED', t('账号已被停用', 'This account has been disabled'));
    if (!user.enterprise_id) throw new DomainError(401, 'NO_ENTERPRISE', t('账号未关联企业', 'This account belongs to no enterprise'));
    if (user.enterprise_state !== 'active') throw new DomainError(401, 'ENTERPRISE_DISABLED', t('所属企业已被停用', 'This account\'s enterprise has been disabled'));
    const isAdmin = user.is_admin === true || user.is_admin === 1;
    const granted = rows.filter((row) => row.permissions != null)
      .map((row) => ({ permissions: typeof row.permissions === 'string' ? JSON.parse(row.permissions) : row.permissions }));
    return {
      userId: user.id,
      username: user.username,
      displayName: user.display_name ?? user.username,
      enterpriseId: user.enterprise_id,
      enterpriseName: user.enterprise_name,
      enterpriseKind: user.enterprise_kind as EnterpriseKind,
      isEnterpriseAdmin: isAdmin,
      permissions: new Set(permissionsOf(user.enterprise_kind, isAdmin, granted)),
    };
  },

  /** Revokes every token of the user issued so far (they carry the old version). */
  async revokeTokens(userId: number): Promise<void> {
    await strapi.db.transaction(({ trx }) => trx('up_users').where({ id: userId }).increment('token_version', 1));
  },

  /** The token of a user, carrying its current token version. */
  async issueToken(userId: number): Promise<string> {
    const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['id', 'tokenVersion'] });
    return strapi.plugin('users-permissions').service('jwt').issue({ id: userId, tv: Number(user?.tokenVersion ?? 0) });
  },

  /** What the console keeps after sign-in (also the body of GET /api/console/session). */
  sessionUser(principal: Principal) {
    return strapi.db.query(USER).findOne({ where: { id: principal.userId }, select: ['id', 'username', 'email', 'displayName'] })
      .then((user: any) => ({
        id: principal.userId,
        username: principal.username,
        email: user?.email ?? null,
        displayName: principal.displayName,
        isEnterpriseAdmin: principal.isEnterpriseAdmin,
        enterprise: { id: principal.enterpriseId, name: principal.enterpriseName, kind: principal.enterpriseKind },
        permissions: [...principal.permissions].sort(),
      }));
  },
});

/** An enterprise admin holds every key its kind allows; others hold the union of their roles' keys. */
export function permissionsOf(kind: EnterpriseKind, isAdmin: boolean, roles: { permissions?: unknown }[]): PermissionKey[] {
  const allowed = permissionsForKind(kind);
  if (isAdmin) return allowed;
  const granted = new Set<string>();
  for (const role of roles) for (const key of Array.isArray(role.permissions) ? role.permissions : []) granted.add(key);
  return allowed.filter((key) => granted.has(key));
}
