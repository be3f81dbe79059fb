import { startApp, TestApp } from './helpers/app';
import { as, PASSWORD, signIn, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';
import { TEST_DB } from './helpers/db';

let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let other: Tenant;
let ticket: any;
let coupon: any;
let individual: any;
let gov: any;
let prepaidId: number;
let creditId: number;
const day = shift(today(), 2);
const ledger = () => app.strapi.plugin('ledger').service('ledger');
const figures = async (id: number) => ledger().figures(await ledger().account(id));
const stockOf = (productId: number, slot = day) => app.strapi.db.query('plugin::inventory.stock-item').findOne({ where: { productId, slot } });

beforeAll(async () => {
  app = await startApp({ DATABASE_POOL_MAX: '60' });
  supplier = await tenant(app, 'supplier', 'ord_supplier');
  seller = await tenant(app, 'seller', 'ord_seller');
  other = await tenant(app, 'seller', 'ord_other');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  ticket = await product(app, supplier, { name: '门票A' });
  coupon = await product(app, supplier, { category: 'coupon', name: '代金券', faceValue: 5000, couponValidFrom: today(), couponValidTo: shift(today(), 90), stockMode: 'none' });
  await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 50, from: today(), to: shift(today(), 10) });
  individual = await strategy(app, supplier, [{ productId: ticket.id, price: 10000, maxQuantity: 20 }, { productId: coupon.id, price: 4500 }], { businessMode: 'either' });
  gov = await strategy(app, supplier, [{ productId: ticket.id, price: 9000 }], { channel: 'gov', name: '政企', businessMode: 'credit', requiresAudit: true });
  prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  creditId = (await as(app, supplier.token).post('/credit-accounts', { sellerId: seller.enterpriseId })).body.id;
  await ledger().setStatus(prepaidId, 'enabled');
  await ledger().setStatus(creditId, 'enabled');
  await ledger().topUp(prepaidId, 1_000_000, { transferId: 'ord-topup' });
  await ledger().setCreditLimit(creditId, { creditLimit: 5_000_000, validFrom: shift(today(), -1), validTo: shift(today(), 365) });
});
afterAll(async () => {
  expect(await app.strapi.plugin('inventory').service('stock').reconcile()).toEqual([]);
  await app?.close();
});

const place = (token: string, body: Record<string, unknown>, key?: string) => {
  const req = as(app, token).post('/orders', { channel: 'individual', paymentMode: 'prepaid', customerName: '王先生', customerPhone: '13800000000', ...body });
  return key ? req.set('Idempotency-Key', key) : req;
};
const ticketLine = (quantity: number, extra: Record<string, unknown> = {}) => ({ productId: ticket.id, strategyId: individual.id, quantity, day, ...extra });

