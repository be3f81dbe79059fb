/**
 * 关联记录 (#12.3): the admin panel shows, beside each `…Id` field of a record, the name of the record it
 * points at, from `GET /cop-admin/linked-names?uid=&id=` (admin JWT).
 */
import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';
import { adminToken } from './helpers/admin';

let app: TestApp;
let token: string;
let supplier: Tenant;
let seller: Tenant;
let order: any;
let ticket: any;

const linked = (uid: string, id: string | number, jwt: string | null = token) => {
  const req = app.http.get('/cop-admin/linked-names').query({ uid, id: String(id) });
  return jwt ? req.set('Authorization', `Bearer ${jwt}`) : req;
};
const byField = (body: any) => Object.fromEntries((body.data as any[]).map((link) => [link.field, link]));

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'ln_supplier');
  seller = await tenant(app, 'seller', 'ln_seller');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  ticket = await product(app, supplier, { name: '西湖门票', stockMode: 'none' });
  const individual = await strategy(app, supplier, [{ productId: ticket.id, price: 10000 }], { businessMode: 'prepaid' });
  const prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  const ledger = app.strapi.plugin('ledger').service('ledger');
  await ledger.setStatus(prepaidId, 'enabled');
  await ledger.topUp(prepaidId, 100_000, { transferId: 'ln-topup' });
  const placed = await as(app, seller.token).post('/orders', {
    channel: 'individual', paymentMode: 'prepaid', customerName: '王先生', customerPhone: '13800000000',
    lines: [{ productId: ticket.id, strategyId: individual.id, quantity: 1, day: shift(today(), 2) }],
  });
  expect(placed.status).toBe(201);
  order = placed.body;
  token = await adminToken(app, 'linked@test.local');
});
afterAll(async () => { await app?.close(); });

describe('linked names in the admin panel', () => {
  it('names the supplier, the seller, the account and the account holder of an order, by id or documentId', async () => {
    const res = await linked('plugin::orders.order', order.id);
    expect(res.status).toBe(200);
    const links = byField(res.body);
    expect(links.supplierId).toMatchObject({
      label: '供货方', targetUid: 'plugin::identity.enterprise', id: supplier.enterpriseId, name: 'ln_supplier 企业',
    });
    expect(links.sellerId).toMatchObject({ label: '销售方', id: seller.enterpriseId, name: 'ln_seller 企业' });
    expect(links.accountId).toMatchObject({ label: '付款账户', targetUid: 'plugin::ledger.account', name: '预付款' });
    expect(links.placedBy).toMatchObject({ targetUid: 'plugin::users-permissions.user', name: 'ln_seller' });
    const enterprise = await app.strapi.db.query('plugin::identity.enterprise').findOne({ where: { id: supplier.enterpriseId } });
    expect(links.supplierId.targetDocumentId).toBe(enterprise.documentId);

    const row = await app.strapi.db.query('plugin::orders.order').findOne({ where: { id: order.id } });
    expect(byField((await linked('plugin::orders.order', row.documentId)).body).sellerId.name).toBe('ln_seller 企业');
  });

  it('names the product and the strategy of an order line, and both parties of a partnership', async () => {
    const line = byField((await linked('plugin::orders.order-line', order.lines[0].id)).body);
    expect(line.productId).toMatchObject({ label: '产品', targetUid: 'plugin::catalogue.product', name: '西湖门票' });
    expect(line.strategyId).toMatchObject({ label: '销售策略', name: '标准价' });
    expect(line.orderId).toMatchObject({ name: order.number });

    const partnership = await app.strapi.db.query('plugin::identity.partnership')
      .findOne({ where: { supplierId: supplier.enterpriseId, sellerId: seller.enterpriseId } });
    const links = byField((await linked('plugin::identity.partnership', partnership.documentId)).body);
    expect([links.supplierId.name, links.sellerId.name]).toEqual(['ln_supplier 企业', 'ln_seller 企业']);
  });

  it('gives a null name for a target that no longer exists', async () => {
    const product = await app.strapi.db.query('plugin::catalogue.product').create({
      data: { name: '孤儿组合', category: 'ticket', supplierId: supplier.enterpriseId, mainProductId: 2_000_000_000 },
    });
    const links = byField((await linked('plugin::catalogue.product', product.id)).body);
    expect(links.mainProductId).toMatchObject({ id: 2_000_000_000, name: null, targetDocumentId: null });
    expect(links.supplierId.name).toBe('ln_supplier 企业');
  });

  it('refuses other content types, missing records, bad ids and callers without an admin JWT', async () => {
    expect((await linked('admin::user', 1)).status).toBe(404);
    expect((await linked('plugin::upload.file', 1)).status).toBe(404);
    expect((await linked('plugin::orders.order', 999999)).status).toBe(404);
    expect((await linked('plugin::orders.order', 99999999999)).status).toBe(404);
    const bad = await linked('plugin::orders.order', 'x;drop');
    expect([bad.status, bad.body.errors?.id]).toEqual([400, expect.any(String)]);
    expect((await linked('plugin::orders.order', order.id, null)).status).toBe(401);
    expect((await linked('plugin::orders.order', order.id, seller.token)).status).toBe(401);
  });
});
