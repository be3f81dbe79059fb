import { startApp, TestApp, BYPASS } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

/**
 * Issue 13 items 2 and 7: goods sent by courier carry a receiver (console order, cart, mini program),
 * and the supplier's fulfilment as the manual describes it (F92): fulfilled, partly used, failed with a
 * reason, corrected afterwards, each with its operator in the order's history; money and stock follow.
 */
let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let tea: any;
let ticket: any;
let offer: any;
let prepaidId: number;
const day = shift(today(), 2);
const ledger = () => app.strapi.plugin('ledger').service('ledger');
const figures = async (id: number) => ledger().figures(await ledger().account(id));
const stockOf = (productId: number, slot: string) => app.strapi.db.query('plugin::inventory.stock-item').findOne({ where: { productId, slot } });
const receiver = { receiverName: '李收货', receiverPhone: '13912345678', receiverAddress: '杭州市西湖区文三路 1 号' };

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'ful_supplier');
  seller = await tenant(app, 'seller', 'ful_seller');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  tea = await product(app, supplier, { category: 'retail', name: '龙井茶礼盒', sku: 'LJ-1', shippingRequired: true, fulfilmentMode: 'courier', stockMode: 'total' });
  ticket = await product(app, supplier, { name: '游船票' });
  await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 50, from: today(), to: shift(today(), 10) });
  const stock = await as(app, supplier.token).post('/stock-days/maintain', { productId: tea.id, mode: 'set', quantity: 30 });
  if (stock.status >= 300) throw new Error(`stock: ${JSON.stringify(stock.body)}`);
  offer = await strategy(app, supplier, [{ productId: tea.id, price: 26800 }, { productId: ticket.id, price: 10000 }], { businessMode: 'prepaid' });
  prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  await ledger().setStatus(prepaidId, 'enabled');
  await ledger().topUp(prepaidId, 5_000_000, { transferId: 'ful-topup' });
});
afterAll(async () => {
  expect(await app.strapi.plugin('inventory').service('stock').reconcile()).toEqual([]);
  await app?.close();
});

const place = (body: Record<string, unknown>) =>
  as(app, seller.token).post('/orders', { channel: 'individual', paymentMode: 'prepaid', customerName: '王先生', ...body });
const teaLine = (quantity: number) => ({ productId: tea.id, strategyId: offer.id, quantity });
const ticketLine = (quantity: number) => ({ productId: ticket.id, strategyId: offer.id, quantity, day });