describe('orders: individual channel', () => {
  let order: any;
  it('creates an order: stock reserved and money frozen in one step, numbered by day', async () => {
    const before = await figures(prepaidId);
    const res = await place(seller.token, { lines: [ticketLine(2), { productId: coupon.id, strategyId: individual.id, quantity: 1 }] });
    expect(res.status).toBe(201);
    order = res.body;
    expect(order).toMatchObject({ status: 'pending_payment', totalAmount: 24500, channel: 'individual', supplierName: 'ord_supplier 企业' });
    expect(order.number).toMatch(new RegExp(`^${today().replace(/-/g, '')}\\d{8}$`));
    expect(order.lines.map((l: any) => [l.productName, l.quantity, l.unitPrice, l.amount])).toEqual([['门票A', 2, 10000, 20000], ['代金券', 1, 4500, 4500]]);
    expect(await figures(prepaidId)).toMatchObject({ available: before.available - 24500, frozen: before.frozen + 24500 });
    expect(await stockOf(ticket.id)).toMatchObject({ reserved: 2, sold: 0 });
    const supplierSees = await as(app, supplier.token).list('orders', { filter: { channel: 'individual', status: 'pending_payment' } });
    expect(supplierSees.body.map((o: any) => o.id)).toContain(order.id);
  });

  it('guards every transition: no fulfilment before payment, the supplier cannot pay, nobody else sees it', async () => {
    const fulfil = await as(app, supplier.token).post(`/orders/${order.id}/fulfil`, { lineId: order.lines[0].id, confirmationCode: 'X' });
    expect(fulfil.status).toBe(409);
    expect(fulfil.body.code).toBe('INVALID_TRANSITION');
    // issue 13 item 14: the status is named by its label in the request's language, never by its code
    expect(fulfil.body.message).toBe('订单当前状态（待支付）不能执行此操作');
    const english = await as(app, supplier.token).post(`/orders/${order.id}/fulfil`, { lineId: order.lines[0].id, confirmationCode: 'X' })
      .set('Accept-Language', 'en');
    expect(english.body.message).toContain('“Awaiting payment”');
    expect(english.body.message).not.toContain('pending_payment');
    expect((await as(app, supplier.token).post(`/orders/${order.id}/pay`)).status).toBe(403);
    expect((await as(app, other.token).get(`/orders/${order.id}`)).status).toBe(404);
    expect((await as(app, other.token).post(`/orders/${order.id}/pay`)).status).toBe(404);
  });

  it('pays: money captured, stock consumed; a retry with the same key changes nothing, another pay is refused', async () => {
    const before = await figures(prepaidId);
    const paid = await as(app, seller.token).post(`/orders/${order.id}/pay`).set('Idempotency-Key', 'pay-1');
    expect(paid.body).toMatchObject({ status: 'paid', paidAmount: 24500 });
    expect(await figures(prepaidId)).toMatchObject({ available: before.available, frozen: before.frozen - 24500 });
    expect(await stockOf(ticket.id)).toMatchObject({ reserved: 0, sold: 2 });
    const retry = await as(app, seller.token).post(`/orders/${order.id}/pay`).set('Idempotency-Key', 'pay-1');
    expect(retry.status).toBe(200);
    expect((await as(app, seller.token).post(`/orders/${order.id}/pay`)).status).toBe(409);
    const notes = await as(app, supplier.token).list('notifications', { filter: { type: 'payment' } });
    expect(notes.body.length).toBe(1);
  });

  it('fulfils a line with a code, refunds the unfulfilled one directly, and refuses a second refund', async () => {
    const fulfilled = await as(app, supplier.token).post(`/orders/${order.id}/fulfil`, { lineId: order.lines[0].id, confirmationCode: 'QR-889911' });
    expect(fulfilled.body.status).toBe('fulfilling');
    const missing = await as(app, supplier.token).post(`/orders/${order.id}/fulfil`, { lineId: order.lines[1].id });
    expect(missing.body.errors).toHaveProperty('confirmationCode');
    const fulfilledLine = await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lineIds: [order.lines[0].id] });
    expect(fulfilledLine.body.errors).toHaveProperty('lineIds');
    const before = await figures(prepaidId);
    const refunded = await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lineIds: [order.lines[1].id], reason: '客户不要了' });
    expect(refunded.body).toMatchObject({ status: 'partially_refunded', refundedAmount: 4500 });
    expect(await figures(prepaidId)).toMatchObject({ available: before.available + 4500 });
    expect((await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lineIds: [order.lines[1].id] })).status).toBe(400);
    const detail = await as(app, seller.token).get(`/orders/${order.id}`);
    expect(detail.body.events.map((e: any) => `${e.action}:${e.to}`)).toEqual(['create:pending_payment', 'pay:paid', 'fulfil:fulfilling', 'request-refund:partially_refunded']);
    expect(detail.body.lines.map((l: any) => l.fulfilmentStatus)).toEqual(['fulfilled', 'refunded']);
  });

  it('cancels an unpaid order and releases stock and money', async () => {
    const before = await figures(prepaidId);
    const stock = await stockOf(ticket.id);
    const res = await place(seller.token, { lines: [ticketLine(3)] });
    const cancelled = await as(app, seller.token).post(`/orders/${res.body.id}/cancel`, { reason: '客户改期' });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await figures(prepaidId)).toEqual(before);
    expect(await stockOf(ticket.id)).toMatchObject({ reserved: stock.reserved, sold: stock.sold });
    const late = await as(app, seller.token).post(`/orders/${res.body.id}/pay`);
    expect([late.status, late.body.message]).toEqual([409, '订单当前状态（已取消）不能执行此操作']);
    // issue 13 item 13: the lines follow their order
    const detail = await as(app, seller.token).get(`/orders/${res.body.id}`);
    expect(detail.body.lines.map((l: any) => l.fulfilmentStatus)).toEqual(['cancelled']);
  });

  it('closes unpaid orders after the timeout (job, injected clock) and refuses a late payment', async () => {
    const before = await figures(prepaidId);
    const res = await place(seller.token, { lines: [ticketLine(1)] });
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    expect((await jobs.runNow('orders.close-expired', new Date(Date.now() + 29 * 60_000))).result).toEqual({ closed: 0 });
    expect((await jobs.runNow('orders.close-expired', new Date(Date.now() + 31 * 60_000))).result).toEqual({ closed: 1 });
    expect(await figures(prepaidId)).toEqual(before);
    const late = await as(app, seller.token).post(`/orders/${res.body.id}/pay`);
    expect(late.status).toBe(409);
    const closed = (await as(app, seller.token).get(`/orders/${res.body.id}`)).body;
    expect(closed.status).toBe('closed');
    expect(closed.lines.map((l: any) => l.fulfilmentStatus)).toEqual(['closed']);
  });

  it('makes order creation idempotent by Idempotency-Key', async () => {
    const first = await place(seller.token, { lines: [ticketLine(1)] }, 'create-key-1');
    const second = await place(seller.token, { lines: [ticketLine(1)] }, 'create-key-1');
    expect(second.body.id).toBe(first.body.id);
    await as(app, seller.token).post(`/orders/${first.body.id}/cancel`);
  });
});

