/**
 * Issue #12, item 1: the platform operator runs the platform from the Strapi admin panel. Strapi 5's
 * content manager reserves `status` for a document's draft/published state, so every type of ours
 * with its own `status` attribute could be neither saved nor created there (400 "Invalid status").
 * These tests drive the admin API exactly as the panel does: sign in at /admin/login, then list, read
 * and save back through /content-manager/collection-types/<uid>[/<documentId>].
 */
import { startApp, TestApp } from './helpers/app';
import { adminToken as signInAdmin } from './helpers/admin';
import { IMMUTABLE as BOOKS } from '../src/immutable';
import { as, creditCode, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

const OUR_PLUGINS = [
  'identity', 'catalogue', 'collaboration', 'inventory', 'ledger', 'messaging', 'orders', 'incentives', 'files', 'scheduler', 'console',
];

/**
 * The books (cms/src/immutable.ts): read-only in the panel for every admin role, so here they are only
 * listed and read, and a create is refused (admin-immutable.test.ts tries every write on them).
 */
// an adjustment slip (人工调账) is written once, when it is made, and never changes after either
const IMMUTABLE = new Set([...Object.keys(BOOKS), 'plugin::ledger.adjustment']);

/** The 13 types whose `status` attribute became `state`: each is also created through the panel. */
const RENAMED = [
  'plugin::catalogue.agreement', 'plugin::catalogue.product', 'plugin::catalogue.strategy', 'plugin::collaboration.opportunity-response',
  'plugin::collaboration.opportunity', 'plugin::collaboration.resource', 'plugin::identity.employee', 'plugin::identity.enterprise',
  'plugin::identity.partnership', 'plugin::inventory.stock-reservation', 'plugin::ledger.account', 'plugin::messaging.announcement',
  'plugin::orders.order',
];

/** What the content manager adds to every type; the panel does not send these back as fields. */
const SYSTEM = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let third: Tenant;
let fourth: Tenant;
let adminToken: string;
const ids: Record<string, number> = {};

const cm = (uid: string, documentId?: string) => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;
const admin = {
  get: (path: string) => app.http.get(path).set('Authorization', `Bearer ${adminToken}`),
  put: (path: string, body: object) => app.http.put(path).set('Authorization', `Bearer ${adminToken}`).send(body),
  post: (path: string, body: object) => app.http.post(path).set('Authorization', `Bearer ${adminToken}`).send(body),
};

/** Every collection type of our plugins, as the panel lists them. */
function ourTypes(): { uid: string; schema: any }[] {
  return Object.entries(app.strapi.contentTypes as Record<string, any>)
    .filter(([uid, schema]) => uid.startsWith('plugin::') && OUR_PLUGINS.includes(schema.plugin))
    .map(([uid, schema]) => ({ uid, schema }))
    .sort((a, b) => a.uid.localeCompare(b.uid));
}

/**
 * Hidden from the panel (`content-manager.visible: false`), so not checked here: internal rows the operator
 * never sees (strategy sellers, captchas, rate counters, announcement reads, order requests).
 */
const hidden = (schema: any) => schema.pluginOptions?.['content-manager']?.visible === false;

/** The record's own writable fields, as the edit form sends them back. */
function writable(schema: any, data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => {
    const attribute = schema.attributes[key];
    return attribute && !SYSTEM.has(key) && !attribute.private && attribute.writable !== false;
  }));
}

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'adm_supplier');
  seller = await tenant(app, 'seller', 'adm_seller');
  third = await tenant(app, 'seller', 'adm_third');
  fourth = await tenant(app, 'seller', 'adm_fourth');
  adminToken = await signInAdmin(app, 'operator@test.local');

  // one row of every visible type, made the way the platform makes them (console API and services)
  const ledger = app.strapi.plugin('ledger').service('ledger');
  await partner(app, supplier, seller);
  const stopped = (await as(app, supplier.token).post('/partnerships', { sellerId: third.enterpriseId })).body;
  await as(app, supplier.token).post(`/partnerships/${stopped.id}/stop`, { reason: '测试' });
  await agreement(app, supplier, seller);
  const ticket = await product(app, supplier, { name: '后台门票' });
  const day = shift(today(), 2);
  const stock = { productId: ticket.id, mode: 'set', quantity: 20, from: today(), to: shift(today(), 5) };
  await as(app, supplier.token).post('/stock-days/maintain', stock);
  const offer = await strategy(app, supplier, [{ productId: ticket.id, price: 10000 }]);
  ids.prepaid = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  await ledger.setStatus(ids.prepaid, 'enabled');
  await ledger.topUp(ids.prepaid, 1_000_000, { transferId: 'adm-topup' });
  await app.strapi.documents('plugin::ledger.adjustment' as any).create({ data: { accountId: ids.prepaid, amount: 100, reason: '测试调账' } as any });
  await app.strapi.db.query('plugin::incentives.incentive-rule').create({ data: {
    name: '后台规则', pointsKind: 'bonus', beneficiary: 'seller', event: 'order_paid', method: 'per_order', amount: 5,
    validFrom: shift(today(), -1), validTo: shift(today(), 30), active: true, priority: 0,
  } });
  await as(app, seller.token).post('/cart-items', { channel: 'individual', productId: ticket.id, strategyId: offer.id, quantity: 1, day });
  const order = await as(app, seller.token).post('/orders', {
    channel: 'individual', paymentMode: 'prepaid', customerName: '王先生', customerPhone: '13800000000',
    lines: [{ productId: ticket.id, strategyId: offer.id, quantity: 2, day }],
  }).set('Idempotency-Key', 'adm-order');
  expect(order.status).toBe(201);
  expect((await as(app, seller.token).post(`/orders/${order.body.id}/pay`)).status).toBe(200);
  await as(app, seller.token).post('/employees', { employeeNo: 'ADM001', name: '后台员工' });
  await as(app, supplier.token).post('/roles', { name: '后台角色', permissions: [] });
  const resource = (await as(app, supplier.token).post('/resources', {
    title: '后台资源', type: 'venue', validFrom: shift(today(), -1), validTo: shift(today(), 90), audience: 'all',
  })).body;
  await as(app, supplier.token).post(`/resources/${resource.id}/list`);
  await as(app, seller.token).post('/resource-favourites', { resourceId: resource.id });
  const opportunity = (await as(app, supplier.token).post('/opportunities', {
    title: '后台商机', kind: 'purchase', deadline: shift(today(), 30), audience: 'all',
  })).body;
  await as(app, seller.token).post(`/received-opportunities/${opportunity.id}/respond`, { message: '可以合作' });
  await as(app, seller.token).post('/conversations', { subjectType: 'resource', subjectId: resource.id, text: '你好' });
  const notice = { type: 'notice', title: '后台公告', body: '<p>x</p>', audience: 'all' };
  const announcement = (await as(app, supplier.token).post('/announcements', notice)).body;
  await as(app, supplier.token).post(`/announcements/${announcement.id}/publish`);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const file = await app.http.post('/api/console/files/upload').set('Authorization', `Bearer ${supplier.token}`)
    .attach('file', pdf, '协议.pdf');
  expect(file.status).toBe(201);
  await app.strapi.plugin('scheduler').service('jobs').runNow('catalogue.agreements');
});
afterAll(async () => { await app?.close(); });

