import path from 'path';
import { startApp, TestApp, BYPASS } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

/**
 * Issue #11 finding 1: callers never choose ledger ids; an Idempotency-Key is scoped to the caller's
 * enterprise (same key from another tenant: unrelated; same key, other body: 422); a job survives a
 * poisoned item.
 */
let app: TestApp;
let supplierA: Tenant;
let supplierB: Tenant;
let seller: Tenant;
let sellerB: Tenant;
let coupon: any;
let offer: any;
let prepaidA: number;
let prepaidB: number;
let prepaidSellerB: number;
const TRANSFER = 'plugin::ledger.transfer';
const ORDER = 'plugin::orders.order';
const ledger = () => app.strapi.plugin('ledger').service('ledger');
const figures = async (id: number) => ledger().figures(await ledger().account(id));
const transfers = (where: Record<string, unknown> = {}) => app.strapi.db.query(TRANSFER).count({ where });

beforeAll(async () => {
  app = await startApp();
  supplierA = await tenant(app, 'supplier', 'idem_supplier_a');
  supplierB = await tenant(app, 'supplier', 'idem_supplier_b');
  seller = await tenant(app, 'seller', 'idem_seller');
  sellerB = await tenant(app, 'seller', 'idem_seller_b');
  for (const [supplier, buyer] of [[supplierA, seller], [supplierB, seller], [supplierA, sellerB]]) await partner(app, supplier, buyer);
  await agreement(app, supplierA, seller);
  await agreement(app, supplierA, sellerB);
  coupon = await product(app, supplierA, {
    category: 'coupon', name: '幂等券', faceValue: 5000, couponValidFrom: today(), couponValidTo: shift(today(), 90), stockMode: 'none',
  });
  offer = await strategy(app, supplierA, [{ productId: coupon.id, price: 1000 }], { businessMode: 'prepaid' });
  const open = async (supplier: Tenant, buyer: Tenant) => {
    const id = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: buyer.enterpriseId })).body.id;
    await ledger().setStatus(id, 'enabled');
    return id as number;
  };
  prepaidA = await open(supplierA, seller);
  prepaidB = await open(supplierB, seller);
  prepaidSellerB = await open(supplierA, sellerB);
  await as(app, supplierA.token).post(`/prepaid-accounts/${prepaidA}/top-up`, { amount: 1_000_000 }).expect(200);
  await as(app, supplierA.token).post(`/prepaid-accounts/${prepaidSellerB}/top-up`, { amount: 1_000_000 }).expect(200);
});
afterAll(async () => { await app?.close(); });

const place = (token: string, body: Record<string, unknown> = {}, key?: string) => {
  const lines = [{ productId: coupon.id, strategyId: offer.id, quantity: 1 }];
  const req = as(app, token).post('/orders', { channel: 'individual', paymentMode: 'prepaid', customerName: '幂等客户', lines, ...body });
  return key ? req.set('Idempotency-Key', key) : req;
};
/** A console posting verb (top-up, repay) as one supplier, with an optional Idempotency-Key. */
const post = (who: Tenant, path: string, body: Record<string, unknown>, key?: string) => {
  const req = as(app, who.token).post(path, body);
  return key === undefined ? req : req.set('Idempotency-Key', key);
};
/** A transfer row written straight into the table (amount 0, so the books still balance). */
const rawTransfer = (transferId: string, kind: string, accountId: number, supplier: Tenant) => app.strapi.db.query(TRANSFER).create({
  data: {
    transferId, kind, accountId, debitAccountId: accountId, creditAccountId: accountId, amount: 0, flag: 'plain', direction: 'in',
    supplierId: supplier.enterpriseId, sellerId: seller.enterpriseId, availableAfter: 0, frozenAfter: 0,
  },
});
/** The numbers the next orders will get: day + id, as the orders service makes them. */
const nextNumbers = async (count: number) => {
  const [last] = await app.strapi.db.query(ORDER).findMany({ orderBy: { id: 'desc' }, limit: 1, select: ['id'] });
  const next = (last?.id ?? 0) + 1;
  return Array.from({ length: count }, (_, i) => `${today().replace(/-/g, '')}${String(next + i).padStart(8, '0')}`);
};