describe('orders: gov channel with audit', () => {
  it('waits for the supplier\'s audit, then payment by credit, fulfilment by courier, refund on approval', async () => {
    const res = await place(seller.token, { channel: 'gov', paymentMode: 'credit', companyName: '某区文旅局', invoiceTitle: '某区文旅局', lines: [{ productId: ticket.id, strategyId: gov.id, quantity: 4, day }] });
    expect(res.body).toMatchObject({ status: 'pending_audit', totalAmount: 36000, paymentMode: 'credit' });
    expect((await as(app, seller.token).post(`/orders/${res.body.id}/pay`)).status).toBe(409);
    expect((await as(app, seller.token).post(`/orders/${res.body.id}/approve`)).status).toBe(403);
    const audit = await as(app, supplier.token).list('notifications', { filter: { type: 'audit' } });
    expect(audit.body.length).toBeGreaterThanOrEqual(1);
    expect((await as(app, supplier.token).post(`/orders/${res.body.id}/approve`)).body.status).toBe('pending_payment');
    const paid = await as(app, seller.token).post(`/orders/${res.body.id}/pay`);
    expect(paid.body.status).toBe('paid');
    expect(await figures(creditId)).toMatchObject({ unpaid: 36000, frozen: 0 });
    const line = paid.body.lines[0];
    const shipped = await as(app, supplier.token).post(`/orders/${res.body.id}/fulfil`, { lineId: line.id, courierCompany: '顺丰', trackingNumber: 'SF1234567890' });
    expect(shipped.body.status).toBe('fulfilled');
    const asked = await as(app, seller.token).post(`/orders/${res.body.id}/request-refund`, { reason: '活动取消' });
    expect(asked.body.errors).toHaveProperty('lineIds'); // nothing unfulfilled: name the lines
    const pending = await as(app, seller.token).post(`/orders/${res.body.id}/request-refund`, { lineIds: [line.id], reason: '活动取消' });
    expect(pending.body.status).toBe('refund_pending');
    const refused = await as(app, supplier.token).post(`/orders/${res.body.id}/reject-refund`, { reason: '已使用' });
    expect(refused.body.status).toBe('fulfilled');
    await as(app, seller.token).post(`/orders/${res.body.id}/request-refund`, { lineIds: [line.id], reason: '再次申请' });
    const approved = await as(app, supplier.token).post(`/orders/${res.body.id}/approve-refund`);
    expect(approved.body).toMatchObject({ status: 'refunded', refundedAmount: 36000 });
    expect(await figures(creditId)).toMatchObject({ unpaid: 0 });
  });

  it('rejection releases the reservation and the freeze', async () => {
    const before = await figures(creditId);
    const res = await place(seller.token, { channel: 'gov', paymentMode: 'credit', companyName: '某局', lines: [{ productId: ticket.id, strategyId: gov.id, quantity: 1, day }] });
    expect((await as(app, supplier.token).post(`/orders/${res.body.id}/reject`, {})).body.errors).toHaveProperty('reason');
    const rejected = (await as(app, supplier.token).post(`/orders/${res.body.id}/reject`, { reason: '预算未批' })).body;
    expect(rejected.status).toBe('rejected');
    expect(rejected.lines.map((l: any) => l.fulfilmentStatus)).toEqual(['cancelled']);
    expect(await figures(creditId)).toEqual(before);
  });
});

describe('live order events and the operator of each step (issue 13 items 21, 10)', () => {
  /** The console events each enterprise hears while the block runs (after commit, as the consoles do). */
  async function hearing(enterpriseIds: number[], block: () => Promise<void>) {
    const events = app.strapi.plugin('console').service('events');
    const heard = new Map<number, any[]>(enterpriseIds.map((id) => [id, []]));
    const stops = enterpriseIds.map((id) => events.subscribe(id, (event: any) => heard.get(id)!.push(event)));
    try {
      await block();
      // SQLite delivers on the next tick, PostgreSQL through NOTIFY: wait until the deliveries settle
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      for (const stop of stops) stop();
    }
    return (id: number) => heard.get(id)!.filter((event) => event.type === 'changed');
  }

  it('tells both parties of every step of an order, and nobody else; a refused step tells nobody', async () => {
    let orderId = 0;
    const heard = await hearing([seller.enterpriseId, supplier.enterpriseId, other.enterpriseId], async () => {
      const res = await place(seller.token, { channel: 'gov', paymentMode: 'credit', companyName: '某区文旅局', lines: [{ productId: ticket.id, strategyId: gov.id, quantity: 1, day }] });
      expect(res.status).toBe(201);
      orderId = res.body.id;
    });
    const event = { type: 'changed', resource: 'orders', id: orderId };
    expect(heard(seller.enterpriseId)).toEqual([event]);
    expect(heard(supplier.enterpriseId)).toEqual([event]);
    expect(heard(other.enterpriseId)).toEqual([]);
    const refused = await hearing([seller.enterpriseId, supplier.enterpriseId], async () => {
      expect((await as(app, seller.token).post(`/orders/${orderId}/pay`)).status).toBe(409);
    });
    expect(refused(seller.enterpriseId)).toEqual([]);
    expect(refused(supplier.enterpriseId)).toEqual([]);
    const approved = await hearing([seller.enterpriseId], async () => {
      expect((await as(app, supplier.token).post(`/orders/${orderId}/approve`)).body.status).toBe('pending_payment');
    });
    expect(approved(seller.enterpriseId)).toEqual([event]);
    const paid = await hearing([supplier.enterpriseId], async () => {
      expect((await as(app, seller.token).post(`/orders/${orderId}/pay`)).body.status).toBe('paid');
    });
    expect(paid(supplier.enterpriseId)).toEqual([event]);
    const line = (await as(app, supplier.token).get(`/orders/${orderId}`)).body.lines[0];
    const fulfilled = await hearing([seller.enterpriseId], async () => {
      expect((await as(app, supplier.token).post(`/orders/${orderId}/fulfil`, { lineId: line.id, confirmationCode: 'C-1' })).body.status).toBe('fulfilled');
    });
    expect(fulfilled(seller.enterpriseId)).toEqual([event]);
  });

  it('names who took each step: the user and the enterprise, or the system for a timeout', async () => {
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: supplier.adminId }, data: { displayName: '审核员张三' } });
    const res = await place(seller.token, { channel: 'gov', paymentMode: 'credit', companyName: '某局', lines: [{ productId: ticket.id, strategyId: gov.id, quantity: 1, day }] });
    await as(app, supplier.token).post(`/orders/${res.body.id}/approve`);
    await app.strapi.plugin('orders').service('orders').closeExpired(new Date(Date.now() + 24 * 3600_000));
    const history = (token: string, lang = 'zh') =>
      as(app, token).get(`/orders/${res.body.id}`).set('Accept-Language', lang).then((r: any) => r.body.events);
    const steps = (events: any[]) => events.map((e: any) => [e.action, e.actorName, e.actorEnterpriseName]);
    const expected = [
      ['create', seller.username, 'ord_seller 企业'],
      ['approve', '审核员张三', 'ord_supplier 企业'],
      ['close', '系统（订单超时关闭）', null],
    ];
    // both parties see the same history, by names
    expect(steps(await history(seller.token))).toEqual(expected);
    expect(steps(await history(supplier.token))).toEqual(expected);
    expect(steps(await history(seller.token, 'en'))[2]).toEqual(['close', 'System (unpaid order timed out)', null]);
  });
});

