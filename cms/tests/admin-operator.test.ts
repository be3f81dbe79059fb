/**
 * The platform operator's own jobs in the admin panel (#12.4), through the panel's API as the panel calls
 * it: create an enterprise and its first admin account, disable and re-enable it, publish and schedule
 * announcements that reach their audience, keep incentive rules.
 */
import { startApp, TestApp } from './helpers/app';
import { as, creditCode, PASSWORD, signIn, tenant, Tenant } from './helpers/fixtures';
import { shift, today } from './helpers/catalogue';
import { adminToken, contentManager } from './helpers/admin';

const ENTERPRISE = 'plugin::identity.enterprise';
const USER = 'plugin::users-permissions.user';
const ANNOUNCEMENT = 'plugin::messaging.announcement';
const RULE = 'plugin::incentives.incentive-rule';

let app: TestApp;
let panel: ReturnType<typeof contentManager>;
let seller: Tenant;
let supplier: Tenant;
beforeAll(async () => {
  app = await startApp();
  seller = await tenant(app, 'seller', 'op_seller');
  supplier = await tenant(app, 'supplier', 'op_supplier');
  panel = contentManager(app, await adminToken(app, 'operator@test.local'));
});
afterAll(async () => { await app?.close(); });

const titles = async (token: string) => ((await as(app, token).get('/notifications?range=[0,99]')).body as any[]).map((n) => n.title);

describe('the operator in the admin panel', () => {
  it('creates an enterprise and its first admin account, who signs in to the console with every key of its kind', async () => {
    const enterprise = await panel.create(ENTERPRISE, { name: '后台新建文旅', creditCode: creditCode(), kind: 'supplier', state: 'active' });
    expect(enterprise.status).toBe(201);
    const authenticated = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const user = await panel.create(USER, {
      username: 'panel_admin', email: 'panel_admin@test.local', password: PASSWORD, confirmed: true, blocked: false,
      role: authenticated.id, enterpriseId: enterprise.body.data.id, isEnterpriseAdmin: true, displayName: '后台管理员',
    });
    expect([user.status, user.status < 300 ? '' : JSON.stringify(user.body)]).toEqual([201, '']);
    const session = await as(app, await signIn(app, 'panel_admin')).get('/session');
    expect(session.status).toBe(200);
    expect(session.body.enterprise).toMatchObject({ id: enterprise.body.data.id, name: '后台新建文旅', kind: 'supplier' });
    expect(session.body.isEnterpriseAdmin).toBe(true);
    expect(session.body.permissions).toEqual(expect.arrayContaining(['products.write', 'ledger.write', 'accounts.write']));
  });

  it('disables an enterprise: its users are refused at once, and signed in again after re-enabling', async () => {
    const row = await app.strapi.db.query(ENTERPRISE).findOne({ where: { id: seller.enterpriseId } });
    const edited = await panel.update(ENTERPRISE, row.documentId, { state: 'disabled' });
    expect(edited.status).toBe(200);
    expect((await as(app, seller.token).get('/session')).status).toBe(401);
    expect((await app.http.post('/api/auth/local').send({ identifier: 'op_seller', password: PASSWORD, captchaId: 'x', captchaCode: 'e2ebyp' })).status).toBe(401);
    expect((await panel.update(ENTERPRISE, row.documentId, { state: 'active' })).status).toBe(200);
    expect((await as(app, seller.token).get('/session')).status).toBe(200);
  });

  it('blocking a user or setting its password in the panel ends its sessions at once', async () => {
    const token = await signIn(app, 'op_seller');
    const user = await app.strapi.db.query(USER).findOne({ where: { username: 'op_seller' } });
    expect((await panel.update(USER, user.documentId, { blocked: true })).status).toBe(200);
    expect((await panel.update(USER, user.documentId, { blocked: false })).status).toBe(200);
    expect((await as(app, token).get('/session')).status).toBe(401);
    const again = await signIn(app, 'op_seller');
    expect((await panel.update(USER, user.documentId, { password: 'Another123x' })).status).toBe(200);
    expect((await as(app, again).get('/session')).status).toBe(401);
    expect((await as(app, await signIn(app, 'op_seller', 'Another123x')).get('/session')).status).toBe(200);
    seller.token = await signIn(app, 'op_seller', 'Another123x');
  });

  it('publishes an announcement to sellers: sellers are notified once, suppliers not, and the body is cleaned', async () => {
    const created = await panel.create(ANNOUNCEMENT, {
      type: 'notice', title: '平台春节服务安排', body: '<p>安排如下</p><script>alert(1)</script>', audience: 'sellers', state: 'published', pinned: false,
    });
    expect([created.status, created.status < 300 ? '' : JSON.stringify(created.body)]).toEqual([201, '']);
    expect(await titles(seller.token)).toContain('新公告：平台春节服务安排');
    expect(await titles(supplier.token)).not.toContain('新公告：平台春节服务安排');
    const stored = await app.strapi.db.query(ANNOUNCEMENT).findOne({ where: { documentId: created.body.data.documentId } });
    expect(stored).toMatchObject({ state: 'published', body: '<p>安排如下</p>' });
    expect(stored.releasedAt).not.toBeNull();
    // seen by the audience in the console, as the platform's
    const received = (await as(app, seller.token).get('/received-announcements')).body as any[];
    expect(received.map((a) => a.title)).toContain('平台春节服务安排');
    // editing it afterwards (pinning) tells nobody again
    expect((await panel.update(ANNOUNCEMENT, stored.documentId, { pinned: true })).status).toBe(200);
    expect((await titles(seller.token)).filter((title) => title === '新公告：平台春节服务安排')).toHaveLength(1);
  });

  it('schedules an announcement to named enterprises: the job publishes it when due and notifies them only', async () => {
    const publishAt = new Date(Date.now() + 60 * 60_000);
    const created = await panel.create(ANNOUNCEMENT, {
      type: 'policy', title: '新结算政策', body: '<p>下月起执行</p>', audience: 'named', audienceIds: [supplier.enterpriseId], state: 'scheduled', publishAt,
    });
    expect(created.status).toBe(201);
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    expect(await jobs.runNow('messaging.publish-announcements', new Date())).toMatchObject({ ran: true, result: { published: 0 } });
    expect(await titles(supplier.token)).not.toContain('新公告：新结算政策');
    expect(await jobs.runNow('messaging.publish-announcements', new Date(publishAt.getTime() + 1000))).toMatchObject({ ran: true, result: { published: 1 } });
    expect(await titles(supplier.token)).toContain('新公告：新结算政策');
    expect(await titles(seller.token)).not.toContain('新公告：新结算政策');
  });

  it('keeps incentive rules: a good one is saved, a bad one is a 400 naming the field', async () => {
    const rule = { name: '后台规则', pointsKind: 'bonus', beneficiary: 'seller', event: 'order_paid', method: 'per_order', amount: 10, validFrom: today(), validTo: shift(today(), 30), active: true, priority: 0 };
    expect((await panel.create(RULE, rule)).status).toBe(201);
    const bad = await panel.create(RULE, { ...rule, name: '后台坏规则', validTo: shift(today(), -3) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('validTo');
  });
});
