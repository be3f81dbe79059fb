import type { Core } from '@strapi/types';
import { errors, EnterpriseKind, DomainError, PermissionKey, permissionsForKind } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { ENTERPRISE, USER } from '../uids';

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
    const user = await strapi.db.query(USER).findOne({
      where: { id: userId },
      populate: { enterpriseRoles: { select: ['id', 'permissions'] } },
    });
    if (!user) throw errors.unauthenticated();
    if ('tokenVersion' in options && Number(user.tokenVersion ?? 0) !== options.tokenVersion) throw errors.unauthenticated();
    if (user.blocked) throw new DomainError(401, 'ACCOUNT_DISABLED', t('账号已被停用', 'This account has been disabled'));
    const enterprise = user.enterpriseId ? await strapi.db.query(ENTERPRISE).findOne({ where: { id: user.enterpriseId } }) : null;
    if (!enterprise) throw new DomainError(401, 'NO_ENTERPRISE', t('账号未关联企业', 'This account belongs to no enterprise'));
    if (enterprise.state !== 'active') throw new DomainError(401, 'ENTERPRISE_DISABLED', t('所属企业已被停用', 'This account\'s enterprise has been disabled'));
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName ?? user.username,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      enterpriseKind: enterprise.kind as EnterpriseKind,
      isEnterpriseAdmin: Boolean(user.isEnterpriseAdmin),
      permissions: new Set(permissionsOf(enterprise.kind, Boolean(user.isEnterpriseAdmin), user.enterpriseRoles ?? [])),
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