describe('refund by quantity (issue 13 item 1)', () => {
  const lineOf = async (orderId: number) => (await as(app, seller.token).get(`/orders/${orderId}`)).body.lines[0];
  const returns = (reference: string) =>
    app.strapi.db.query('plugin::inventory.stock-movement').findMany({ where: { reference, kind: 'return' } });
  const reservation = (reference: string) => app.strapi.db.query('plugin::inventory.stock-reservation').findOne({ where: { reference } });
  const refund = (orderId: number, lineId: number, quantity: number, extra: Record<string, unknown> = {}) =>
    as(app, seller.token).post(`/orders/${orderId}/request-refund`, { lines: [{ lineId, quantity }], ...extra });

  it('gives back a combo\'s parts as they were reserved, even after the supplier changed the combo', async () => {
    const combo = await product(app, supplier, { name: '双人套票', isCombo: true, mainProductId: ticket.id, comboItems: [{ productId: ticket.id, quantity: 2 }] });
    const offer = await strategy(app, supplier, [{ productId: combo.id, price: 18000 }], { name: '套票价' });
    const placed = await place(seller.token, { lines: [{ productId: combo.id, strategyId: offer.id, quantity: 2, day }] });
    expect(placed.status).toBe(201);
    expect((await as(app, seller.token).post(`/orders/${placed.body.id}/pay`)).status).toBe(200);
    const line = await lineOf(placed.body.id);
    // the supplier makes the combo three tickets from now on
    const edited = await as(app, supplier.token).put(`/products/${combo.id}`, { comboItems: [{ productId: ticket.id, quantity: 3 }] });
    expect(edited.status).toBe(200);
    const stock = await stockOf(ticket.id);
    expect((await refund(placed.body.id, line.id, 1)).status).toBe(200);
    expect(await stockOf(ticket.id)).toMatchObject({ sold: stock.sold - 2 });
    expect((await refund(placed.body.id, line.id, 1)).status).toBe(200);
    expect(await stockOf(ticket.id)).toMatchObject({ sold: stock.sold - 4 });
  });

  it('refunds 1 of 2 tickets (money, stock with a movement, remaining 1), refuses too many, then refunds the other', async () => {
    const placed = await place(seller.token, { lines: [ticketLine(2)] });
    const id = placed.body.id;
    await as(app, seller.token).post(`/orders/${id}/pay`);
    const line = await lineOf(id);
    const ref = `line:${line.id}`;
    const money = await figures(prepaidId);
    const stock = await stockOf(ticket.id);

    const one = await refund(id, line.id, 1, { reason: '一人不去' });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ status: 'partially_refunded', refundedAmount: 10000 });
    expect(one.body.lines[0]).toMatchObject({ quantity: 2, refundedQuantity: 1, remainingQuantity: 1, fulfilmentStatus: 'pending' });
    expect(await figures(prepaidId)).toMatchObject({ available: money.available + 10000 });
    expect(await stockOf(ticket.id)).toMatchObject({ sold: stock.sold - 1, reserved: stock.reserved });
    expect((await returns(ref)).map((m: any) => m.soldDelta)).toEqual([-1]);
    expect(await reservation(ref)).toMatchObject({ state: 'consumed', returnedQuantity: 1 });

    const tooMany = await refund(id, line.id, 2);
    expect([tooMany.status, Object.keys(tooMany.body.errors)]).toEqual([400, ['lines.0.quantity']]);
    expect(tooMany.body.errors['lines.0.quantity']).toContain('1');
    expect(await figures(prepaidId)).toMatchObject({ available: money.available + 10000 });

    const rest = await refund(id, line.id, 1);
    expect(rest.body).toMatchObject({ status: 'refunded', refundedAmount: 20000 });
    expect(rest.body.lines[0]).toMatchObject({ refundedQuantity: 2, remainingQuantity: 0, fulfilmentStatus: 'refunded' });
    expect(await figures(prepaidId)).toMatchObject({ available: money.available + 20000 });
    expect(await stockOf(ticket.id)).toMatchObject({ sold: stock.sold - 2 });
    expect((await returns(ref)).map((m: any) => m.soldDelta)).toEqual([-1, -1]);
    expect(await reservation(ref)).toMatchObject({ state: 'returned', returnedQuantity: 2 });
    const transfers = await app.strapi.db.query('plugin::ledger.transfer')
      .findMany({ where: { kind: 'refund', orderRef: placed.body.number } });
    expect((transfers as any[]).map((t) => Number(t.amount)).sort()).toEqual([10000, 10000]);
    expect((await refund(id, line.id, 1)).status).toBe(400);
    expect((await ledger().check()).mismatches).toEqual([]);
    expect(await app.strapi.plugin('orders').service('summaries').check()).toEqual([]);
  });

  it('keeps lineIds meaning the whole remaining quantity of a line', async () => {
    const placed = await place(seller.token, { lines: [ticketLine(3)] });
    await as(app, seller.token).post(`/orders/${placed.body.id}/pay`);
    const line = await lineOf(placed.body.id);
    await refund(placed.body.id, line.id, 1);
    const rest = await as(app, seller.token).post(`/orders/${placed.body.id}/request-refund`, { lineIds: [line.id] });
    expect(rest.body).toMatchObject({ status: 'refunded', refundedAmount: 30000 });
    expect(rest.body.lines[0]).toMatchObject({ refundedQuantity: 3, fulfilmentStatus: 'refunded' });
  });

  it('gov: a partial refund waits for approval with its lines and quantities, then refunds just those units', async () => {
    const govLine = { productId: ticket.id, strategyId: gov.id, quantity: 4, day };
    const res = await place(seller.token, { channel: 'gov', paymentMode: 'credit', companyName: '某区文旅局', lines: [govLine] });
    await as(app, supplier.token).post(`/orders/${res.body.id}/approve`);
    const paid = await as(app, seller.token).post(`/orders/${res.body.id}/pay`);
    const line = paid.body.lines[0];
    const credit = await figures(creditId);
    const stock = await stockOf(ticket.id);
    const asked = await refund(res.body.id, line.id, 1, { reason: '少一人' });
    expect(asked.body).toMatchObject({ status: 'refund_pending', refundLines: [{ lineId: line.id, quantity: 1 }], refundedAmount: 0 });
    expect(await figures(creditId)).toMatchObject({ unpaid: credit.unpaid });
    const approved = await as(app, supplier.token).post(`/orders/${res.body.id}/approve-refund`);
    expect(approved.body).toMatchObject({ status: 'partially_refunded', refundedAmount: 9000 });
    expect(approved.body.lines[0]).toMatchObject({ refundedQuantity: 1, remainingQuantity: 3, fulfilmentStatus: 'pending' });
    expect(await figures(creditId)).toMatchObject({ unpaid: credit.unpaid - 9000 });
    expect(await stockOf(ticket.id)).toMatchObject({ sold: stock.sold - 1 });
    const tooMany = await refund(res.body.id, line.id, 4);
    expect([tooMany.status, Object.keys(tooMany.body.errors)]).toEqual([400, ['lines.0.quantity']]);
    expect((await ledger().check()).mismatches).toEqual([]);
  });
});

