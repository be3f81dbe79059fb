/**
 * users-permissions, extended: every login user belongs to one enterprise, holds enterprise roles,
 * and carries the sign-in failure counters; POST /api/auth/local checks the captcha and the lock
 * (identity plugin's sign-in service) instead of the stock callback.
 */
export default (plugin: any) => {
  const attributes = plugin.contentTypes.user.schema.attributes;
  // the admin panel's left menu (labels of its fields: cms/src/admin-panel/labels.ts)
  plugin.contentTypes.user.schema.info.displayName = '登录账户';
  attributes.enterpriseId = { type: 'integer', min: 1 };
  attributes.isEnterpriseAdmin = { type: 'boolean', default: false };
  attributes.displayName = { type: 'string', maxLength: 50 };
  attributes.phone = { type: 'string', maxLength: 20 };
  attributes.enterpriseRoles = { type: 'relation', relation: 'manyToMany', target: 'plugin::identity.enterprise-role' };
  attributes.failedLogins = { type: 'integer', default: 0, private: true };
  attributes.firstFailedAt = { type: 'datetime', private: true };
  attributes.lockedUntil = { type: 'datetime', private: true };
  // carried in every token (`tv`); bumping it revokes every token issued before (sign-out, password, disable)
  attributes.tokenVersion = { type: 'integer', default: 0, private: true };
  // idempotent: the extension can run twice in one process (a second Strapi load, as in benchmarks)
  const ours = new Set(['up_users_enterprise_idx', 'up_users_username_uq', 'up_users_email_uq']);
  plugin.contentTypes.user.schema.indexes = [
    ...(plugin.contentTypes.user.schema.indexes ?? []).filter((index: { name: string }) => !ours.has(index.name)),
    { name: 'up_users_enterprise_idx', columns: ['enterprise_id'] },
    // the stock schema checks uniqueness in the application only; concurrent creates need the database
    { name: 'up_users_username_uq', columns: ['username'], type: 'unique' },
    { name: 'up_users_email_uq', columns: ['email'], type: 'unique' },
  ];

  const stockAuth = plugin.controllers.auth;
  plugin.controllers.auth = (deps: { strapi: any }) => ({
    ...stockAuth(deps),
    async callback(ctx: any) {
      ctx.body = await deps.strapi.plugin('identity').service('sign-in').signIn(ctx.request.body);
    },
    // the current password is checked under the sign-in lock; every older token is revoked
    async changePassword(ctx: any) {
      ctx.body = await deps.strapi.plugin('identity').service('sign-in').changePassword(ctx, ctx.request.body);
    },
    async logout(ctx: any) {
      await deps.strapi.plugin('identity').service('sign-in').signOut(ctx);
      ctx.status = 204;
    },
  });

  // Stock routes that still authenticate with users-permissions (e.g. /api/users/me) refuse revoked tokens too.
  const stockJwt = plugin.services.jwt;
  plugin.services.jwt = (deps: { strapi: any }) => {
    const service = stockJwt(deps);
    const getToken = service.getToken;
    service.getToken = async function getTokenWithVersion(this: unknown, ctx: any) {
      const payload = await getToken.call(this, ctx);
      if (payload && Number.isSafeInteger(payload.id)) {
        const user = await deps.strapi.db.query('plugin::users-permissions.user')
          .findOne({ where: { id: payload.id }, select: ['id', 'tokenVersion'] });
        if (!user || Number(user.tokenVersion ?? 0) !== Number(payload.tv ?? 0)) throw new Error('revoked token');
      }
      return payload;
    };
    return service;
  };

  for (const route of plugin.routes['content-api'].routes) {
    if (route.path === '/auth/local' && route.method === 'POST') {
      // The database-backed lock replaces the per-instance in-memory rate limit.
      route.config = { ...route.config, middlewares: [] };
      delete route.request;
    }
    if (route.method === 'POST' && (route.path === '/auth/change-password' || route.path === '/auth/logout')) {
      // authenticated by the identity plugin's principal service (token version, disabled account or enterprise);
      // change-password has the database-backed lock instead of the in-memory rate limit
      route.config = { ...route.config, auth: false, middlewares: [] };
      delete route.request;
    }
  }
  return plugin;
};
