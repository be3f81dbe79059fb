import { startApp, TestApp } from './helpers/app';
import { adminToken as signInAdmin } from './helpers/admin';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';
import { IMMUTABLE } from '../src/immutable';

/**
 * Issue #12.2: the platform operator (Strapi admin panel, super admin) cannot change the books by hand —
 * every immutable type refuses create, edit, clone and delete through the content manager, exactly as the
 * panel calls it — and changes money only through the manual adjustment, which the statements show.
 */
let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let prepaidId: number;
let adminToken: string;
const ledger = () => app.strapi.plugin('ledger').service('ledger');
const figures = async (id: number) => ledger().figures(await ledger().account(id));
const CM = '/content-manager/collection-types';
const panel = (method: 'get' | 'post' | 'put' | 'delete', path: string, lang = 'zh-CN,zh;q=0.9') =>
  app.http[method](path).set('Authorization', `Bearer ${adminToken}`).set('Accept-Language', lang);

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'imm_supplier');
  seller = await tenant(app, 'seller', 'imm_seller');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  const ticket = await product(app, supplier, { name: '只读门票' });
  const day = shift(today(), 1);
  await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 20,
    from: today(), to: shift(today(), 5) });
  const individual = await strategy(app, supplier, [{ productId: ticket.id, price: 10000 }], { businessMode: 'prepaid' });
  // the operator keeps incentive rules in the panel; one rule, so that paying grants points
  await app.strapi.db.query('plugin::incentives.incentive-rule').create({ data: {
    name: '协同积分', pointsKind: 'collaboration', method: 'per_order', amount: 10, beneficiary: 'seller', event: 'order_paid',
    validFrom: shift(today(), -1), validTo: shift(today(), 30), active: true, priority: 0,
  } });
  prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  expect((await as(app, supplier.token).post(`/prepaid-accounts/${prepaidId}/enable`)).status).toBe(200);
  const topUp = await as(app, supplier.token).post(`/prepaid-accounts/${prepaidId}/top-up`, { amount: 1_000_000, note: '首次充值' });
  expect(topUp.status).toBe(200);
  const created = await as(app, seller.token).post('/orders', {
    channel: 'individual', paymentMode: 'prepaid', customerName: '只读客户', customerPhone: '13800000000',
    lines: [{ productId: ticket.id, strategyId: individual.id, quantity: 2, day }],
  }).set('Idempotency-Key', 'imm-create-1');
  expect(created.status).toBe(201);
  expect((await as(app, seller.token).post(`/orders/${created.body.id}/pay`).set('Idempotency-Key', 'imm-pay-1')).status).toBe(200);

  adminToken = await signInAdmin(app, 'books@test.local');
});
afterAll(async () => { await app?.close(); });

/** Every row of every immutable table, as the database holds it (to prove that nothing changed). */
const snapshot = async () => {
  const rows: Record<string, unknown[]> = {};
  for (const uid of Object.keys(IMMUTABLE)) rows[uid] = await app.strapi.db.query(uid as any).findMany({ orderBy: { id: 'asc' } });
  return rows;
};
/** A changed copy of a row, as the panel would PUT it back: every number (amount, points, counters) set to 1. */
const edited = (uid: string, row: Record<string, unknown>) => {
  const attributes = app.strapi.contentType(uid as any).attributes as Record<string, { type: string }>;
  const body: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    // `status` is Strapi's draft/published parameter in the content manager (issue #12.1): not sent here
    if (name === 'status' || !(name in row) || ['createdAt', 'updatedAt', 'publishedAt', 'locale'].includes(name)) continue;
    body[name] = ['integer', 'biginteger', 'decimal', 'float'].includes(attribute.type) ? 1 : row[name];
  }
  return body;
};