describe('home statistics (F03): payments and refunds from the ledger', () => {
  it('sums today\'s and this month\'s captures and refunds per side, with a 30-day trend, and only for the caller', async () => {
    const transfers = await app.strapi.db.query('plugin::ledger.transfer').findMany({ where: { sellerId: seller.enterpriseId, kind: { $in: ['capture', 'refund'] } } });
    const total = (kind: string) => (transfers as any[]).filter((t) => t.kind === kind).reduce((sum, t) => sum + Number(t.amount), 0);
    expect(total('capture')).toBeGreaterThan(0);
    expect(total('refund')).toBeGreaterThan(0);
    const mine = await as(app, seller.token).get('/orders/statistics');
    expect(mine.status).toBe(200);
    expect(mine.body.side).toBe('seller');
    expect(mine.body.today).toEqual({ payments: total('capture'), refunds: total('refund') });
    expect(mine.body.month).toEqual(mine.body.today);
    expect(mine.body.trend).toHaveLength(30);
    expect(mine.body.trend[29]).toEqual({ day: today(), ...mine.body.today });
    expect(mine.body.trend.slice(0, 29).every((d: any) => d.payments === 0 && d.refunds === 0)).toBe(true);
    // the supplier sees the same money from its side; another seller sees none of it
    const theirs = await as(app, supplier.token).get('/orders/statistics');
    expect(theirs.body).toMatchObject({ side: 'supplier', today: mine.body.today });
    expect((await as(app, other.token).get('/orders/statistics')).body.today).toEqual({ payments: 0, refunds: 0 });
    // tomorrow, today's money is yesterday's: still in the trend (and the month, unless a month began)
    const principal = await app.strapi.plugin('identity').service('principal').load(seller.adminId);
    const later = await app.strapi.plugin('orders').service('reports').statistics(principal, undefined, new Date(Date.now() + 86_400_000));
    expect(later.today).toEqual({ payments: 0, refunds: 0 });
    expect(later.trend[28]).toEqual({ day: today(), ...mine.body.today });
    const bad = await as(app, seller.token).get('/orders/statistics?side=supplier');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('side');
  });

  it('shows each home figure only to who may read its data: money with ledger.read, orders with orders.read', async () => {
    const subAccount = async (name: string, permissions: string[]) => {
      const role = await as(app, seller.token).post('/roles', { name, permissions });
      expect(role.status).toBe(201);
      const account = await as(app, seller.token).post('/accounts', { username: `stats_${name}`, email: `stats_${name}@test.local`, password: PASSWORD, roleIds: [role.body.id] });
      expect(account.status).toBe(201);
      return signIn(app, `stats_${name}`);
    };
    // ordering rights only: no company-wide payments, no orders, no ranking
    const placer = await subAccount('placer', ['orders.place']);
    const refused = await as(app, placer).get('/orders/statistics');
    expect(refused.status).toBe(403);
    expect(refused.body).not.toHaveProperty('today');
    expect((await as(app, placer).get('/orders/ranking')).status).toBe(403);
    // 下单员 (orders.read + orders.place): the orders by status, never the money
    const clerk = await subAccount('clerk', ['orders.read', 'orders.place']);
    const orders = await as(app, clerk).get('/orders/statistics');
    expect(orders.status).toBe(200);
    expect(orders.body).toMatchObject({ side: 'seller', orders: expect.any(Array) });
    for (const key of ['today', 'month', 'trend']) expect(orders.body).not.toHaveProperty(key);
    // finance (ledger.read): the money, not the orders
    const finance = await subAccount('finance', ['ledger.read']);
    const money = await as(app, finance).get('/orders/statistics');
    expect(money.status).toBe(200);
    expect(money.body.today).toEqual((await as(app, seller.token).get('/orders/statistics')).body.today);
    expect(money.body).not.toHaveProperty('orders');
  });
});