describe('courier orders carry a receiver (issue 13 item 2)', () => {
  it('asks for the receiver only when a line is sent by courier, naming each field in Chinese', async () => {
    const missing = await place({ lines: [teaLine(1)] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual({
      receiverName: '快递发货的商品需要填写收货人',
      receiverPhone: '快递发货的商品需要填写收货人电话',
      receiverAddress: '快递发货的商品需要填写收货地址',
    });
    const badPhone = await place({ lines: [teaLine(1)], ...receiver, receiverPhone: '12345' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.errors.receiverPhone).toContain('收货人电话格式不正确');
    // a ticket needs no receiver (nor is one kept for it)
    const code = await place({ lines: [ticketLine(1)], ...receiver });
    expect(code.status).toBe(201);
    expect(code.body).toMatchObject({ receiverName: null, receiverAddress: null });
    await as(app, seller.token).post(`/orders/${code.body.id}/cancel`);
  });

  it('keeps the receiver on the order for both sides, and the cart asks for it too', async () => {
    const res = await place({ lines: [teaLine(2)], ...receiver, receiverPhone: '0571-88886666' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...receiver, receiverPhone: '0571-88886666' });
    expect(res.body.lines[0]).toMatchObject({ fulfilmentMode: 'courier' });
    const seen = await as(app, supplier.token).get(`/orders/${res.body.id}`);
    expect(seen.body).toMatchObject({ receiverName: '李收货', receiverAddress: '杭州市西湖区文三路 1 号' });
    await as(app, seller.token).post(`/orders/${res.body.id}/cancel`);

    const item = await as(app, seller.token).post('/cart-items', { channel: 'individual', productId: tea.id, strategyId: offer.id, quantity: 1 });
    expect(item.status).toBe(201);
    const listed = await as(app, seller.token).list('cart-items', { filter: { channel: 'individual' } });
    expect(listed.body.find((i: any) => i.id === item.body.id)).toMatchObject({ fulfilmentMode: 'courier' });
    const body = { channel: 'individual', paymentMode: 'prepaid', ids: [item.body.id], customerName: '王先生' };
    const refused = await as(app, seller.token).post('/cart-items/checkout', body);
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors).sort()).toEqual(['receiverAddress', 'receiverName', 'receiverPhone']);
    const done = await as(app, seller.token).post('/cart-items/checkout', { ...body, ...receiver });
    expect(done.status).toBe(201);
    const order = await as(app, seller.token).get(`/orders/${done.body.orders[0].id}`);
    expect(order.body).toMatchObject(receiver);
    await as(app, seller.token).post(`/orders/${order.body.id}/cancel`);
  });

  it('the mini program shows the fulfilment mode and asks its employee for the receiver', async () => {
    const employeeId = (await as(app, seller.token).post('/employees', { employeeNo: 'F001', name: '小周', phone: '13700000001' })).body.id;
    await as(app, seller.token).post(`/employees/${employeeId}/set-mini-password`, { password: 'Secret123x' });
    const enterprise = await app.strapi.db.query('plugin::identity.enterprise').findOne({ where: { id: seller.enterpriseId } });
    const login = await app.http.post('/api/mini/auth/login').send({ creditCode: enterprise.creditCode, employeeNo: 'F001', password: 'Secret123x', captchaId: 'x', captchaCode: BYPASS });
    const auth = `Bearer ${login.body.jwt}`;
    const catalogue = await app.http.get('/api/mini/catalogue').set('Authorization', auth);
    expect(catalogue.body.find((p: any) => p.id === tea.id)).toMatchObject({ fulfilmentMode: 'courier' });
    expect(catalogue.body.find((p: any) => p.id === ticket.id)).toMatchObject({ fulfilmentMode: 'code' });
    const lines = [{ productId: tea.id, strategyId: offer.id, quantity: 1 }];
    const refused = await app.http.post('/api/mini/orders').set('Authorization', auth).send({ lines, receiverName: '小周', receiverPhone: '1370000', receiverAddress: '' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.receiverPhone).toContain('收货人电话格式不正确');
    const placed = await app.http.post('/api/mini/orders').set('Authorization', auth).send({ lines, receiverName: '小周', receiverPhone: '+86 13700000001', receiverAddress: '杭州市滨江区 2 号' });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ receiverName: '小周', receiverPhone: '+86 13700000001', receiverAddress: '杭州市滨江区 2 号' });
  });
});