describe('the admin panel (content manager) on our content types', () => {
  it('saves an enterprise as the panel does: its own fields back, one changed (was 400 "Invalid status")', async () => {
    const uid = 'plugin::identity.enterprise';
    const row = await app.strapi.db.query(uid).findOne({ where: { id: seller.enterpriseId } });
    const read = await admin.get(cm(uid, row.documentId));
    expect(read.status).toBe(200);
    // the form's values are the stored ones (the operator picks the enterprise's state in its select)
    const schema = app.strapi.contentTypes[uid];
    const saved = await admin.put(cm(uid, row.documentId), { ...writable(schema, row), contactPhone: '0571-88886666' });
    expect([saved.status, saved.body?.error?.message ?? '']).toEqual([200, '']);
    const stored = await app.strapi.db.query(uid).findOne({ where: { id: seller.enterpriseId } });
    expect(stored).toMatchObject({ contactPhone: '0571-88886666', state: 'active' });
    // and the operator disables it: its users are refused at once
    const disabled = await admin.put(cm(uid, row.documentId), { ...writable(schema, saved.body.data), state: 'disabled' });
    expect(disabled.status).toBe(200);
    expect((await as(app, seller.token).get('/session')).status).toBe(401);
    expect((await admin.put(cm(uid, row.documentId), { ...writable(schema, disabled.body.data), state: 'active' })).status).toBe(200);
    expect((await as(app, seller.token).get('/session')).status).toBe(200);
  });

  it('lists, reads and saves back one record of every type of ours (the books only listed and read)', async () => {
    const checked: string[] = [];
    for (const { uid, schema } of ourTypes()) {
      if (hidden(schema)) continue;
      const list = await admin.get(`${cm(uid)}?page=1&pageSize=10`);
      expect([uid, list.status]).toEqual([uid, 200]);
      expect([uid, list.body.results.length > 0]).toEqual([uid, true]);
      const documentId = list.body.results[0].documentId;
      const read = await admin.get(cm(uid, documentId));
      expect([uid, read.status]).toEqual([uid, 200]);
      // the edit form shows each choice as stored (a `status` attribute showed "Choose here")
      const row = await app.strapi.db.query(uid as any).findOne({ where: { documentId } });
      for (const [name, attribute] of Object.entries(schema.attributes as Record<string, any>)) {
        if (attribute.type === 'enumeration') expect([uid, name, read.body.data[name]]).toEqual([uid, name, row[name]]);
      }
      if (!IMMUTABLE.has(uid)) {
        const saved = await admin.put(cm(uid, documentId), writable(schema, read.body.data));
        expect([uid, saved.status, saved.status < 300 ? '' : JSON.stringify(saved.body)]).toEqual([uid, 200, '']);
      }
      checked.push(uid);
    }
    // every visible type was checked, and none of ours still has the attribute Strapi reserves
    expect(checked.length).toBe(ourTypes().filter(({ schema }) => !hidden(schema)).length);
    for (const { uid, schema } of ourTypes()) expect([uid, 'status' in schema.attributes]).toEqual([uid, false]);
  });

  it('creates a record of each of the 13 renamed types through the panel (the books among them are refused)', async () => {
    const overrides: Record<string, Record<string, unknown>> = {
      'plugin::catalogue.agreement': { number: 'ADMIN-AG-1', title: '后台协议' },
      'plugin::catalogue.product': { name: '后台新建产品' },
      'plugin::catalogue.strategy': { name: '后台新建策略' },
      'plugin::collaboration.opportunity-response': { responderId: third.enterpriseId, message: '后台响应' },
      'plugin::collaboration.opportunity': { title: '后台新建商机' },
      'plugin::collaboration.resource': { title: '后台新建资源' },
      'plugin::identity.employee': { employeeNo: 'ADM999', name: '后台新员工' },
      'plugin::identity.enterprise': { name: '后台新建企业', creditCode: creditCode() },
      'plugin::identity.partnership': { sellerId: fourth.enterpriseId },
      'plugin::inventory.stock-reservation': { reference: 'admin-panel-1', state: 'released' },
      // a new account starts empty: its counters are what its transfers add up to
      'plugin::ledger.account': { sellerId: fourth.enterpriseId, debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 },
      'plugin::messaging.announcement': { title: '后台新建公告', state: 'draft' },
      'plugin::orders.order': { number: 'ADMIN-ORDER-1', state: 'closed', paidAmount: 0, refundedAmount: 0 },
    };
    for (const uid of RENAMED) {
      const schema = app.strapi.contentTypes[uid as keyof typeof app.strapi.contentTypes] as any;
      const [row] = await app.strapi.db.query(uid as any).findMany({ limit: 1, orderBy: { id: 'asc' } });
      expect((await admin.get(cm(uid, row.documentId))).status).toBe(200);
      // "Create new entry", filled in with the values of an existing record and made unique
      const created = await admin.post(cm(uid), { ...writable(schema, row), ...overrides[uid] });
      if (IMMUTABLE.has(uid)) {
        // accounts, reservations and orders are books: the panel may not make one by hand
        expect([uid, created.status]).toEqual([uid, 403]);
        continue;
      }
      expect([uid, created.status < 300, created.status < 300 ? '' : JSON.stringify(created.body)]).toEqual([uid, true, '']);
      const stored = await app.strapi.db.query(uid as any).findOne({ where: { documentId: created.body.data.documentId } });
      expect([uid, stored.state]).toEqual([uid, overrides[uid].state ?? row.state]);
    }
  });
});