describe('cart (F82)', () => {
  it('keeps separate carts per channel, re-checks prices at checkout line by line, then orders', async () => {
    const add = (body: Record<string, unknown>) => as(app, seller.token).post('/cart-items', body);
    const a = await add({ channel: 'individual', productId: ticket.id, strategyId: individual.id, quantity: 1, day });
    const b = await add({ channel: 'individual', productId: coupon.id, strategyId: individual.id, quantity: 2 });
    const g = await add({ channel: 'gov', productId: ticket.id, strategyId: gov.id, quantity: 1, day });
    expect([a.status, b.status, g.status]).toEqual([201, 201, 201]);
    expect(a.body).toMatchObject({ productName: '门票A', unitPrice: 10000, amount: 10000, available: true, supplierName: 'ord_supplier 企业' });
    expect((await add({ channel: 'individual', productId: ticket.id, strategyId: individual.id, quantity: 99, day })).body.errors).toHaveProperty('quantity');
    expect((await as(app, seller.token).list('cart-items', { filter: { channel: 'gov' } })).body.map((i: any) => i.id)).toEqual([g.body.id]);
    const edited = await as(app, seller.token).put(`/cart-items/${a.body.id}`, { quantity: 3 });
    expect(edited.body).toMatchObject({ quantity: 3, amount: 30000 });
    // the supplier changes the price: checkout reports the line and orders nothing
    await app.strapi.db.query('plugin::catalogue.strategy-line').updateMany({ where: { strategyId: individual.id, productId: coupon.id }, data: { price: 4800 } });
    const customer = { customerName: '李女士', customerPhone: '13900000000' };
    const changed = await as(app, seller.token).post('/cart-items/checkout', { channel: 'individual', paymentMode: 'prepaid', ids: [a.body.id, b.body.id], ...customer });
    expect(changed.status).toBe(400);
    expect(Object.keys(changed.body.errors)).toEqual([`items.${b.body.id}.unitPrice`]);
    const reviewed = (await as(app, seller.token).list('cart-items', { filter: { channel: 'individual' } })).body.find((i: any) => i.id === b.body.id);
    expect([reviewed.unitPrice, reviewed.currentPrice]).toEqual([4500, 4800]);
    await as(app, seller.token).put(`/cart-items/${b.body.id}`, { quantity: 2 }); // saving the line takes the current price
    const checkout = await as(app, seller.token).post('/cart-items/checkout', { channel: 'individual', paymentMode: 'prepaid', ids: [a.body.id, b.body.id], ...customer });
    expect(checkout.status).toBe(201);
    expect(checkout.body.orders).toHaveLength(1);
    expect(checkout.body.orders[0]).toMatchObject({ status: 'pending_payment', totalAmount: 30000 + 9600 });
    expect((await as(app, seller.token).list('cart-items', { filter: { channel: 'individual' } })).body).toEqual([]);
    expect((await as(app, other.token).post('/cart-items/checkout', { channel: 'gov', paymentMode: 'credit', ids: [g.body.id], ...customer })).body.errors).toHaveProperty('ids');
    await as(app, seller.token).post(`/orders/${checkout.body.orders[0].id}/cancel`);
    await app.strapi.db.query('plugin::catalogue.strategy-line').updateMany({ where: { strategyId: individual.id, productId: coupon.id }, data: { price: 4500 } });
  });
});

