import { startApp, TestApp } from './helpers/app';
import { adminToken } from './helpers/admin';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let other: Tenant;
let ticket: any;
let coupon: any;
let individual: any;
let gov: any;
const day = shift(today(), 1);
const RULE = 'plugin::incentives.incentive-rule';
const RECORD = 'plugin::incentives.incentive-record';
const rules = () => app.strapi.db.query(RULE);
const rule = (data: Record<string, unknown>) => rules().create({ data: { validFrom: shift(today(), -1), validTo: shift(today(), 30), active: true, priority: 0, beneficiary: 'seller', event: 'order_paid', ...data } });

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'inc_supplier');
  seller = await tenant(app, 'seller', 'inc_seller');
  other = await tenant(app, 'seller', 'inc_other');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  ticket = await product(app, supplier, { name: '激励门票' });
  coupon = await product(app, supplier, { category: 'coupon', name: '激励券', faceValue: 5000, couponValidFrom: today(), couponValidTo: shift(today(), 90), stockMode: 'none' });
  await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 100, from: today(), to: shift(today(), 5) });
  individual = await strategy(app, supplier, [{ productId: ticket.id, price: 12345 }, { productId: coupon.id, price: 4500 }], { businessMode: 'prepaid' });
  gov = await strategy(app, supplier, [{ productId: ticket.id, price: 10000 }], { channel: 'gov', name: '政企', businessMode: 'prepaid' });
  const account = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  const ledger = app.strapi.plugin('ledger').service('ledger');
  await ledger.setStatus(account, 'enabled');
  await ledger.topUp(account, 10_000_000, { transferId: 'inc-topup' });
});
afterAll(async () => { await app?.close(); });

const placeAndPay = async (lines: Record<string, unknown>[], channel = 'individual') => {
  const created = await as(app, seller.token).post('/orders', { channel, paymentMode: 'prepaid', customerName: '激励客户', companyName: channel === 'gov' ? '某单位' : undefined, lines });
  expect(created.status).toBe(201);
  const paid = await as(app, seller.token).post(`/orders/${created.body.id}/pay`);
  expect(paid.status).toBe(200);
  return paid.body;
};
const recordsOf = (orderId: number) => app.strapi.db.query(RECORD).findMany({ where: { orderId }, orderBy: { id: 'asc' } });

