import type { TestApp } from './app';
import { BYPASS } from './app';

export const PASSWORD = 'Passw0rd!x';
let counter = 0;

/** A unified social credit code that passes the schema's format check. */
export function creditCode(): string {
  counter += 1;
  return `91110000MA${String(Date.now() % 100000).padStart(5, '0')}${String(counter).padStart(3, '0')}`.slice(0, 18);
}

export interface Tenant { enterpriseId: number; adminId: number; username: string; token: string }

/** Provision an enterprise with its admin (as the operator would) and sign the admin in. */
export async function tenant(app: TestApp, kind: 'supplier' | 'seller' | 'both', username: string): Promise<Tenant> {
  const { enterprise, user } = await app.strapi.plugin('identity').service('provisioning').ensureEnterprise({
    name: `${username} 企业`, creditCode: creditCode(), kind,
    admin: { username, email: `${username}@test.local`, password: PASSWORD },
  });
  return { enterpriseId: enterprise.id, adminId: user.id, username, token: await signIn(app, username) };
}

export async function signIn(app: TestApp, identifier: string, password = PASSWORD): Promise<string> {
  const res = await app.http.post('/api/auth/local').send({ identifier, password, captchaId: 'x', captchaCode: BYPASS });
  if (res.status !== 200) throw new Error(`sign-in of ${identifier} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.jwt;
}

/** Authenticated calls to the console API as one user. */
export function as(app: TestApp, token: string) {
  const auth = (r: any) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (path: string) => auth(app.http.get(`/api/console${path}`)),
    post: (path: string, body?: unknown) => auth(app.http.post(`/api/console${path}`)).send(body as object),
    put: (path: string, body?: unknown) => auth(app.http.put(`/api/console${path}`)).send(body as object),
    delete: (path: string) => auth(app.http.delete(`/api/console${path}`)),
    list: (resource: string, params: { filter?: unknown; sort?: unknown; range?: unknown } = {}) => {
      const query: Record<string, string> = {};
      for (const [key, value] of Object.entries(params)) if (value !== undefined) query[key] = JSON.stringify(value);
      return auth(app.http.get(`/api/console/${resource}`)).query(query);
    },
  };
}
