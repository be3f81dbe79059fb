import { startApp, TestApp } from './helpers/app';
import { PERMISSIONS } from '@cop/config';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, strategy } from './helpers/catalogue';

let app: TestApp;
let a: Tenant; // the intruder (a supplier)
let aSeller: Tenant; // the intruder for seller-only resources
let b: Tenant; // the victim (a supplier)
let c: Tenant; // the victim's partner seller
const victimIds: Record<string, number> = {};
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** One row owned by tenant B for every console resource; a new resource must add its own line. */
const victimRow: Record<string, () => Promise<number>> = {
  enterprises: async () => b.enterpriseId,
  accounts: async () => (await as(app, b.token).post('/accounts', { username: 'b_sub', email: 'b_sub@test.local', password: 'Secret123x' })).body.id,
  roles: async () => (await as(app, b.token).post('/roles', { name: '财务', permissions: ['ledger.read'] })).body.id,
  employees: async () => (await as(app, b.token).post('/employees', { employeeNo: 'B001', name: '乙员工' })).body.id,
  partnerships: async () => (await partner(app, b, c)).id,
  // the directory lists active enterprises to everyone signed in; a disabled one is nobody's to see
  'enterprise-directory': async () => {
    const gone = await tenant(app, 'seller', 'tenancy_gone');
    await app.strapi.db.query('plugin::identity.enterprise').update({ where: { id: gone.enterpriseId }, data: { state: 'disabled' } });
    return gone.enterpriseId;
  },
  files: async () => (await app.http.post('/api/console/files/upload').set('Authorization', `Bearer ${b.token}`).attach('file', PDF, 'b.pdf')).body.id,
  products: async () => (await product(app, b)).id,
  strategies: async () => (await strategy(app, b, [{ productId: victimIds.products, price: 100 }])).id,
  agreements: async () => (await agreement(app, b, c, { attachmentIds: [victimIds.files] })).id,
  catalogue: async () => victimIds.products,
  'prepaid-accounts': async () => (await as(app, b.token).post('/prepaid-accounts', { sellerId: c.enterpriseId })).body.id,
  'credit-accounts': async () => (await as(app, b.token).post('/credit-accounts', { sellerId: c.enterpriseId })).body.id,
  'account-transactions': async () => {
    const ledger = app.strapi.plugin('ledger').service('ledger');
    await ledger.setStatus(victimIds['prepaid-accounts'], 'enabled');
    return (await ledger.topUp(victimIds['prepaid-accounts'], 1000, { transferId: 'victim-topup' })).id;
  },
  orders: async () => {
    await agreement(app, b, c);
    const line = await strategy(app, b, [{ productId: victimIds.products, price: 100 }], { name: 'victim-order', businessMode: 'prepaid', effectiveFrom: '2030-01-01', effectiveTo: '2030-12-31' });
    void line;
    // an order of C to B, written directly: the tenancy of reads and verbs is what is tested here
    const order = await app.strapi.db.query('plugin::orders.order').create({ data: { number: 'VICTIM-1', channel: 'individual', sellerId: c.enterpriseId, supplierId: b.enterpriseId, state: 'pending_payment', paymentMode: 'prepaid', accountId: victimIds['prepaid-accounts'], totalAmount: 100, customerName: 'x' } });
    return order.id;
  },
  'cart-items': async () => (await as(app, c.token).post('/cart-items', { channel: 'individual', productId: victimIds.products, strategyId: victimIds.strategies, quantity: 1, day: '2030-01-01' })).body.id,
  'stock-days': async () => {
    const stock = app.strapi.plugin('inventory').service('stock');
    await stock.setPolicy(777001, b.enterpriseId, 'daily');
    await stock.maintain({ productId: 777001, supplierId: b.enterpriseId, mode: 'set', quantity: 5, from: '2027-01-01', to: '2027-01-01' });
    return (await app.strapi.db.query('plugin::inventory.stock-item').findOne({ where: { productId: 777001 } })).id;
  },
  'stock-movements': async () => (await app.strapi.db.query('plugin::inventory.stock-movement').findOne({ where: { productId: 777001 } })).id,
  // collaboration: B publishes to C by name, so A (in every kind audience) is outside each of them
  resources: async () => {
    const created = (await as(app, b.token).post('/resources', { title: 'B 的资源', type: 'venue', validFrom: '2026-01-01', validTo: '2099-12-31', audience: 'named', audienceIds: [c.enterpriseId] })).body;
    return (await as(app, b.token).post(`/resources/${created.id}/list`)).body.id;
  },
  'all-resources': async () => victimIds.resources,
  'resource-favourites': async () => (await as(app, c.token).post('/resource-favourites', { resourceId: victimIds.resources })).body.id,
  opportunities: async () => (await as(app, b.token).post('/opportunities', { title: 'B 的商机', kind: 'purchase', deadline: '2099-12-31', audience: 'named', audienceIds: [c.enterpriseId] })).body.id,
  'received-opportunities': async () => victimIds.opportunities,
  'opportunity-responses': async () => {
    await as(app, c.token).post(`/received-opportunities/${victimIds.opportunities}/respond`, { message: 'C 的响应' });
    return (await app.strapi.db.query('plugin::collaboration.opportunity-response').findOne({ where: { responderId: c.enterpriseId } })).id;
  },
  announcements: async () => {
    const created = (await as(app, b.token).post('/announcements', { type: 'notice', title: 'B 的公告', body: '<p>仅 C</p>', audience: 'named', audienceIds: [c.enterpriseId] })).body;
    return (await as(app, b.token).post(`/announcements/${created.id}/publish`)).body.id;
  },
  'received-announcements': async () => victimIds.announcements,
  conversations: async () => (await as(app, c.token).post('/conversations', { subjectType: 'resource', subjectId: victimIds.resources, text: 'C 问 B' })).body.id,
  'conversation-messages': async () => (await app.strapi.db.query('plugin::messaging.conversation-message').findOne({ where: { conversationId: victimIds.conversations } })).id,
  // incentives: a record of B's written directly (rules and order events are tested elsewhere); an inactive rule is nobody's to see
  'incentive-records': async () => (await app.strapi.db.query('plugin::incentives.incentive-record').create({ data: { eventKey: 'victim', enterpriseId: b.enterpriseId, counterpartyId: c.enterpriseId, side: 'supplier', kind: 'bonus', event: 'order_paid', points: 5, ruleId: 1, orderId: victimIds.orders, orderNumber: 'VICTIM-1', basisAmount: 100, refundedBefore: 0 } })).id,
  'incentive-rules': async () => (await app.strapi.db.query('plugin::incentives.incentive-rule').create({ data: { name: '停用规则', pointsKind: 'bonus', beneficiary: 'seller', event: 'order_paid', method: 'per_order', amount: 1, validFrom: '2026-01-01', validTo: '2026-12-31', active: false, priority: 0 } })).id,
  notifications: async () => {
    await app.strapi.plugin('messaging').service('notifications').notifyEnterprise(b.enterpriseId, { type: 'system', title: 'for B only' });
    return (await app.strapi.db.query('plugin::messaging.notification').findOne({ where: { userId: b.adminId } })).id;
  },
};