describe('ledger ids are made by the server only', () => {
  it('refuses a top-up or repayment that names a transferId, so no supplier can take the next order\'s freeze', async () => {
    const before = await transfers();
    const numbers = await nextNumbers(3);
    for (const number of numbers) {
      const res = await post(supplierB, `/prepaid-accounts/${prepaidB}/top-up`, { amount: 1, transferId: `order:${number}:freeze` });
      expect([res.status, res.body.code, Object.keys(res.body.errors ?? {})]).toEqual([400, 'VALIDATION', ['transferId']]);
    }
    const credit = (await as(app, supplierB.token).post('/credit-accounts', { sellerId: seller.enterpriseId })).body.id;
    const repay = await post(supplierB, `/credit-accounts/${credit}/repay`, { amount: 1, transferId: `order:${numbers[0]}:capture` });
    expect([repay.status, Object.keys(repay.body.errors ?? {})]).toEqual([400, ['transferId']]);
    // an Idempotency-Key that looks like an order's transfer id lands in the caller's own namespace
    const keyed = await post(supplierB, `/prepaid-accounts/${prepaidB}/top-up`, { amount: 1 }, `order:${numbers[0]}:freeze`);
    expect(keyed.status).toBe(200);
    expect(await transfers()).toBe(before + 1);
    expect(await transfers({ transferId: { $startsWith: 'order:' } })).toBe(0);
    const [topup] = await app.strapi.db.query(TRANSFER).findMany({ where: { accountId: prepaidB }, orderBy: { id: 'desc' }, limit: 1 });
    expect(topup.transferId).toMatch(new RegExp(`^topup:e${supplierB.enterpriseId}:`));
    // every seller's next orders go through
    for (const number of numbers) {
      const order = await place(seller.token);
      expect([order.status, order.body.number]).toEqual([201, number]);
      await as(app, seller.token).post(`/orders/${order.body.id}/cancel`).expect(200);
    }
  });

  it('moves top-ups that took an order\'s id before the fix out of the way (migration)', async () => {
    const [number] = await nextNumbers(1);
    // a top-up written before the fix, with the id the next order's freeze needs
    await rawTransfer(`order:${number}:freeze`, 'topup', prepaidB, supplierB);
    expect((await place(seller.token)).status).toBe(409);
    const file = '2026.11.30T00.00.00.ledger-legacy-client-transfer-ids.js';
    const migration = require(path.resolve(__dirname, '..', 'database', 'migrations', file));
    await app.strapi.db.connection.transaction((trx: any) => migration.up(trx));
    expect(await transfers({ transferId: { $startsWith: 'order:' }, kind: 'topup' })).toBe(0);
    expect(await transfers({ transferId: { $startsWith: 'legacy:topup:' } })).toBe(1);
    const order = await place(seller.token);
    expect(order.status).toBe(201);
    await as(app, seller.token).post(`/orders/${order.body.id}/cancel`).expect(200);
  });

  it('gives the same Idempotency-Key from two suppliers two independent top-ups', async () => {
    const [a, b] = [await figures(prepaidA), await figures(prepaidB)];
    const fromA = await post(supplierA, `/prepaid-accounts/${prepaidA}/top-up`, { amount: 111 }, 'shared-key-1');
    const fromB = await post(supplierB, `/prepaid-accounts/${prepaidB}/top-up`, { amount: 222 }, 'shared-key-1');
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(await figures(prepaidA)).toMatchObject({ available: a.available + 111 });
    expect(await figures(prepaidB)).toMatchObject({ available: b.available + 222 });
    const rows = await app.strapi.db.query(TRANSFER).findMany({ where: { kind: 'topup', amount: { $in: [111, 222] } } });
    expect(new Set(rows.map((r: any) => r.transferId)).size).toBe(2);
  });

  it('replays the same key with the same body once, and refuses it with another body (422)', async () => {
    const before = await figures(prepaidA);
    const count = await transfers();
    const topUp = (body: Record<string, unknown>, key = 'retry-key-1', account = prepaidA) =>
      post(supplierA, `/prepaid-accounts/${account}/top-up`, body, key);
    const first = await topUp({ amount: 500, reference: 'BANK-9', note: '补款' });
    const again = await topUp({ amount: 500, reference: 'BANK-9', note: '补款' });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.available).toBe(before.available + 500);
    const others = [
      { amount: 501, reference: 'BANK-9', note: '补款' }, { amount: 500, reference: 'BANK-8', note: '补款' }, { amount: 500, reference: 'BANK-9' },
    ];
    for (const body of others) {
      const res = await topUp(body);
      expect([res.status, res.body.code, Object.keys(res.body.errors ?? {})]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED', ['Idempotency-Key']]);
    }
    // the same key on another account of the caller is another body too
    const elsewhere = await topUp({ amount: 500, reference: 'BANK-9', note: '补款' }, 'retry-key-1', prepaidSellerB);
    expect(elsewhere.status).toBe(422);
    expect(await transfers()).toBe(count + 1);
    expect(await figures(prepaidA)).toMatchObject({ available: before.available + 500 });
    // keys are checked: at most 100 printable ASCII characters
    for (const bad of ['k'.repeat(101), 'tab\there', 'caf\u00e9']) {
      const res = await topUp({ amount: 1 }, bad);
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([400, ['Idempotency-Key']]);
    }
    expect((await topUp({ amount: 1 }, 'k'.repeat(100))).status).toBe(200);
  });
});