describe('orders: bad input names the problem and writes nothing', () => {
  const count = () => app.strapi.db.query('plugin::orders.order').count({});
  it('refuses limits, missing days, forged prices, wrong payment modes, other sellers\' strategies', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [ticketLine(21)] }, 'lines.0.quantity'],
      [{ lines: [ticketLine(1, { day: undefined })] }, 'lines.0.day'],
      [{ lines: [ticketLine(1, { unitPrice: 1 })] }, 'lines.0.unitPrice'],
      [{ lines: [{ productId: ticket.id, strategyId: gov.id, quantity: 1, day }] }, 'lines.0.strategyId'],
      [{ channel: 'gov', paymentMode: 'prepaid', companyName: 'x', lines: [{ productId: ticket.id, strategyId: gov.id, quantity: 1, day }] }, 'paymentMode'],
      [{ customerName: '', lines: [ticketLine(1)] }, 'customerName'],
    ];
    for (const [body, field] of cases) {
      const res = await place(seller.token, body);
      expect([field, res.status, Object.keys(res.body.errors ?? {})]).toEqual([field, 400, [field]]);
    }
    const noStock = await place(seller.token, { lines: [ticketLine(1, { day: shift(today(), 40) })] });
    expect([noStock.status, noStock.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    const stranger = await place(other.token, { lines: [ticketLine(1)] });
    expect(stranger.body.errors).toHaveProperty(['lines.0.strategyId']);
    expect((await as(app, supplier.token).post('/orders', { channel: 'individual', paymentMode: 'prepaid', customerName: 'x', lines: [ticketLine(1)] })).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('leaves no order, reservation or freeze when it crashes after the stock step', async () => {
    const principal = await app.strapi.plugin('identity').service('principal').load(seller.adminId);
    const before = { orders: await count(), stock: await stockOf(ticket.id), money: await figures(prepaidId) };
    // the process dies between the stock step and the money step: the ledger's freeze never returns
    const freeze = jest.spyOn(app.strapi.plugin('ledger').service('ledger'), 'freeze').mockRejectedValueOnce(new Error('simulated crash after the stock step'));
    await expect(app.strapi.plugin('orders').service('orders').create(principal, { channel: 'individual', paymentMode: 'prepaid', customerName: 'x', lines: [ticketLine(5)] })).rejects.toThrow('simulated crash');
    expect(freeze).toHaveBeenCalledTimes(1);
    freeze.mockRestore();
    expect(await count()).toBe(before.orders);
    expect(await stockOf(ticket.id)).toEqual(before.stock);
    expect(await figures(prepaidId)).toEqual(before.money);
  });
});

describe(`orders under contention (${TEST_DB})`, () => {
  it('200 concurrent checkouts for 50 units with money for 40: exactly 40 orders, consistent counters', async () => {
    const buyer = await tenant(app, 'seller', 'ord_rush');
    await partner(app, supplier, buyer);
    await agreement(app, supplier, buyer);
    const hot = await product(app, supplier, { name: '限量票' });
    await as(app, supplier.token).post('/stock-days/maintain', { productId: hot.id, mode: 'set', quantity: 50, from: day, to: day });
    const rush = await strategy(app, supplier, [{ productId: hot.id, price: 1000 }], { name: '秒杀', businessMode: 'prepaid' });
    const account = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: buyer.enterpriseId })).body.id;
    await ledger().setStatus(account, 'enabled');
    await ledger().topUp(account, 40_000, { transferId: 'rush-topup' });
    const principal = await app.strapi.plugin('identity').service('principal').load(buyer.adminId);
    const service = app.strapi.plugin('orders').service('orders');
    const results = await Promise.allSettled(Array.from({ length: 200 }, () =>
      service.create(principal, { channel: 'individual', paymentMode: 'prepaid', customerName: '抢购', lines: [{ productId: hot.id, strategyId: rush.id, quantity: 1, day }] })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(40);
    expect(new Set((results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]).map((r) => r.reason.code))).toEqual(new Set(['INSUFFICIENT_FUNDS']));
    expect(await stockOf(hot.id, day)).toMatchObject({ total: 50, reserved: 40, sold: 0 });
    expect(await figures(account)).toMatchObject({ available: 0, frozen: 40_000 });
    expect(await app.strapi.db.query('plugin::orders.order').count({ where: { sellerId: buyer.enterpriseId } })).toBe(40);
    const report = await ledger().check();
    expect(report.mismatches).toEqual([]);
  });
});

describe(`cart checkout under contention (${TEST_DB})`, () => {
  const orderCount = () => app.strapi.db.query('plugin::orders.order').count({ where: { sellerId: seller.enterpriseId } });
  const checkoutBody = (ids: number[], extra: Record<string, unknown> = {}) =>
    ({ channel: 'individual', paymentMode: 'prepaid', ids, customerName: '并发', customerPhone: '13900000000', ...extra });

  const cart = () => as(app, seller.token);
  const cartLines = async () => (await cart().list('cart-items', { filter: { channel: 'individual' } })).body.map((i: any) => i.id);

  it('10 concurrent checkouts of one cart line (no Idempotency-Key): one order, nine 409 CART_CHANGED, losers hold nothing', async () => {
    const line = await cart().post('/cart-items', ticketLine(2, { channel: 'individual' }));
    expect(line.status).toBe(201);
    const before = { orders: await orderCount(), stock: await stockOf(ticket.id), money: await figures(prepaidId) };
    const results = await Promise.all(Array.from({ length: 10 }, () => cart().post('/cart-items/checkout', checkoutBody([line.body.id]))));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const losers = results.filter((r) => r.status === 409);
    expect(new Set(losers.map((r) => r.body.code))).toEqual(new Set(['CART_CHANGED']));
    expect(losers[0].body.message).toMatch(/购物车/);
    const english = await as(app, seller.token).post('/cart-items/checkout', checkoutBody([line.body.id])).set('Accept-Language', 'en');
    expect([english.status, english.body.code]).toEqual([409, 'CART_CHANGED']);
    expect(english.body.message).toMatch(/cart/i);
    const [won] = results.filter((r) => r.status === 201);
    expect(won.body.orders).toHaveLength(1);
    expect(await orderCount()).toBe(before.orders + 1);
    const stock = await stockOf(ticket.id);
    expect(stock.reserved).toBe(before.stock.reserved + 2);
    const money = await figures(prepaidId);
    expect([money.available, money.frozen]).toEqual([before.money.available - 20000, before.money.frozen + 20000]);
    expect(await cartLines()).toEqual([]);
    await as(app, seller.token).post(`/orders/${won.body.orders[0].id}/cancel`);
  });

  it('checks the customer fields of a checkout: types, lengths, NUL, unknown fields; nothing ordered, the line stays', async () => {
    const line = await cart().post('/cart-items', { channel: 'individual', productId: coupon.id, strategyId: individual.id, quantity: 1 });
    const before = await orderCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ customerPhone: '1'.repeat(300) }, 'customerPhone'],
      [{ remarks: 'x'.repeat(501) }, 'remarks'],
      [{ customerName: 'a\u0000b' }, 'customerName'],
      [{ remarks: 'ok\u0000' }, 'remarks'],
      [{ companyName: 42 }, 'companyName'],
      [{ customerName: { $gt: '' } }, 'customerName'],
      [{ customerName: '名'.repeat(51) }, 'customerName'],
      [{ invoiceTaxNo: 'x'.repeat(33) }, 'invoiceTaxNo'],
      [{ visitDate: 'tomorrow' }, 'visitDate'],
      [{ nickname: 'x' }, 'nickname'],
      [{ ids: [2147483648] }, 'ids'],
      [{ ids: 'all' }, 'ids'],
    ];
    for (const [extra, field] of cases) {
      const res = await as(app, seller.token).post('/cart-items/checkout', checkoutBody([line.body.id], extra));
      expect([field, res.status, Object.keys(res.body.errors ?? {})]).toEqual([field, 400, [field]]);
    }
    expect(await orderCount()).toBe(before);
    expect(await cartLines()).toEqual([line.body.id]);
    await as(app, seller.token).delete(`/cart-items/${line.body.id}`);
  });
});