describe('fulfilment as the manual describes it (issue 13 item 7, F92)', () => {
  let order: any;
  const line = (o: any, productId: number) => o.lines.find((l: any) => l.productId === productId);
  const fulfil = (body: Record<string, unknown>) => as(app, supplier.token).post(`/orders/${order.id}/fulfil`, body);
  const correct = (body: Record<string, unknown>) => as(app, supplier.token).post(`/orders/${order.id}/correct-fulfilment`, body);

  beforeAll(async () => {
    const res = await place({ lines: [ticketLine(5), teaLine(2)], ...receiver });
    order = res.body;
    expect((await as(app, seller.token).post(`/orders/${order.id}/pay`)).body.status).toBe('paid');
  });

  it('records a partly used multi-unit line: the unused units stay refundable, money and stock return for them only', async () => {
    const ticketId = line(order, ticket.id).id;
    const tooMany = await fulfil({ lineId: ticketId, status: 'partial', usedQuantity: 5, confirmationCode: 'QR-1' });
    expect(tooMany.body.errors).toEqual({ usedQuantity: '已使用数量应在 1–4 之间' });
    const partial = await fulfil({ lineId: ticketId, status: 'partial', usedQuantity: 3, confirmationCode: 'QR-1' });
    expect(partial.status).toBe(200);
    expect(partial.body.status).toBe('fulfilling');
    expect(line(partial.body, ticket.id)).toMatchObject({ fulfilmentStatus: 'partial', usedQuantity: 3, unusedQuantity: 2, remainingQuantity: 5 });
    // the individual order refunds the two unused units at once; a third is refused
    const tooMuch = await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lines: [{ lineId: ticketId, quantity: 3 }] });
    expect(tooMuch.body.errors).toEqual({ 'lines.0.quantity': '最多可退 2' });
    const money = await figures(prepaidId);
    const stock = await stockOf(ticket.id, day);
    const refunded = await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lines: [{ lineId: ticketId, quantity: 2 }], reason: '两人未到' });
    expect(refunded.body).toMatchObject({ status: 'partially_refunded', refundedAmount: 20000 });
    expect(await figures(prepaidId)).toMatchObject({ available: money.available + 20000 });
    expect((await stockOf(ticket.id, day)).sold).toBe(stock.sold - 2);
    expect(line(refunded.body, ticket.id)).toMatchObject({ fulfilmentStatus: 'partial', refundedQuantity: 2, unusedQuantity: 0 });
  });

  it('records a failed line with its reason (required), which the seller may then refund', async () => {
    const teaId = line(order, tea.id).id;
    const noReason = await fulfil({ lineId: teaId, status: 'failed' });
    expect(noReason.body.errors).toEqual({ reason: '请填写履约失败的原因' });
    const failed = await fulfil({ lineId: teaId, status: 'failed', reason: '仓库缺货，无法发货' });
    expect(failed.status).toBe(200);
    // no line is pending: the order's fulfilment is over
    expect(failed.body.status).toBe('partially_refunded');
    expect(line(failed.body, tea.id)).toMatchObject({ fulfilmentStatus: 'failed', failureReason: '仓库缺货，无法发货', unusedQuantity: 2 });
    const again = await fulfil({ lineId: teaId, confirmationCode: 'X' });
    expect(again.body.errors).toHaveProperty('lineId');
  });

  it('corrects a fulfilment afterwards with a reason; the history names who changed what on both sides', async () => {
    const teaId = line(order, tea.id).id;
    const noReason = await correct({ lineId: teaId, status: 'fulfilled', courierCompany: '顺丰', trackingNumber: 'SF100' });
    expect(noReason.body.errors).toEqual({ reason: '请填写更正原因' });
    const fixed = await correct({ lineId: teaId, status: 'fulfilled', courierCompany: '顺丰', trackingNumber: 'SF100', reason: '补货后已发出' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.status).toBe('partially_refunded');
    expect(line(fixed.body, tea.id)).toMatchObject({ fulfilmentStatus: 'fulfilled', courierCompany: '顺丰', trackingNumber: 'SF100', failureReason: null, unusedQuantity: 0 });
    // now delivered: the individual order can no longer refund it directly
    const refund = await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lineIds: [teaId] });
    expect(refund.body.errors).toEqual({ lineIds: '个人客户订单只能直接退还未使用的份数' });
    const same = await correct({ lineId: teaId, status: 'fulfilled', courierCompany: '顺丰', trackingNumber: 'SF100', reason: '再来一次' });
    expect(same.body.errors).toHaveProperty('status');
    // the seller cannot correct, and a pending line is fulfilled, not corrected
    expect((await as(app, seller.token).post(`/orders/${order.id}/correct-fulfilment`, { lineId: teaId, status: 'failed', reason: 'x' })).status).toBe(403);

    for (const token of [seller.token, supplier.token]) {
      const detail = await as(app, token).get(`/orders/${order.id}`);
      const events = detail.body.events.filter((e: any) => e.lineId);
      expect(events.map((e: any) => e.action)).toEqual(['fulfil', 'fulfil', 'correct-fulfilment']);
      expect(events.every((e: any) => e.actorName)).toBe(true);
      const correction = events[2];
      expect(correction).toMatchObject({ lineId: teaId, reason: '补货后已发出', from: 'partially_refunded', to: 'partially_refunded' });
      expect(correction.detail.before).toMatchObject({ status: 'failed', failureReason: '仓库缺货，无法发货' });
      expect(correction.detail.after).toMatchObject({ status: 'fulfilled', courierCompany: '顺丰', trackingNumber: 'SF100' });
      expect(events[0].detail.after).toMatchObject({ status: 'partial', usedQuantity: 3, confirmationCode: 'QR-1' });
    }
  });

  it('refuses a partial use of a single unit and a correction of a line without units left', async () => {
    const res = await place({ lines: [ticketLine(1)] });
    await as(app, seller.token).post(`/orders/${res.body.id}/pay`);
    const one = res.body.lines[0].id;
    const partial = await as(app, supplier.token).post(`/orders/${res.body.id}/fulfil`, { lineId: one, status: 'partial', usedQuantity: 1, confirmationCode: 'Q' });
    expect(partial.body.errors).toEqual({ status: '只有剩余 2 份及以上的明细可以部分使用' });
    const failed = await as(app, supplier.token).post(`/orders/${res.body.id}/fulfil`, { lineId: one, status: 'failed', reason: '景区闭园' });
    expect(failed.body.status).toBe('fulfilled');
    const refunded = await as(app, seller.token).post(`/orders/${res.body.id}/request-refund`, { reason: '闭园' });
    expect(refunded.body).toMatchObject({ status: 'refunded', refundedAmount: 10000 });
    const late = await as(app, supplier.token).post(`/orders/${res.body.id}/correct-fulfilment`, { lineId: one, status: 'fulfilled', confirmationCode: 'Q', reason: '弄错了' });
    expect(late.body.errors).toHaveProperty('lineId');
  });

  it('grants the fulfilment incentive only once something was delivered: not for a failed order, then once corrected', async () => {
    await app.strapi.db.query('plugin::incentives.incentive-rule').create({ data: {
      name: '履约奖励', pointsKind: 'bonus', method: 'per_unit', amount: 5, beneficiary: 'supplier', event: 'order_fulfilled',
      supplierId: supplier.enterpriseId, validFrom: shift(today(), -1), validTo: shift(today(), 30), active: true, priority: 0,
    } });
    const granted = (orderId: number) => app.strapi.db.query('plugin::incentives.incentive-record').findMany({ where: { orderId, event: 'order_fulfilled' } });
    const res = await place({ lines: [ticketLine(2)] });
    await as(app, seller.token).post(`/orders/${res.body.id}/pay`);
    const lineId = res.body.lines[0].id;
    const failed = await as(app, supplier.token).post(`/orders/${res.body.id}/fulfil`, { lineId, status: 'failed', reason: '游船停航' });
    expect(failed.body.status).toBe('fulfilled');
    expect(await granted(res.body.id)).toEqual([]);
    await as(app, supplier.token).post(`/orders/${res.body.id}/correct-fulfilment`, { lineId, status: 'fulfilled', confirmationCode: 'QR-9', reason: '已恢复通航' });
    expect((await granted(res.body.id)).map((r: any) => r.points)).toEqual([10]);
    // a second correction grants nothing more (one record per order and rule)
    await as(app, supplier.token).post(`/orders/${res.body.id}/correct-fulfilment`, { lineId, status: 'fulfilled', confirmationCode: 'QR-10', reason: '码写错了' });
    expect(await granted(res.body.id)).toHaveLength(1);
  });
});