describe('the same key sent twice at once', () => {
  it('writes one top-up and one order, and both requests get that one', async () => {
    const before = await transfers();
    const topUps = await Promise.all([1, 2, 3].map(() => post(supplierA, `/prepaid-accounts/${prepaidA}/top-up`, { amount: 7 }, 'twin-topup')));
    expect(topUps.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await transfers()).toBe(before + 1);
    const orders = await app.strapi.db.query(ORDER).count({});
    const placed = await Promise.all([1, 2, 3].map(() => place(seller.token, {}, 'twin-order')));
    expect(placed.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(placed.map((r) => r.body.id)).size).toBe(1);
    expect(await app.strapi.db.query(ORDER).count({})).toBe(orders + 1);
    await as(app, seller.token).post(`/orders/${placed[0].body.id}/cancel`).expect(200);
  });
});

describe('order keys: same key, other body → 422, scoped to the caller', () => {
  it('console orders, refunds and cart checkout', async () => {
    const first = await place(seller.token, {}, 'order-key-1');
    expect(first.status).toBe(201);
    const again = await place(seller.token, {}, 'order-key-1');
    expect([again.status, again.body.id]).toEqual([201, first.body.id]);
    const other = await place(seller.token, { customerName: '另一位' }, 'order-key-1');
    expect([other.status, other.body.code, Object.keys(other.body.errors ?? {})])
      .toEqual([422, 'IDEMPOTENCY_KEY_REUSED', ['Idempotency-Key']]);
    // another seller's same key is its own order
    const theirs = await place(sellerB.token, {}, 'order-key-1');
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    expect((await place(seller.token, {}, 'x'.repeat(101))).status).toBe(400);

    // refunds: pay, refund with a key, retry with other lines → 422
    const line = (quantity: number) => ({ productId: coupon.id, strategyId: offer.id, quantity });
    const two = await place(seller.token, { lines: [line(1), line(2)] });
    await as(app, seller.token).post(`/orders/${two.body.id}/pay`).expect(200);
    const [l1, l2] = two.body.lines;
    const refund = (lineIds: number[]) => post(seller, `/orders/${two.body.id}/request-refund`, { lineIds, reason: '退' }, 'refund-key-1');
    expect((await refund([l1.id])).status).toBe(200);
    expect((await refund([l1.id])).status).toBe(200);
    expect((await refund([l2.id])).status).toBe(422);
    expect((await as(app, seller.token).get(`/orders/${two.body.id}`)).body.refundedAmount).toBe(1000);

    // cart: a retry answers the same orders (the lines left the cart); another body is a 422
    const item = await as(app, seller.token).post('/cart-items', { channel: 'individual', ...line(1) });
    expect(item.status).toBe(201);
    const body = { channel: 'individual', paymentMode: 'prepaid', ids: [item.body.id], customerName: '购物车客户' };
    const checkout = (extra: Record<string, unknown> = {}) => post(seller, '/cart-items/checkout', { ...body, ...extra }, 'cart-key-1');
    const made = await checkout();
    expect(made.status).toBe(201);
    const retry = await checkout();
    expect([retry.status, retry.body.orders.map((o: any) => o.id)]).toEqual([201, made.body.orders.map((o: any) => o.id)]);
    expect((await checkout({ customerName: '别人' })).status).toBe(422);
  });

  it('mini-program orders: the key is the employee\'s own', async () => {
    const employeeId = (await as(app, seller.token).post('/employees', { employeeNo: 'I001', name: '小幂', phone: '13700000001' })).body.id;
    await as(app, seller.token).post(`/employees/${employeeId}/set-mini-password`, { password: 'Secret123x' }).expect(200);
    const enterprise = await app.strapi.db.query('plugin::identity.enterprise').findOne({ where: { id: seller.enterpriseId } });
    const login = await app.http.post('/api/mini/auth/login')
      .send({ creditCode: enterprise.creditCode, employeeNo: 'I001', password: 'Secret123x', captchaId: 'x', captchaCode: BYPASS });
    const token = login.body.jwt;
    const order = (lines: unknown[], key: string) => app.http.post('/api/mini/orders')
      .set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send({ lines });
    const one = [{ productId: coupon.id, strategyId: offer.id, quantity: 1 }];
    const first = await order(one, 'emp-key-1');
    expect(first.status).toBe(201);
    expect((await order(one, 'emp-key-1')).body.id).toBe(first.body.id);
    const changed = await order([{ ...one[0], quantity: 2 }], 'emp-key-1');
    expect([changed.status, changed.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    // the console's own use of the same key in the same enterprise is unrelated
    expect((await place(seller.token, {}, 'emp-key-1')).body.id).not.toBe(first.body.id);
  });
});

describe('jobs survive a poisoned item', () => {
  it('closes every other expired order and releases its money when one order\'s release fails', async () => {
    const orders = [];
    for (let i = 0; i < 3; i += 1) orders.push((await place(seller.token)).body);
    const [poisoned, ...healthy] = orders;
    // poison: the transfer id the first order's release will need is already taken (amount 0, so the books still balance)
    const fake = await rawTransfer(`order:${poisoned.number}:release`, 'adjustment', prepaidA, supplierA);
    const logged = jest.spyOn(app.strapi.log, 'error').mockImplementation(() => app.strapi.log);
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    const later = new Date(Date.now() + 31 * 60_000);
    try {
      const outcome = await jobs.runNow('orders.close-expired', later);
      expect(outcome.ran).toBe(true);
      expect(outcome.result).toMatchObject({ failed: 1 });
      expect((outcome.result as any).closed).toBeGreaterThanOrEqual(healthy.length);
      const failures = logged.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('orders.close-expired'));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toContain(`item ${poisoned.id}`);
      expect(failures[0]).toMatch(/TRANSFER_ID_REUSED|transfer id was already used/);
    } finally {
      logged.mockRestore();
    }
    const status = async (id: number) => (await app.strapi.db.query(ORDER).findOne({ where: { id } })).state;
    for (const order of healthy) expect(await status(order.id)).toBe('closed');
    expect(await status(poisoned.id)).toBe('pending_payment');
    // every other order's money is released; the poisoned one's stays frozen (nothing half-done)
    expect((await figures(prepaidA)).frozen).toBe(poisoned.totalAmount);
    // once the cause is gone the next run closes it too
    await app.strapi.db.query(TRANSFER).delete({ where: { id: fake.id } });
    expect((await jobs.runNow('orders.close-expired', later)).result).toEqual({ closed: 1 });
    expect(await status(poisoned.id)).toBe('closed');
  });

  it('does not spin on a failing item across pages (the cursor moves past it)', async () => {
    const orders = [];
    for (let i = 0; i < 3; i += 1) orders.push((await place(seller.token)).body);
    const fake = await rawTransfer(`order:${orders[0].number}:release`, 'adjustment', prepaidA, supplierA);
    const closeExpired = (batch?: number) => app.strapi.plugin('orders').service('orders')
      .closeExpired(new Date(Date.now() + 31 * 60_000), batch);
    const logged = jest.spyOn(app.strapi.log, 'error').mockImplementation(() => app.strapi.log);
    try {
      // pages of one order: the poisoned one fills the first page
      expect(await closeExpired(1)).toEqual({ closed: 2, failed: 1 });
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
    await app.strapi.db.query(TRANSFER).delete({ where: { id: fake.id } });
    expect(await closeExpired()).toEqual({ closed: 1 });
  });
});

describe('set-based jobs go item by item too', () => {
  it('expires every other strategy when one cannot be updated (a trigger refuses it), and logs that one', async () => {
    const knex = app.strapi.db.connection;
    const postgres = app.strapi.db.dialect.client === 'postgres';
    const second = await strategy(app, supplierA, [{ productId: coupon.id, price: 1000 }], { name: '第二', channel: 'gov', businessMode: 'prepaid' });
    // poison: the database refuses any update of the first strategy
    if (postgres) {
      await knex.raw(`create function poison_strategy() returns trigger language plpgsql
        as $$ begin raise exception 'poisoned strategy'; end $$`);
      await knex.raw(`create trigger poison_strategy before update on strategies for each row when (old.id = ${Number(offer.id)})
        execute function poison_strategy()`);
    } else {
      await knex.raw(`create trigger poison_strategy before update on strategies when old.id = ${Number(offer.id)}
        begin select raise(abort, 'poisoned strategy'); end`);
    }
    const logged = jest.spyOn(app.strapi.log, 'error').mockImplementation(() => app.strapi.log);
    try {
      const jobs = app.strapi.plugin('scheduler').service('jobs');
      const outcome = await jobs.runNow('catalogue.expire-strategies', new Date(`${shift(today(), 40)}T12:00:00+08:00`));
      expect(outcome.result).toEqual({ expired: 1, failed: 1 });
      expect(logged).toHaveBeenCalledTimes(1);
      const line = String(logged.mock.calls[0][0]);
      expect(line).toMatch(new RegExp(`catalogue\\.expire-strategies: item ${offer.id} .*poisoned strategy`, 's'));
    } finally {
      logged.mockRestore();
      await knex.raw('drop trigger poison_strategy' + (postgres ? ' on strategies' : ''));
      if (postgres) await knex.raw('drop function poison_strategy()');
    }
    const status = async (id: number) => (await app.strapi.db.query('plugin::catalogue.strategy').findOne({ where: { id } })).state;
    expect([await status(offer.id), await status(second.id)]).toEqual(['active', 'expired']);
  });
});