describe('hot-selling ranking (F03): net of refunds', () => {
  it('ranks by net quantity and net amount: refunded sales do not count, a wholly refunded product is not ranked', async () => {
    const coupons = async (name: string) => (await product(app, supplier, {
      category: 'coupon', name, faceValue: 1000, couponValidFrom: today(), couponValidTo: shift(today(), 90), stockMode: 'none',
    })).id;
    const refundedId = await coupons('全退券');
    const keptId = await coupons('留存券');
    const prices = await strategy(app, supplier, [{ productId: refundedId, price: 900 }, { productId: keptId, price: 800 }], { name: '排行价', businessMode: 'either' });
    const buy = async (productId: number, quantity: number) => {
      const res = await place(seller.token, { lines: [{ productId, strategyId: prices.id, quantity }] });
      expect(res.status).toBe(201);
      expect((await as(app, seller.token).post(`/orders/${res.body.id}/pay`)).body.status).toBe('paid');
      return res.body;
    };
    // 5 sold and all refunded; 2 sold and kept; 1 more sold and refunded of the kept product
    const refunded = await buy(refundedId, 5);
    await buy(keptId, 2);
    const partly = await buy(keptId, 1);
    for (const order of [refunded, partly]) {
      const res = await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lineIds: [order.lines[0].id], reason: '客户退票' });
      expect(res.body.status).toBe('refunded');
    }
    for (const sort of ['quantity', 'amount']) {
      const ranking = await as(app, seller.token).get(`/orders/ranking?sort=${sort}&from=${today()}&to=${today()}`);
      expect(ranking.status).toBe(200);
      const labels = ranking.body.rows.map((r: any) => r.label);
      expect(labels).not.toContain('全退券');
      const kept = ranking.body.rows.find((r: any) => r.key === keptId);
      expect(kept).toMatchObject({ quantity: 3, refundedQuantity: 1, netQuantity: 2, amount: 2400, refunded: 800, net: 1600 });
      const measure = sort === 'quantity' ? 'netQuantity' : 'net';
      const figures = ranking.body.rows.map((r: any) => r[measure]);
      expect(figures).toEqual([...figures].sort((a: number, b: number) => b - a));
    }
    expect(await app.strapi.plugin('orders').service('summaries').check()).toEqual([]);
    await app.strapi.plugin('orders').service('summaries').rebuild();
    const rebuilt = await as(app, seller.token).get(`/orders/ranking?sort=quantity&from=${today()}&to=${today()}`);
    expect(rebuilt.body.rows.find((r: any) => r.key === keptId)).toMatchObject({ refundedQuantity: 1, netQuantity: 2 });
  });
});

describe('orders: stock before ordering (#13.3)', () => {
  it('answers what is left for the day, names the figures on a refusal, and hides products the seller may not order', async () => {
    const d = shift(today(), 9);
    await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 3, from: d, to: d });
    const stock = (id: number, query = '') => as(app, seller.token).get(`/catalogue/${id}/stock${query}`);
    expect([(await stock(ticket.id, `?day=${d}`)).body, (await stock(ticket.id, `?day=${shift(today(), 40)}`)).body])
      .toEqual([{ available: 3 }, { available: 0 }]);
    expect((await stock(ticket.id)).body).toEqual({ available: null });
    expect((await stock(coupon.id)).body).toEqual({ available: null });
    expect((await stock(ticket.id, '?day=2026-02-30')).status).toBe(400);

    const refused = await place(seller.token, { lines: [ticketLine(5, { day: d })] });
    expect([refused.status, refused.body.code, refused.body.errors]).toEqual([409, 'OUT_OF_STOCK', { quantity: '需要 5，可用 3' }]);
    const english = await place(seller.token, { lines: [ticketLine(5, { day: d })] }).set('Accept-Language', 'en');
    expect(english.body.errors).toEqual({ quantity: 'need 5, 3 available' });

    const unlisted = await product(app, supplier, { name: '未上架', unlisted: true });
    const unoffered = await product(app, supplier, { name: '无策略' });
    const stranger = await tenant(app, 'supplier', 'ord_stranger');
    const foreign = await product(app, stranger, { name: '别家门票' });
    for (const id of [unlisted.id, unoffered.id, foreign.id]) expect([id, (await stock(id, `?day=${d}`)).status]).toEqual([id, 404]);
    expect((await as(app, other.token).get(`/catalogue/${ticket.id}/stock?day=${d}`)).status).toBe(404);
  });
});
