import { startApp, TestApp } from './helpers/app';

let app: TestApp;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.close(); });

const LOCAL_PLUGINS = ['scheduler', 'identity', 'console', 'messaging', 'files', 'catalogue', 'inventory', 'ledger', 'orders', 'incentives', 'collaboration'];

describe('platform', () => {
  it('loads every local plugin (Strapi skips a plugin with no compiled entry silently)', () => {
    for (const name of LOCAL_PLUGINS) expect(app.strapi.plugin(name)).toBeDefined();
    expect(app.strapi.plugin('users-permissions')).toBeDefined();
  });

  it('stores money as integers and keeps Draft & Publish off on every platform type', () => {
    const ours = Object.entries(app.strapi.contentTypes).filter(([uid]) => LOCAL_PLUGINS.some((p) => uid.startsWith(`plugin::${p}.`)));
    expect(ours.length).toBeGreaterThan(0);
    for (const [uid, contentType] of ours) {
      expect([uid, contentType.options?.draftAndPublish ?? false]).toEqual([uid, false]);
      for (const [name, attribute] of Object.entries(contentType.attributes)) {
        expect([uid, name, ['decimal', 'float'].includes((attribute as any).type)]).toEqual([uid, name, false]);
      }
    }
  });

  it('declares the console resources of the foundation', () => {
    const names = app.strapi.plugin('console').service('registry').all().map((r: any) => r.name).sort();
    expect(names).toEqual(expect.arrayContaining(['accounts', 'employees', 'enterprises', 'notifications', 'roles']));
  });

  it('serves a favicon (every browser asks; a missing file was a 500 on each page)', async () => {
    const res = await app.http.get('/favicon.ico');
    expect([res.status, res.body.length > 0]).toEqual([200, true]);
  });

  it('answers /_health', async () => {
    const res = await app.http.get('/_health');
    expect(res.status).toBe(204);
  });

  it('refuses self-registration', async () => {
    const res = await app.http.post('/api/auth/local/register').send({ username: 'intruder', email: 'i@x.local', password: 'Passw0rd!x' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'intruder' } })).toBe(0);
  });
});

describe('OpenAPI document', () => {
  it('is public and describes sign-in and every console resource from the same declarations', async () => {
    const res = await app.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/auth/local'].post.requestBody.content['application/json'].schema.required).toEqual(['identifier', 'password', 'captchaId', 'captchaCode']);
    for (const resource of app.strapi.plugin('console').service('registry').all()) {
      expect(res.body.paths[`/console/${resource.name}`]?.get).toBeDefined();
      for (const action of Object.keys(resource.actions ?? {})) expect(res.body.paths[`/console/${resource.name}/{id}/${action}`]).toBeDefined();
    }
    const employee = res.body.components.schemas.Employees;
    expect(employee.required).toEqual(['employeeNo', 'name']);
    expect(res.body.components.schemas.Accounts.properties.password.writeOnly).toBe(true);
  });
});