beforeAll(async () => {
  app = await startApp();
  a = await tenant(app, 'supplier', 'tenant_a');
  aSeller = await tenant(app, 'seller', 'tenant_a_seller');
  b = await tenant(app, 'supplier', 'tenant_b');
  c = await tenant(app, 'seller', 'tenant_c');
  for (const [name, make] of Object.entries(victimRow)) {
    victimIds[name] = await make();
    expect(victimIds[name]).toEqual(expect.any(Number));
  }
});
afterAll(async () => { await app?.close(); });

const resources = () => app.strapi.plugin('console').service('registry').all() as any[];
/** The intruder who holds the resource's read permission: a supplier, or a seller for seller-only pages. */
const intruderFor = (key: keyof typeof PERMISSIONS | null) =>
  key && !(PERMISSIONS[key].sides as readonly string[]).includes('supplier') ? aSeller : a;
const intruder = (resource: any) => intruderFor(resource.permissions.read);

describe('tenancy: another enterprise\'s ids, on every console resource and verb', () => {
  it('has a victim row for every declared resource', () => {
    expect(resources().map((r) => r.name).sort()).toEqual(Object.keys(victimRow).sort());
  });

  it('never lists another tenant\'s rows, even when asked by id', async () => {
    for (const resource of resources()) {
      const token = intruder(resource).token;
      const byId = await as(app, token).list(resource.name, { filter: { id: [victimIds[resource.name]] } });
      expect([resource.name, byId.status, byId.body]).toEqual([resource.name, 200, []]);
      const all = await as(app, token).list(resource.name, { range: [0, 999] });
      expect(all.status).toBe(200);
      expect(all.body.map((r: any) => r.id)).not.toContain(resource.name === 'enterprises' ? b.enterpriseId : victimIds[resource.name]);
    }
  });

  it('answers 404 to get, update, delete and every record action on another tenant\'s id, and changes nothing', async () => {
    for (const resource of resources()) {
      const id = victimIds[resource.name];
      const before = await app.strapi.db.query(resource.uid).findOne({ where: { id } });
      const ops = resource.operations ?? ['list', 'get', 'create', 'update', 'delete'];
      const token = intruder(resource).token;
      const calls: [string, any][] = [['get', await as(app, token).get(`/${resource.name}/${id}`)]];
      if (ops.includes('update')) calls.push(['update', await as(app, token).put(`/${resource.name}/${id}`, {})]);
      if (ops.includes('delete')) calls.push(['delete', await as(app, token).delete(`/${resource.name}/${id}`)]);
      for (const [action, declaration] of Object.entries<any>(resource.actions ?? {})) {
        // the intruder holds the verb's permission, so only tenancy stands in the way
        const verbToken = declaration.permission ? intruderFor(declaration.permission).token : token;
        calls.push([action, declaration.method === 'GET'
          ? await as(app, verbToken).get(`/${resource.name}/${id}/${action}?fileId=${victimIds.files}`)
          : await as(app, verbToken).post(`/${resource.name}/${id}/${action}`, { password: 'Secret456x', reason: 'intrusion', lineId: 1, confirmationCode: 'x' })]);
      }
      for (const [verb, res] of calls) expect([resource.name, verb, res.status]).toEqual([resource.name, verb, 404]);
      const after = await app.strapi.db.query(resource.uid).findOne({ where: { id } });
      expect(after).toEqual(before);
    }
  });

  it('checks an import preview against the caller\'s own employees only, and writes nothing (issue 13 item 10)', async () => {
    const ExcelJS = require('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('员工');
    sheet.addRow(['工号', '姓名']);
    sheet.addRow(['B001', '甲员工']); // B's victim employee's number: free in A
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const count = () => app.strapi.db.query('plugin::identity.employee').count();
    const before = await count();
    const mine = await app.http.post('/api/console/employees/import-preview').set('Authorization', `Bearer ${a.token}`).attach('file', file, 'e.xlsx');
    expect(mine.status).toBe(200);
    expect(mine.body.rows.map((r: any) => [r.employeeNo, r.result])).toEqual([['B001', 'ok']]);
    const theirs = await app.http.post('/api/console/employees/import-preview').set('Authorization', `Bearer ${b.token}`).attach('file', file, 'e.xlsx');
    expect(theirs.body.rows.map((r: any) => [r.employeeNo, r.result])).toEqual([['B001', 'invalid']]);
    expect(await count()).toBe(before);
  });

  it('exports only the caller\'s orders, whatever the filter names (issue 13 item 10)', async () => {
    const res = await as(app, a.token).get(`/orders/export?filter=${encodeURIComponent(JSON.stringify({ supplierId: b.enterpriseId }))}`)
      .buffer(true).parse((response: any, done: any) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const ExcelJS = require('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    expect(book.worksheets[0].actualRowCount).toBe(1); // the header only: not VICTIM-1
  });

  it('takes the owner from the signed-in user, never from the request', async () => {
    const res = await as(app, a.token).post('/employees', { employeeNo: 'A001', name: '甲员工', enterpriseId: b.enterpriseId });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('enterpriseId');
    const ok = await as(app, a.token).post('/employees', { employeeNo: 'A001', name: '甲员工' });
    expect(ok.status).toBe(201);
    const row = await app.strapi.db.query('plugin::identity.employee').findOne({ where: { id: ok.body.id } });
    expect(row.enterpriseId).toBe(a.enterpriseId);
  });

  it('refuses roles of another enterprise on a sub-account', async () => {
    const res = await as(app, a.token).post('/accounts', { username: 'a_sub', email: 'a_sub@test.local', password: 'Secret123x', roleIds: [victimIds.roles] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('roleIds');
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'a_sub' } })).toBe(0);
  });
});

describe('permissions: the server enforces what the menu shows', () => {
  it('lets a sub-account do only what its roles grant', async () => {
    const viewer = await as(app, a.token).post('/roles', { name: '只读', permissions: ['employees.read'] });
    expect(viewer.status).toBe(201);
    const sub = await as(app, a.token).post('/accounts', { username: 'a_viewer', email: 'a_viewer@test.local', password: 'Secret123x', roleIds: [viewer.body.id] });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ username: 'a_viewer', roleIds: [viewer.body.id], isEnterpriseAdmin: false });
    expect(sub.body.password).toBeUndefined();
    const { signIn } = await import('./helpers/fixtures');
    const token = await signIn(app, 'a_viewer', 'Secret123x');
    const session = await app.http.get('/api/console/session').set('Authorization', `Bearer ${token}`);
    expect(session.body.permissions).toEqual(['employees.read']);
    expect((await as(app, token).list('employees')).status).toBe(200);
    const write = await as(app, token).post('/employees', { employeeNo: 'X1', name: '越权' });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('FORBIDDEN');
    expect((await as(app, token).list('accounts')).status).toBe(403);
    expect((await as(app, token).list('roles')).status).toBe(403);
    expect((await as(app, token).get('/enterprises')).status).toBe(403);
    // notifications are everyone's own
    expect((await as(app, token).list('notifications')).status).toBe(200);
  });

  it('refuses to grant permissions the enterprise kind cannot hold', async () => {
    const seller = await tenant(app, 'seller', 'perm_seller');
    const res = await as(app, seller.token).post('/roles', { name: '越权角色', permissions: ['products.write'] });
    expect(res.status).toBe(400);
    expect(res.body.errors.permissions).toContain('products.write');
    const unknown = await as(app, seller.token).post('/roles', { name: '伪造', permissions: ['root.everything'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toHaveProperty('permissions');
  });
});
