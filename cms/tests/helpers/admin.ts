import type { TestApp } from './app';

export const ADMIN_PASSWORD = 'Admin12345';

/**
 * An admin-panel user (the platform operator), made as the demo seed makes operator@demo.local, signed
 * in at /admin/login as the panel does; returns the admin JWT. Super admin unless a role code is given.
 */
export async function adminToken(app: TestApp, email: string, roleCode = 'strapi-super-admin'): Promise<string> {
  const roles = app.strapi.service('admin::role');
  const role = roleCode === 'strapi-super-admin'
    ? (await roles.getSuperAdmin()) ?? (await roles.createSuperAdminRole())
    : await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await app.strapi.service('admin::user').create({
    email, firstname: email.split('@')[0], lastname: 'Operator', password: ADMIN_PASSWORD, isActive: true, registrationToken: null, roles: [role.id],
  });
  const login = await app.http.post('/admin/login').send({ email, password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`admin sign-in of ${email} failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.data.token;
}

/** Calls to the admin panel's content-manager API with an admin JWT, as the panel makes them. */
export function contentManager(app: TestApp, token: string) {
  const path = (uid: string, documentId?: string) => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;
  const auth = (r: any) => r.set('Authorization', `Bearer ${token}`);
  return {
    path,
    list: (uid: string) => auth(app.http.get(`${path(uid)}?page=1&pageSize=100`)),
    get: (uid: string, documentId: string) => auth(app.http.get(path(uid, documentId))),
    create: (uid: string, body: object) => auth(app.http.post(path(uid))).send(body),
    update: (uid: string, documentId: string, body: object) => auth(app.http.put(path(uid, documentId))).send(body),
  };
}
