import { startApp, TestApp } from './helpers/app';
import { signIn } from './helpers/fixtures';

let app: TestApp;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.close(); });

describe('demo seed', () => {
  it('creates the demo tenants and operator once, and a second run changes nothing', async () => {
    const { seedDemo, DEMO_PASSWORD } = require('../dist/src/seed/demo');
    const counts = async () => Promise.all(['plugin::identity.enterprise', 'plugin::users-permissions.user', 'plugin::identity.employee', 'admin::user']
      .map((uid) => app.strapi.db.query(uid as any).count({})));
    await seedDemo(app.strapi);
    const first = await counts();
    await seedDemo(app.strapi);
    expect(await counts()).toEqual(first);
    expect(first[0]).toBe(4);
    for (const username of ['supplier1', 'supplier2', 'seller1', 'seller2']) {
      expect(await signIn(app, username, DEMO_PASSWORD)).toEqual(expect.any(String));
    }
    const operator = await app.strapi.db.query('admin::user').findOne({ where: { email: 'operator@demo.local' }, populate: ['roles'] });
    expect(operator.roles.map((r: any) => r.code)).toContain('strapi-super-admin');
    // the demo is ready to order from: seller1 sees supplier1's and supplier2's products with prices
    const seller1 = await signIn(app, 'seller1', DEMO_PASSWORD);
    const catalogue = await app.http.get('/api/console/catalogue').set('Authorization', `Bearer ${seller1}`);
    expect(catalogue.body.map((p: any) => p.name)).toEqual(expect.arrayContaining(['西湖游船成人票', '游船 + 午餐套票', '江南面馆双人餐']));
    expect(catalogue.body.find((p: any) => p.name === '西湖游船成人票').offers.map((o: any) => [o.channel, o.price]).sort()).toEqual([['gov', 7000], ['individual', 7500]]);
    const accounts = await app.http.get('/api/console/prepaid-accounts').set('Authorization', `Bearer ${seller1}`);
    expect(accounts.body.map((a: any) => a.available)).toEqual([1_000_000, 1_000_000]);
    const login = await app.http.post('/admin/login').send({ email: 'operator@demo.local', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
  });
});
