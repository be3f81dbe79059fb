import type { Core } from '@strapi/strapi';

/**
 * Accounts are created by the platform operator or an enterprise admin, never by self-registration;
 * the public role may only fetch a captcha and sign in.
 */
export async function configureUsersPermissions(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (publicRole) {
    await strapi.db.query('plugin::users-permissions.permission').deleteMany({
      where: { role: publicRole.id, action: { $in: ['plugin::users-permissions.auth.register', 'plugin::users-permissions.auth.forgotPassword', 'plugin::users-permissions.auth.resetPassword', 'plugin::users-permissions.auth.sendEmailConfirmation', 'plugin::users-permissions.auth.emailConfirmation'] } },
    });
  }
}