describe('incentive rules (F99): kept in the admin panel, checked on every write', () => {
  it('refuses negative, absurd and overlapping rules and names the field', async () => {
    await expect(rule({ name: '负数', pointsKind: 'bonus', method: 'per_order', amount: -5 })).rejects.toThrow(/amount/);
    await expect(rule({ name: '离谱', pointsKind: 'bonus', method: 'basis_points', amount: 50_000 })).rejects.toThrow(/amount/);
    await expect(rule({ name: '倒序', pointsKind: 'bonus', method: 'per_order', amount: 5, validFrom: today(), validTo: shift(today(), -3) })).rejects.toThrow(/validTo/);
    const base = await rule({ name: '基础协同', pointsKind: 'collaboration', method: 'per_order', amount: 10 });
    await expect(rule({ name: '重叠', pointsKind: 'collaboration', method: 'per_unit', amount: 1, beneficiary: 'both' })).rejects.toThrow(/overlaps rule #/);
    // the same scope later in time, or a narrower scope, is fine
    const later = await rule({ name: '明年', pointsKind: 'collaboration', method: 'per_order', amount: 20, validFrom: shift(today(), 31), validTo: shift(today(), 60) });
    // re-activating through updateMany, or editing by documentId as the admin panel does, is checked too
    const clone = await rule({ name: '停用的重叠', pointsKind: 'collaboration', method: 'per_unit', amount: 1, active: false });
    await expect(rules().updateMany({ where: { id: clone.id }, data: { active: true } })).rejects.toThrow(/overlaps rule #/);
    await expect(rules().update({ where: { documentId: clone.documentId }, data: { active: true } })).rejects.toThrow(/overlaps rule #/);
    await rules().delete({ where: { id: clone.id } });
    await rules().delete({ where: { id: later.id } });
    expect(base.id).toEqual(expect.any(Number));
    expect(await rules().count({ where: { name: { $in: ['负数', '离谱', '倒序', '重叠'] } } })).toBe(0);
  });

  it('answers the admin panel\'s API with a 400 naming the field', async () => {
    const token = await adminToken(app, 'ops@test.local');
    const res = await app.http.post(`/content-manager/collection-types/${RULE}`).set('Authorization', `Bearer ${token}`)
      .send({ name: '后台负数', pointsKind: 'bonus', beneficiary: 'seller', event: 'order_paid', method: 'per_unit', amount: 999_999, validFrom: today(), validTo: shift(today(), 3), active: true, priority: 0 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('amount');
    expect(await rules().count({ where: { name: '后台负数' } })).toBe(0);
  });
});

describe('incentive records from order events', () => {
  let order: any;
  beforeAll(async () => {
    // per unit bonus for coupons, basis points bonus otherwise (the category rule wins on coupon lines); the supplier gets a flat fee when fulfilled
    await rule({ name: '通用奖金', pointsKind: 'bonus', method: 'basis_points', amount: 100 });
    await rule({ name: '券类奖金', pointsKind: 'bonus', method: 'per_unit', amount: 7, category: 'coupon' });
    await rule({ name: '履约协同', pointsKind: 'collaboration', method: 'per_order', amount: 3, beneficiary: 'supplier', event: 'order_fulfilled' });
    // a rule that never applies: another supplier's scope
    await rule({ name: '别家', pointsKind: 'bonus', method: 'per_order', amount: 1000, supplierId: other.enterpriseId });
  });

  it('grants on payment per rule, rounded down, and a redelivered event writes nothing', async () => {
    order = await placeAndPay([{ productId: ticket.id, strategyId: individual.id, quantity: 3, day }, { productId: coupon.id, strategyId: individual.id, quantity: 2 }]);
    const records = await recordsOf(order.id);
    const summary = records.map((r: any) => [r.enterpriseId, r.kind, r.ruleName, r.points, Number(r.basisAmount)]);
    // tickets 3 × 123.45 = 370.35 yuan × 1 % = 3.7035 → 3; coupons 2 units × 7 = 14; base collaboration 10 per order
    expect(summary).toEqual(expect.arrayContaining([
      [seller.enterpriseId, 'collaboration', '基础协同', 10, 46035],
      [seller.enterpriseId, 'bonus', '通用奖金', 3, 37035],
      [seller.enterpriseId, 'bonus', '券类奖金', 14, 9000],
    ]));
    expect(records).toHaveLength(3);
    const facts = await app.strapi.plugin('orders').service('subscribers').facts(order.id);
    expect(await app.strapi.plugin('incentives').service('incentives').onGrantEvent('order_paid', facts)).toBe(0);
    expect(await recordsOf(order.id)).toHaveLength(3);
  });

  it('grants the supplier on fulfilment and reverses in proportion to refunds, fully on a full refund', async () => {
    const withTicket = await placeAndPay([{ productId: ticket.id, strategyId: gov.id, quantity: 4, day }], 'gov');
    for (const line of withTicket.lines) await as(app, supplier.token).post(`/orders/${withTicket.id}/fulfil`, { lineId: line.id, confirmationCode: 'OK-1' });
    const granted = await recordsOf(withTicket.id);
    expect(granted.map((r: any) => [r.side, r.event, r.ruleName, r.points])).toEqual(expect.arrayContaining([
      ['seller', 'order_paid', '基础协同', 10], ['seller', 'order_paid', '通用奖金', 4], ['supplier', 'order_fulfilled', '履约协同', 3],
    ]));
    // the first order: refund the coupon line (90 of 460.35 yuan)
    const couponLine = order.lines.find((l: any) => l.productId === coupon.id);
    expect((await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lineIds: [couponLine.id], reason: '退券' })).status).toBe(200);
    const afterPartial = (await recordsOf(order.id)).filter((r: any) => r.event === 'order_refunded');
    // 10 × 9000/46035 = 1.95 → 1; 3 × 9000/37035 → 0 (nothing written); 14 × 9000/9000 = 14
    expect(afterPartial.map((r: any) => [r.ruleName, r.points])).toEqual(expect.arrayContaining([['基础协同', -1], ['券类奖金', -14]]));
    expect(afterPartial).toHaveLength(2);
    // then the rest: every grant reversed exactly
    const ticketLine = order.lines.find((l: any) => l.productId === ticket.id);
    expect((await as(app, seller.token).post(`/orders/${order.id}/request-refund`, { lineIds: [ticketLine.id] })).status).toBe(200);
    const all = await recordsOf(order.id);
    const net = new Map<string, number>();
    for (const r of all as any[]) net.set(r.ruleName, (net.get(r.ruleName) ?? 0) + r.points);
    expect(Object.fromEntries(net)).toEqual({ 基础协同: 0, 通用奖金: 0, 券类奖金: 0 });
  });

  it('reverses a rule only for refunded lines it covered, and grants fulfilment on the lines left', async () => {
    // 1 ticket (123.45 yuan → 1 % = 1 point of 通用奖金) and 10 coupons (450 yuan, 券类奖金): refunding the coupons leaves the ticket's point
    const mixed = await placeAndPay([{ productId: ticket.id, strategyId: individual.id, quantity: 1, day }, { productId: coupon.id, strategyId: individual.id, quantity: 10 }]);
    const couponLine = mixed.lines.find((l: any) => l.productId === coupon.id);
    expect((await as(app, seller.token).post(`/orders/${mixed.id}/request-refund`, { lineIds: [couponLine.id] })).status).toBe(200);
    const net = async (orderId: number) => {
      const out: Record<string, number> = {};
      for (const r of (await recordsOf(orderId)) as any[]) out[`${r.side}:${r.ruleName}`] = (out[`${r.side}:${r.ruleName}`] ?? 0) + r.points;
      return out;
    };
    expect(await net(mixed.id)).toMatchObject({ 'seller:通用奖金': 1, 'seller:券类奖金': 0 });
    // a gov order of two lines: one refunded (approved) before the other is fulfilled
    const two = await placeAndPay([{ productId: ticket.id, strategyId: gov.id, quantity: 1, day }, { productId: ticket.id, strategyId: gov.id, quantity: 2, day: shift(today(), 2) }], 'gov');
    const [first, second] = two.lines;
    expect((await as(app, seller.token).post(`/orders/${two.id}/request-refund`, { lineIds: [first.id], reason: '少一人' })).status).toBe(200);
    expect((await as(app, supplier.token).post(`/orders/${two.id}/approve-refund`)).status).toBe(200);
    expect((await as(app, supplier.token).post(`/orders/${two.id}/fulfil`, { lineId: second.id, confirmationCode: 'G-2' })).status).toBe(200);
    const fulfilment = (await recordsOf(two.id)).find((r: any) => r.event === 'order_fulfilled');
    expect(fulfilment).toMatchObject({ side: 'supplier', points: 3, lineIds: [second.id] });
    expect(Number(fulfilment.basisAmount)).toBe(second.amount);
    expect((await as(app, seller.token).post(`/orders/${two.id}/request-refund`, { lineIds: [second.id], reason: '取消' })).status).toBe(200);
    expect((await as(app, supplier.token).post(`/orders/${two.id}/approve-refund`)).status).toBe(200);
    expect(Object.values(await net(two.id)).every((points) => points === 0)).toBe(true);
  });

  it('reverses in proportion to the units refunded: 1 of 4 tickets, then the other 3 (issue 13 item 1)', async () => {
    // 4 × 123.45 = 493.80 yuan: 基础协同 10, 通用奖金 4 (1 %)
    const paid = await placeAndPay([{ productId: ticket.id, strategyId: individual.id, quantity: 4, day }]);
    const line = paid.lines[0];
    const net = async () => {
      const out: Record<string, number> = {};
      for (const r of (await recordsOf(paid.id)) as any[]) out[r.ruleName] = (out[r.ruleName] ?? 0) + r.points;
      return out;
    };
    expect(await net()).toEqual({ 基础协同: 10, 通用奖金: 4 });
    const one = await as(app, seller.token).post(`/orders/${paid.id}/request-refund`, { lines: [{ lineId: line.id, quantity: 1 }] });
    expect(one.body.status).toBe('partially_refunded');
    // a quarter of the amount: 10 × 1/4 = 2.5 → 2, 4 × 1/4 = 1
    expect(await net()).toEqual({ 基础协同: 8, 通用奖金: 3 });
    const rest = await as(app, seller.token).post(`/orders/${paid.id}/request-refund`, { lines: [{ lineId: line.id, quantity: 3 }] });
    expect(rest.body.status).toBe('refunded');
    expect(await net()).toEqual({ 基础协同: 0, 通用奖金: 0 });
  });

  it('writes one reversal for a refund event delivered twice, even at once and without a refund key (issue #11, 13)', async () => {
    const paid = await placeAndPay([{ productId: coupon.id, strategyId: individual.id, quantity: 3 }]);
    const line = paid.lines[0];
    expect((await as(app, seller.token).post(`/orders/${paid.id}/request-refund`, { lineIds: [line.id] })).status).toBe(200);
    const reversals = async () => (await recordsOf(paid.id)).filter((r: any) => r.event === 'order_refunded');
    const delivered = await reversals();
    expect(delivered.map((r: any) => [r.ruleName, r.points])).toEqual(expect.arrayContaining([['基础协同', -10], ['券类奖金', -21]]));
    // as if the refund's event had not been heard yet: take its reversals away, then deliver it again,
    // twice at once, each in its own transaction, with only the line ids (no refund key)
    await app.strapi.db.query(RECORD).deleteMany({ where: { id: { $in: delivered.map((r: any) => r.id) } } });
    const facts = await app.strapi.plugin('orders').service('subscribers').facts(paid.id);
    const service = app.strapi.plugin('incentives').service('incentives');
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const deliver = (holdMs: number) => app.strapi.db.transaction(async () => {
      await service.onRefunded(facts, { lineIds: [line.id] });
      await sleep(holdMs);
    });
    await Promise.all([deliver(300), sleep(50).then(() => deliver(0))]);
    const again = await reversals();
    expect(again.map((r: any) => [r.ruleName, r.points]).sort()).toEqual(delivered.map((r: any) => [r.ruleName, r.points]).sort());
    // and once more later, with no detail at all: the key comes from the order's refunded lines
    await sleep(5);
    expect(await service.onRefunded(facts, {})).toBe(0);
    expect(await reversals()).toHaveLength(delivered.length);
    expect(new Set(again.map((r: any) => r.eventKey))).toEqual(new Set(delivered.map((r: any) => r.eventKey)));
  });

  it('shows each enterprise its own records with a running total, filters, balances and an Excel export', async () => {
    const list = await as(app, seller.token).list('incentive-records', { filter: { kind: 'bonus' }, sort: ['createdAt', 'DESC'] });
    expect(list.status).toBe(200);
    expect(list.body.every((r: any) => r.kind === 'bonus' && r.counterpartyName === 'inc_supplier 企业')).toBe(true);
    // the newest row's running total is the balance; going down, each total drops by the row's points
    const balances = (await as(app, seller.token).get('/incentive-records/balances')).body;
    const sum = (await app.strapi.db.query(RECORD).findMany({ where: { enterpriseId: seller.enterpriseId, kind: 'bonus' } })).reduce((s: number, r: any) => s + r.points, 0);
    expect(balances.bonus).toBe(sum);
    expect(list.body[0].runningTotal).toBe(sum);
    for (let i = 1; i < list.body.length; i += 1) expect(list.body[i].runningTotal).toBe(list.body[i - 1].runningTotal - list.body[i - 1].points);
    const byOrder = await as(app, seller.token).list('incentive-records', { filter: { orderNumber: order.number, event: 'order_refunded' } });
    expect(byOrder.body.length).toBeGreaterThan(0);
    expect(byOrder.body.every((r: any) => r.points < 0)).toBe(true);
    // the rules list: platform-wide ones and the caller's own supplier-scoped ones, not another's deals
    const visibleRules = (await as(app, seller.token).list('incentive-rules', { range: [0, 99] })).body.map((r: any) => r.name);
    expect(visibleRules).toEqual(expect.arrayContaining(['通用奖金', '券类奖金']));
    expect(visibleRules).not.toContain('别家');
    expect((await as(app, other.token).list('incentive-rules', { range: [0, 99] })).body.map((r: any) => r.name)).toContain('别家');
    const theirs = await as(app, supplier.token).list('incentive-records');
    expect(theirs.body.every((r: any) => r.side === 'supplier')).toBe(true);
    expect((await as(app, other.token).list('incentive-records')).body).toEqual([]);
    expect((await as(app, other.token).get('/incentive-records/balances')).body).toEqual({ collaboration: 0, bonus: 0 });
    expect((await as(app, seller.token).list('incentive-records', { filter: { nonsense: 1 } })).status).toBe(400);
    const file = await as(app, seller.token).get('/incentive-records/export?filter={"kind":"bonus"}').buffer(true).parse((res: any, cb: any) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect(file.status).toBe(200);
    const ExcelJS = require('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body);
    expect(book.worksheets[0].rowCount).toBe(list.body.length + 1);
  });
});

describe('reports (F97) and home figures (F03, F04)', () => {
  it('totals equal plain SQL over the orders, for every grouping, scoped to the caller', async () => {
    const knex = app.strapi.db.connection;
    const [plain] = await knex('orders as o').join('order_lines as l', 'l.order_id', 'o.id')
      .where('o.supplier_id', supplier.enterpriseId).whereIn('o.state', ['paid', 'fulfilling', 'fulfilled', 'refund_pending', 'partially_refunded', 'refunded'])
      .countDistinct({ orders: 'o.id' }).sum({ quantity: 'l.quantity', amount: 'l.amount' });
    expect(Number(plain.orders)).toBeGreaterThanOrEqual(2);
    for (const groupBy of ['product', 'counterparty', 'channel', 'day']) {
      const res = await as(app, supplier.token).get(`/orders/report?groupBy=${groupBy}&from=${shift(today(), -7)}&to=${today()}`);
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ orders: Number(plain.orders), quantity: Number(plain.quantity), amount: Number(plain.amount) });
      const rows = res.body.rows;
      expect(rows.reduce((s: number, r: any) => s + r.amount, 0)).toBe(Number(plain.amount));
      expect(rows.reduce((s: number, r: any) => s + r.quantity, 0)).toBe(Number(plain.quantity));
      if (groupBy !== 'product') expect(rows.reduce((s: number, r: any) => s + r.orders, 0)).toBe(Number(plain.orders));
      if (groupBy === 'counterparty') expect(rows.map((r: any) => r.label)).toEqual(['inc_seller 企业']);
      if (groupBy === 'day') expect(rows.map((r: any) => r.key)).toEqual([today()]);
    }
    const fromSeller = await as(app, seller.token).get(`/orders/report?groupBy=counterparty&from=${today()}&to=${today()}`);
    expect(fromSeller.body.rows.map((r: any) => [r.label, r.amount])).toEqual([['inc_supplier 企业', Number(plain.amount)]]);
    expect((await as(app, other.token).get(`/orders/report?groupBy=product&from=${today()}&to=${today()}`)).body).toMatchObject({ rows: [], totals: { orders: 0, amount: 0 } });
  });

  it('keeps the summaries equal to the orders, and a rebuild from the orders gives the same report', async () => {
    const summaries = app.strapi.plugin('orders').service('summaries');
    expect(await summaries.check()).toEqual([]);
    const before = (await as(app, supplier.token).get(`/orders/report?groupBy=product&from=${today()}&to=${today()}`)).body;
    await summaries.rebuild(supplier.enterpriseId);
    expect((await as(app, supplier.token).get(`/orders/report?groupBy=product&from=${today()}&to=${today()}`)).body).toEqual(before);
    await summaries.rebuild();
    expect((await as(app, seller.token).get(`/orders/report?groupBy=channel&from=${today()}&to=${today()}`)).body.totals).toEqual(before.totals);
    expect(await summaries.check()).toEqual([]);
    // a database whose summaries are missing (older than them, or restored without them) gets them at start-up
    await app.strapi.db.connection('sales_days').delete();
    await app.strapi.db.connection('product_sales_days').delete();
    expect(await summaries.ensureBuilt()).toBe(true);
    expect(await summaries.ensureBuilt()).toBe(false);
    expect(await summaries.check()).toEqual([]);
  });

  it('on a generated data set (600 orders over 60 days), every grouping equals plain SQL over the orders', async () => {
    const gen = await tenant(app, 'supplier', 'inc_gen_supplier');
    const buyers = [seller, other];
    const knex = app.strapi.db.connection;
    const statuses = ['pending_payment', 'paid', 'fulfilled', 'partially_refunded', 'refunded', 'cancelled', 'closed', 'fulfilling'];
    const channels = ['individual', 'gov', 'employee'];
    let seed = 42;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let i = 0; i < 600; i += 1) {
      const status = statuses[random(statuses.length)];
      const createdAt = new Date(Date.now() - random(60) * 86_400_000 - random(86_400) * 1000);
      const [row] = await knex('orders').insert({ document_id: `gen-${i}`, number: `GEN${i}`, channel: channels[random(3)], seller_id: buyers[random(2)].enterpriseId, supplier_id: gen.enterpriseId, state: status, payment_mode: 'prepaid', account_id: 1, total_amount: 0, paid_amount: 0, refunded_amount: 0, customer_name: 'gen', created_at: createdAt, updated_at: createdAt }).returning('id');
      const orderId = typeof row === 'object' ? row.id : row;
      for (let l = 0; l <= random(3); l += 1) {
        const product = 1 + random(7);
        const quantity = 1 + random(4);
        const refunded = status === 'refunded' || (status === 'partially_refunded' && l === 0);
        await knex('order_lines').insert({ document_id: `gen-${i}-${l}`, order_id: orderId, product_id: 900000 + product, product_name: `生成产品${product}`, category: 'ticket', is_combo: false, strategy_id: 1, quantity, unit_price: 1000 + product, amount: quantity * (1000 + product), fulfilment_status: refunded ? 'refunded' : 'pending', created_at: createdAt, updated_at: createdAt });
      }
    }
    const summaries = app.strapi.plugin('orders').service('summaries');
    await summaries.rebuild(gen.enterpriseId);
    expect(await summaries.check()).toEqual([]);
    const from = shift(today(), -70);
    const sold = () => knex('orders as o').join('order_lines as l', 'l.order_id', 'o.id').where('o.supplier_id', gen.enterpriseId).whereIn('o.state', ['paid', 'fulfilling', 'fulfilled', 'refund_pending', 'partially_refunded', 'refunded']);
    const [plain] = await sold().countDistinct({ orders: 'o.id' }).sum({ quantity: 'l.quantity', amount: 'l.amount' })
      .sum({ refunded: knex.raw("case when l.fulfilment_status = 'refunded' then l.amount else 0 end") })
      .sum({ refundedQuantity: knex.raw("case when l.fulfilment_status = 'refunded' then l.quantity else 0 end") });
    const token = await (await import('./helpers/fixtures')).signIn(app, 'inc_gen_supplier');
    for (const groupBy of ['product', 'counterparty', 'channel', 'day']) {
      const res = await as(app, token).get(`/orders/report?groupBy=${groupBy}&from=${from}&to=${today()}`);
      expect(res.body.totals).toEqual({
        orders: Number(plain.orders), quantity: Number(plain.quantity), amount: Number(plain.amount), refunded: Number(plain.refunded),
        net: Number(plain.amount) - Number(plain.refunded),
        refundedQuantity: Number(plain.refundedQuantity), netQuantity: Number(plain.quantity) - Number(plain.refundedQuantity),
      });
      expect(res.body.rows.reduce((sum: number, r: any) => sum + r.amount, 0)).toBe(Number(plain.amount));
    }
    // per product, against a plain GROUP BY
    const perProduct = await sold().select('l.product_id').countDistinct({ orders: 'o.id' }).sum({ amount: 'l.amount' }).groupBy('l.product_id');
    const report = (await as(app, token).get(`/orders/report?groupBy=product&from=${from}&to=${today()}`)).body.rows;
    expect(Object.fromEntries(report.map((r: any) => [r.key, [r.orders, r.amount]]))).toEqual(Object.fromEntries((perProduct as any[]).map((r) => [Number(r.product_id), [Number(r.orders), Number(r.amount)]])));
  });

  it('refuses ranges over a year, unknown parameters and sides the caller does not have', async () => {
    const long = await as(app, supplier.token).get(`/orders/report?groupBy=day&from=${shift(today(), -400)}&to=${today()}`);
    expect(long.status).toBe(400);
    expect(long.body.errors).toHaveProperty('to');
    expect((await as(app, supplier.token).get('/orders/report?groupBy=day&color=red')).body.errors).toHaveProperty('color');
    expect((await as(app, supplier.token).get('/orders/report?groupBy=weekday')).body.errors).toHaveProperty('groupBy');
    expect((await as(app, supplier.token).get('/orders/report?side=seller')).body.errors).toHaveProperty('side');
    expect((await as(app, supplier.token).get('/orders/report?from=2026-13-01')).body.errors).toHaveProperty('from');
  });

  it('exports the report to a valid Excel file with a totals row', async () => {
    const res = await as(app, supplier.token).get(`/orders/report-export?groupBy=product&from=${today()}&to=${today()}`).set('Accept-Language', 'en')
      .buffer(true).parse((r: any, cb: any) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect(res.status).toBe(200);
    const ExcelJS = require('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values.slice(1)).toEqual(['Product', 'Orders', 'Quantity', 'Sales (yuan)', 'Refunded (yuan)', 'Net (yuan)']);
    const report = (await as(app, supplier.token).get(`/orders/report?groupBy=product&from=${today()}&to=${today()}`)).body;
    expect(sheet.rowCount).toBe(report.rows.length + 2);
    expect(sheet.getRow(sheet.rowCount).values.slice(1)).toEqual(['Total', report.totals.orders, report.totals.quantity, report.totals.amount / 100, report.totals.refunded / 100, report.totals.net / 100]);
  });

  it('gives the homes their figures: orders by status and channel, and the hot-selling ranking', async () => {
    const stats = (await as(app, supplier.token).get('/orders/statistics')).body;
    const count = await app.strapi.db.query('plugin::orders.order').count({ where: { supplierId: supplier.enterpriseId } });
    expect(stats.orders.reduce((s: number, r: any) => s + r.orders, 0)).toBe(count);
    expect(stats.orders.map((r: any) => r.channel).sort()).toEqual(expect.arrayContaining(['gov', 'individual']));
    const ranking = (await as(app, seller.token).get(`/orders/ranking?sort=quantity&from=${today()}&to=${today()}`)).body;
    // ranked net of refunds: a product whose sales were all refunded is not ranked
    const sold = (await as(app, seller.token).get(`/orders/report?side=seller&groupBy=product&from=${today()}&to=${today()}`)).body.rows;
    expect(sold.map((r: any) => r.label).sort()).toEqual(['激励券', '激励门票']);
    const selling = sold.filter((r: any) => r.netQuantity > 0).map((r: any) => r.label);
    expect(ranking.rows.map((r: any) => r.label).sort()).toEqual(selling.sort());
    expect(ranking.rows.map((r: any) => r.netQuantity)).toEqual(ranking.rows.map((r: any) => r.netQuantity).sort((a: number, b: number) => b - a));
  });
});