describe('the books are read-only in the admin panel (#12.2)', () => {
  it('has real rows of every immutable type, made by the console API', async () => {
    const rows = await snapshot();
    for (const [uid, list] of Object.entries(rows)) expect([uid, list.length > 0]).toEqual([uid, true]);
    expect(rows['plugin::ledger.transfer'].map((r: any) => r.kind)).toEqual(expect.arrayContaining(['topup', 'freeze', 'capture']));
    expect(rows['plugin::incentives.incentive-record'].map((r: any) => r.points)).toEqual([10]);
  });

  it('refuses create, edit, clone, delete and bulk delete of each through the content manager: 403 with the message', async () => {
    const before = await snapshot();
    const checked = await ledger().check();
    expect(checked).toMatchObject({ mismatches: [], balanced: true });
    for (const uid of Object.keys(IMMUTABLE)) {
      const row = before[uid][0] as Record<string, any>;
      const body = edited(uid, row);
      // order requests (idempotency keys) are not listed in the panel: the content manager refuses their writes itself
      const hidden = (app.strapi.contentType(uid as any).pluginOptions as any)?.['content-manager']?.visible === false;
      // the panel reads them as before
      const read = await panel('get', `${CM}/${uid}/${row.documentId}`);
      expect([uid, read.status]).toEqual([uid, 200]);
      const attempts = [
        ['create', await panel('post', `${CM}/${uid}`).send(body)],
        ['update', await panel('put', `${CM}/${uid}/${row.documentId}`).send(body)],
        ['clone', await panel('post', `${CM}/${uid}/clone/${row.documentId}`).send(body)],
        ['delete', await panel('delete', `${CM}/${uid}/${row.documentId}`)],
        ['bulkDelete', await panel('post', `${CM}/${uid}/actions/bulkDelete`).send({ documentIds: [row.documentId] })],
      ] as const;
      for (const [verb, res] of attempts) {
        if (hidden) {
          expect([uid, verb, res.status]).toEqual([uid, verb, 403]);
          continue;
        }
        expect([uid, verb, res.status, res.body.code]).toEqual([uid, verb, 403, 'IMMUTABLE_RECORD']);
        expect(res.body.error.message).toBe(IMMUTABLE[uid].zh);
        expect(res.body.error.message).toContain('不可手工修改');
      }
    }
    // in English for an English browser
    const transfer = before['plugin::ledger.transfer'][0] as Record<string, any>;
    const english = await panel('put', `${CM}/plugin::ledger.transfer/${transfer.documentId}`, 'en-US,en;q=0.9')
      .send({ ...edited('plugin::ledger.transfer', transfer), amount: 1 });
    expect(english.status).toBe(403);
    expect(english.body.error.message).toBe('Ledger records cannot be edited by hand: use a domain action such as a manual adjustment');
    // nothing changed: every row as it was, the ledger check as it was
    expect(await snapshot()).toEqual(before);
    expect(await ledger().check()).toEqual(checked);
  });

  it('refuses every write of the document service on them, whoever calls it (not only the panel)', async () => {
    const before = await snapshot();
    for (const uid of Object.keys(IMMUTABLE)) {
      const row = before[uid][0] as Record<string, any>;
      const documents = app.strapi.documents(uid as any) as any;
      const calls: [string, () => Promise<unknown>][] = [
        ['create', () => documents.create({ data: edited(uid, row) })],
        ['update', () => documents.update({ documentId: row.documentId, data: edited(uid, row) })],
        ['clone', () => documents.clone({ documentId: row.documentId, data: {} })],
        ['delete', () => documents.delete({ documentId: row.documentId })],
      ];
      for (const [verb, call] of calls) {
        const error: any = await call().then(() => null, (e) => e);
        expect([uid, verb, error?.status, error?.code]).toEqual([uid, verb, 403, 'IMMUTABLE_RECORD']);
      }
      expect(await documents.findOne({ documentId: row.documentId })).toMatchObject({ id: row.id });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an Editor too, and an Editor may not adjust money (the 人工调账 permission is not theirs)', async () => {
    const token = await signInAdmin(app, 'editor@test.local', 'strapi-editor');
    const before = await snapshot();
    for (const uid of ['plugin::ledger.transfer', 'plugin::incentives.incentive-record', 'plugin::inventory.stock-item']) {
      const row = before[uid][0] as Record<string, any>;
      const res = await app.http.put(`${CM}/${uid}/${row.documentId}`).set('Authorization', `Bearer ${token}`).send(edited(uid, row));
      expect([uid, res.status, res.body.code]).toEqual([uid, 403, 'IMMUTABLE_RECORD']);
    }
    const adjusted = await app.http.post(`/ledger/accounts/${prepaidId}/adjust`).set('Authorization', `Bearer ${token}`)
      .send({ amount: 500, reason: '编辑' });
    expect(adjusted.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the other types editable (an incentive rule is still kept in the panel)', async () => {
    const rule = await app.strapi.db.query('plugin::incentives.incentive-rule').findOne({ where: { name: '协同积分' } });
    const res = await panel('put', `${CM}/plugin::incentives.incentive-rule/${rule.documentId}`).send({ name: '协同积分（改）' });
    expect(res.status).toBe(200);
    expect((await app.strapi.db.query('plugin::incentives.incentive-rule').findOne({ where: { id: rule.id } })).name).toBe('协同积分（改）');
  });
});

describe('manual adjustment (人工调账): POST /ledger/accounts/:id/adjust in the admin API', () => {
  const adjust = (id: number, body: unknown, token: string | null = adminToken) => {
    const req = app.http.post(`/ledger/accounts/${id}/adjust`).set('Accept-Language', 'en');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body as object);
  };

  it('adds 500 fen with a reason: a balanced adjustment transfer that both statements show with the note', async () => {
    const before = await figures(prepaidId);
    const res = await adjust(prepaidId, { amount: 500, reason: '银行到账差错更正' });
    expect(res.status).toBe(200);
    expect(res.body.data.transfer).toMatchObject({ kind: 'adjustment', direction: 'in', amount: 500, note: '银行到账差错更正', flag: 'plain' });
    expect(res.body.data.account).toMatchObject({ id: prepaidId, available: before.available + 500 });
    expect(await figures(prepaidId)).toMatchObject({ available: before.available + 500, frozen: before.frozen });
    for (const party of [supplier, seller]) {
      const list = await as(app, party.token).list('account-transactions', { filter: { accountId: prepaidId, kind: 'adjustment' } });
      expect(list.status).toBe(200);
      expect(list.body.map((r: any) => [r.amount, r.direction, r.note])).toEqual([[500, 'in', '银行到账差错更正']]);
    }
    expect(await ledger().check()).toMatchObject({ mismatches: [], balanced: true });
  });

  it('takes money back within the available amount; beyond it is a 4xx and writes nothing', async () => {
    const before = await figures(prepaidId);
    const taken = await adjust(prepaidId, { amount: -200, reason: '重复充值冲回' });
    expect(taken.status).toBe(200);
    expect(taken.body.data.transfer).toMatchObject({ kind: 'adjustment', direction: 'out', amount: 200 });
    expect(await figures(prepaidId)).toMatchObject({ available: before.available - 200 });
    const count = await app.strapi.db.query('plugin::ledger.transfer').count({});
    const beyond = await adjust(prepaidId, { amount: -(before.available - 200 + 1), reason: '超额冲回' });
    expect(beyond.status).toBe(409);
    expect(beyond.body.code).toBe('INSUFFICIENT_FUNDS');
    expect(await figures(prepaidId)).toMatchObject({ available: before.available - 200 });
    expect(await app.strapi.db.query('plugin::ledger.transfer').count({})).toBe(count);
    expect(await ledger().check()).toMatchObject({ mismatches: [], balanced: true });
  });

  it('on a credit account: forgives at most the unpaid amount, charges at most up to the limit', async () => {
    const creditId = (await as(app, supplier.token).post('/credit-accounts', { sellerId: seller.enterpriseId })).body.id;
    await ledger().setCreditLimit(creditId, { creditLimit: 10_000 });
    const charged = await adjust(creditId, { amount: -3_000, reason: '线下欠款补记' });
    expect(charged.status).toBe(200);
    expect(await figures(creditId)).toMatchObject({ available: 7_000, unpaid: 3_000 });
    expect((await adjust(creditId, { amount: -7_001, reason: '超额度' })).status).toBe(409);
    const tooMuch = await adjust(creditId, { amount: 3_001, reason: '多免' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors).toHaveProperty('amount');
    expect((await adjust(creditId, { amount: 1_000, reason: '减免部分欠款' })).status).toBe(200);
    expect(await figures(creditId)).toMatchObject({ available: 8_000, unpaid: 2_000 });
    expect(await ledger().check()).toMatchObject({ mismatches: [], balanced: true });
  });

  it('needs a reason (400 naming reason), a whole non-zero amount, a customer account and an admin', async () => {
    const count = await app.strapi.db.query('plugin::ledger.transfer').count({});
    const noReason = await adjust(prepaidId, { amount: 500 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toHaveProperty('reason');
    expect((await adjust(prepaidId, { amount: 500, reason: '   ' })).body.errors).toHaveProperty('reason');
    expect((await adjust(prepaidId, { amount: 500, reason: 'x'.repeat(201) })).body.errors).toHaveProperty('reason');
    expect((await adjust(prepaidId, { amount: 500, reason: '原因\u0000' })).body.errors).toHaveProperty('reason');
    expect((await adjust(prepaidId, { amount: 500, reason: 42 })).body.errors).toHaveProperty('reason');
    for (const amount of [0, 1.5, '500', null, 10 ** 13]) {
      const res = await adjust(prepaidId, { amount, reason: '原因' });
      expect([amount, res.status, Object.keys(res.body.errors ?? {})]).toEqual([amount, 400, ['amount']]);
    }
    expect((await adjust(prepaidId, { amount: 500, reason: '原因', transferId: 'mine' })).body.errors).toHaveProperty('transferId');
    const cash = await ledger().control(supplier.enterpriseId, seller.enterpriseId, 'cash');
    expect((await adjust(cash, { amount: 500, reason: '控制账户' })).status).toBe(404);
    expect((await adjust(2_000_000, { amount: 500, reason: '不存在' })).status).toBe(404);
    // no admin JWT, or a console user's JWT: 401
    expect((await adjust(prepaidId, { amount: 500, reason: '匿名' }, null)).status).toBe(401);
    expect((await adjust(prepaidId, { amount: 500, reason: '控制台用户' }, supplier.token)).status).toBe(401);
    expect(await app.strapi.db.query('plugin::ledger.transfer').count({})).toBe(count);
  });

  it('a retry with the same Idempotency-Key writes one transfer', async () => {
    const before = await figures(prepaidId);
    const send = () => adjust(prepaidId, { amount: 300, reason: '补差' }).set('Idempotency-Key', 'adj-1');
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.data.transfer.transferId).toBe(first.body.data.transfer.transferId);
    expect(await figures(prepaidId)).toMatchObject({ available: before.available + 300 });
    const other = await adjust(prepaidId, { amount: 301, reason: '补差' }).set('Idempotency-Key', 'adj-1');
    expect(other.status).toBe(422);
  });
});

describe('manual adjustment in the panel (人工调账 content type): creating the slip is the adjustment', () => {
  const ADJUSTMENT = 'plugin::ledger.adjustment';

  it('writes the balanced transfer with the slip, in one transaction; the statements show it', async () => {
    const before = await figures(prepaidId);
    const res = await panel('post', `${CM}/${ADJUSTMENT}`).send({ accountId: prepaidId, amount: '800', reason: '后台调账：补记线下收款' });
    expect([res.status, res.status < 300 ? '' : JSON.stringify(res.body)]).toEqual([201, '']);
    const slip = await app.strapi.db.query(ADJUSTMENT).findOne({ where: { documentId: res.body.data.documentId } });
    expect(slip.transferId).toMatch(/^adjust:/);
    expect(slip.adminId).toEqual(expect.any(Number));
    expect((await figures(prepaidId)).available).toBe(before.available + 800);
    const list = await as(app, seller.token).list('account-transactions', { filter: { accountId: prepaidId, transferId: slip.transferId } });
    expect(list.body).toEqual([expect.objectContaining({ kind: 'adjustment', direction: 'in', amount: 800, note: '后台调账：补记线下收款' })]);
    const check = await app.strapi.plugin('ledger').service('ledger').check();
    expect([check.mismatches, check.balanced]).toEqual([[], true]);
  });

  it('refuses a slip the ledger refuses (no reason, beyond the available) and writes neither the slip nor a transfer', async () => {
    const slips = () => app.strapi.db.query(ADJUSTMENT).count({});
    const transfers = () => app.strapi.db.query('plugin::ledger.transfer').count({});
    const [s0, t0] = [await slips(), await transfers()];
    const beyond = await panel('post', `${CM}/${ADJUSTMENT}`).send({ accountId: prepaidId, amount: String(-((await figures(prepaidId)).available + 1)), reason: '超额' });
    expect(beyond.status).toBe(409);
    const blank = await panel('post', `${CM}/${ADJUSTMENT}`).send({ accountId: prepaidId, amount: '100', reason: '   ' });
    expect(blank.status).toBe(400);
    expect([await slips(), await transfers()]).toEqual([s0, t0]);
  });

  it('never changes a slip afterwards, and an Editor (without 人工调账) cannot make one', async () => {
    const slip = await app.strapi.db.query(ADJUSTMENT).findOne({ where: {}, orderBy: { id: 'asc' } });
    const edit = await panel('put', `${CM}/${ADJUSTMENT}/${slip.documentId}`).send({ amount: '1', reason: slip.reason, accountId: slip.accountId });
    expect([edit.status, edit.body.code]).toEqual([403, 'IMMUTABLE_RECORD']);
    expect((await panel('delete', `${CM}/${ADJUSTMENT}/${slip.documentId}`)).status).toBe(403);
    const editor = await signInAdmin(app, 'editor2@test.local', 'strapi-editor');
    const made = await app.http.post(`${CM}/${ADJUSTMENT}`).set('Authorization', `Bearer ${editor}`).send({ accountId: prepaidId, amount: '100', reason: '编辑' });
    expect(made.status).toBe(403);
  });
});
