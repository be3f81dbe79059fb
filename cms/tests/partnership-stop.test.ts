import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

/** Issue 13 item 4: a partnership that stops stops its unpaid orders; resuming is announced too. */
let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let partnership: any;
let ticket: any;
let individual: any;
let gov: any;
let prepaidId: number;
const day = shift(today(), 2);
const ledger = () => app.strapi.plugin('ledger').service('ledger');
const figures = async (id: number) => ledger().figures(await ledger().account(id));
const stockOf = (productId: number) => app.strapi.db.query('plugin::inventory.stock-item').findOne({ where: { productId, slot: day } });
const notices = (enterpriseId: number, like: string) =>
  app.strapi.db.query('plugin::messaging.notification').findMany({ where: { enterpriseId, title: { $contains: like } } });

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'stop_supplier');
  seller = await tenant(app, 'seller', 'stop_seller');
  partnership = await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  ticket = await product(app, supplier, { name: '停合作门票' });
  await as(app, supplier.token).post('/stock-days/maintain', {
    productId: ticket.id, mode: 'set', quantity: 20, from: today(), to: shift(today(), 5),
  });
  individual = await strategy(app, supplier, [{ productId: ticket.id, price: 15000 }], { businessMode: 'either' });
  gov = await strategy(app, supplier, [{ productId: ticket.id, price: 12000 }],
    { channel: 'gov', name: '政企', businessMode: 'either', requiresAudit: true });
  prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  await ledger().setStatus(prepaidId, 'enabled');
  await ledger().topUp(prepaidId, 100_000, { transferId: 'stop-topup' });
});
afterAll(async () => {
  expect(await app.strapi.plugin('inventory').service('stock').reconcile()).toEqual([]);
  await app?.close();
});

const place = (body: Record<string, unknown>) => as(app, seller.token).post('/orders', {
  channel: 'individual', paymentMode: 'prepaid', customerName: '李女士', customerPhone: '13800000000', ...body,
});

describe('stopping a partnership', () => {
  it('closes the pair\'s unpaid and pending-audit orders with the reason, releases their holds and refuses a late payment', async () => {
    const paid = (await place({ lines: [{ productId: ticket.id, strategyId: individual.id, quantity: 1, day }] })).body;
    expect((await as(app, seller.token).post(`/orders/${paid.id}/pay`)).body.status).toBe('paid');
    const before = await figures(prepaidId);
    const unpaid = (await place({ lines: [{ productId: ticket.id, strategyId: individual.id, quantity: 2, day }] })).body;
    const govLine = { productId: ticket.id, strategyId: gov.id, quantity: 3, day };
    const audit = (await place({ channel: 'gov', companyName: '某区文旅局', lines: [govLine] })).body;
    expect([unpaid.status, audit.status]).toEqual(['pending_payment', 'pending_audit']);
    expect(await figures(prepaidId)).toMatchObject({ frozen: 30_000 + 36_000 });
    expect(await stockOf(ticket.id)).toMatchObject({ reserved: 5, sold: 1 });

    const stopped = await as(app, supplier.token).post(`/partnerships/${partnership.id}/stop`, { reason: '合同到期不再续签' });
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('stopped');

    for (const order of [unpaid, audit]) {
      expect((await as(app, seller.token).get(`/orders/${order.id}`)).body.status).toBe('closed');
      const events = await app.strapi.db.query('plugin::orders.order-event').findMany({ where: { orderId: order.id, action: 'close' } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ toStatus: 'closed', actorId: supplier.adminId, actorEnterpriseId: supplier.enterpriseId });
      expect(events[0].reason).toContain('合同到期不再续签');
      // the seller hears of each closed order
      expect(await notices(seller.enterpriseId, order.number))
        .toEqual(expect.arrayContaining([expect.objectContaining({ body: '合同到期不再续签' })]));
    }
    // the paid order is history, not touched
    expect((await as(app, seller.token).get(`/orders/${paid.id}`)).body.status).toBe('paid');
    // money and stock back: nothing frozen, nothing reserved, the books agree
    expect(await figures(prepaidId)).toEqual(before);
    expect(await stockOf(ticket.id)).toMatchObject({ reserved: 0, sold: 1 });
    const check = await ledger().check();
    expect(check.mismatches).toEqual([]);
    expect(check.balanced).toBe(true);
    expect(await app.strapi.plugin('inventory').service('stock').reconcile()).toEqual([]);
    // the release lines of the statement name the supplier's user who stopped the partnership
    const releases = await as(app, seller.token).list('account-transactions', { filter: { accountId: prepaidId, kind: 'release' } });
    expect(releases.body.map((r: any) => r.operatorName)).toEqual(['stop_supplier', 'stop_supplier']);

    const late = await as(app, seller.token).post(`/orders/${unpaid.id}/pay`);
    expect(late.status).toBe(409);
    expect(await figures(prepaidId)).toEqual(before);
    // nor can a new order be placed: no offer of a stopped partner, nothing frozen or reserved
    const refused = await place({ lines: [{ productId: ticket.id, strategyId: individual.id, quantity: 1, day }] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toHaveProperty(['lines.0.strategyId']);
    expect(await figures(prepaidId)).toEqual(before);
    expect(await stockOf(ticket.id)).toMatchObject({ reserved: 0, sold: 1 });
    expect(await notices(seller.enterpriseId, '已停止与贵司的合作')).toHaveLength(1);
  });

  it('changes nothing when the stop is refused (already stopped), and resuming notifies the seller', async () => {
    expect((await as(app, supplier.token).post(`/partnerships/${partnership.id}/stop`, { reason: '再次' })).status).toBe(409);
    const resumed = await as(app, supplier.token).post(`/partnerships/${partnership.id}/resume`);
    expect(resumed.body.status).toBe('active');
    expect(await notices(seller.enterpriseId, '已恢复与贵司的合作')).toHaveLength(1);
    // ordering works again
    const again = await place({ lines: [{ productId: ticket.id, strategyId: individual.id, quantity: 1, day }] });
    expect(again.status).toBe(201);
    await as(app, seller.token).post(`/orders/${again.body.id}/cancel`);
  });

  it('rolls the stop back with the orders when closing one fails (one transaction)', async () => {
    const open = (await place({ lines: [{ productId: ticket.id, strategyId: individual.id, quantity: 1, day }] })).body;
    const orders = app.strapi.plugin('orders').service('orders');
    const original = orders.releaseHolds;
    orders.releaseHolds = async () => { throw new Error('simulated failure while releasing'); };
    try {
      const res = await as(app, supplier.token).post(`/partnerships/${partnership.id}/stop`, { reason: '测试回滚' });
      expect(res.status).toBe(500);
    } finally {
      orders.releaseHolds = original;
    }
    expect((await as(app, supplier.token).get(`/partnerships/${partnership.id}`)).body.status).toBe('active');
    expect((await as(app, seller.token).get(`/orders/${open.id}`)).body.status).toBe('pending_payment');
    await as(app, seller.token).post(`/orders/${open.id}/cancel`);
  });
});
