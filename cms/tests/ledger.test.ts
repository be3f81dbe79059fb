import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { partner } from './helpers/catalogue';
import { TEST_DB } from './helpers/db';

let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let prepaid: any;
let credit: any;
const ledger = () => app.strapi.plugin('ledger').service('ledger');
let seq = 0;
const id = (prefix: string) => `${prefix}-${++seq}`;

beforeAll(async () => {
  app = await startApp({ DATABASE_POOL_MAX: '60' });
  supplier = await tenant(app, 'supplier', 'money_supplier');
  seller = await tenant(app, 'seller', 'money_seller');
  await partner(app, supplier, seller);
  prepaid = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body;
  credit = (await as(app, supplier.token).post('/credit-accounts', { sellerId: seller.enterpriseId })).body;
});
afterAll(async () => { await app?.close(); });

const account = async (accountId: number) => ledger().figures(await ledger().account(accountId));

describe('accounts (F30, F31)', () => {
  it('opens both accounts disabled, enables them, tops up and sets a credit limit; the seller sees the same figures', async () => {
    expect(prepaid).toMatchObject({ status: 'disabled', available: 0, frozen: 0, sellerName: 'money_seller 企业' });
    expect(credit).toMatchObject({ status: 'disabled', creditLimit: 0, available: 0, unpaid: 0, frozen: 0 });
    const blocked = await as(app, supplier.token).post(`/prepaid-accounts/${prepaid.id}/top-up`, { amount: 100000 });
    expect(blocked.status).toBe(409);
    await as(app, supplier.token).post(`/prepaid-accounts/${prepaid.id}/enable`);
    await as(app, supplier.token).post(`/credit-accounts/${credit.id}/enable`);
    const topped = await as(app, supplier.token).post(`/prepaid-accounts/${prepaid.id}/top-up`, { amount: 100000, reference: 'BANK-001', note: '首次充值' });
    expect(topped.body).toMatchObject({ status: 'enabled', available: 100000, frozen: 0 });
    const limited = await as(app, supplier.token).post(`/credit-accounts/${credit.id}/set-limit`, { creditLimit: 500000, validFrom: '2026-01-01', validTo: '2099-12-31' });
    expect(limited.body).toMatchObject({ creditLimit: 500000, available: 500000, unpaid: 0, validTo: '2099-12-31' });
    const seen = await as(app, seller.token).list('prepaid-accounts');
    expect(seen.body).toEqual([expect.objectContaining({ id: prepaid.id, available: 100000, frozen: 0, supplierName: 'money_supplier 企业' })]);
    expect((await as(app, seller.token).post(`/prepaid-accounts/${prepaid.id}/top-up`, { amount: 1 })).status).toBe(403);
    const changes = await app.strapi.db.query('plugin::ledger.account-change').findMany({ where: { accountId: credit.id } });
    expect(changes.map((c: any) => c.action)).toEqual(['open', 'enable', 'limit']);
  });

  it('refuses to open accounts without an active partnership, or twice', async () => {
    const stranger = await tenant(app, 'seller', 'money_stranger');
    expect((await as(app, supplier.token).post('/prepaid-accounts', { sellerId: stranger.enterpriseId })).body.errors).toHaveProperty('sellerId');
    expect((await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.errors).toHaveProperty('sellerId');
  });
});

describe('transfers', () => {
  it('freezes, captures partly (releasing the rest), refunds, and resolves each freeze once', async () => {
    const start = await account(prepaid.id);
    await ledger().freeze(prepaid.id, 30000, { transferId: 'f-1', orderRef: 'ORD-1' });
    expect(await account(prepaid.id)).toMatchObject({ available: start.available - 30000, frozen: 30000 });
    await ledger().capture('f-1', { transferId: 'c-1', amount: 20000 });
    expect(await account(prepaid.id)).toMatchObject({ available: start.available - 20000, frozen: 0 });
    await expect(ledger().capture('f-1', { transferId: 'c-2' })).rejects.toMatchObject({ code: 'ALREADY_RESOLVED' });
    await expect(ledger().release('f-1', { transferId: 'v-1' })).rejects.toMatchObject({ code: 'ALREADY_RESOLVED' });
    await expect(ledger().refund(prepaid.id, 25000, { transferId: 'r-1', orderRef: 'ORD-1' })).rejects.toMatchObject({ status: 400 });
    await ledger().refund(prepaid.id, 20000, { transferId: 'r-2', orderRef: 'ORD-1' });
    expect(await account(prepaid.id)).toMatchObject({ available: start.available, frozen: 0 });
    await ledger().freeze(prepaid.id, 5000, { transferId: 'f-2' });
    await expect(ledger().capture('f-2', { transferId: 'c-3', amount: 6000 })).rejects.toMatchObject({ status: 400 });
    await ledger().release('f-2', { transferId: 'v-2' });
    expect(await account(prepaid.id)).toMatchObject({ available: start.available, frozen: 0 });
  });

  it('makes retries with the same transfer id harmless', async () => {
    const before = await account(prepaid.id);
    const first = await ledger().topUp(prepaid.id, 700, { transferId: 'retry-1' });
    const second = await ledger().topUp(prepaid.id, 700, { transferId: 'retry-1' });
    expect(second.id).toBe(first.id);
    expect(await account(prepaid.id)).toMatchObject({ available: before.available + 700 });
    await expect(ledger().topUp(prepaid.id, 800, { transferId: 'retry-1' })).rejects.toMatchObject({ code: 'TRANSFER_ID_REUSED' });
    const viaHttp = () => as(app, supplier.token).post(`/prepaid-accounts/${prepaid.id}/top-up`, { amount: 300 }).set('Idempotency-Key', 'topup-key-1');
    await viaHttp();
    await viaHttp();
    expect(await account(prepaid.id)).toMatchObject({ available: before.available + 1000 });
  });

  it('names the problem for bad amounts and writes nothing', async () => {
    const count = () => app.strapi.db.query('plugin::ledger.transfer').count({});
    const before = await count();
    for (const amount of [0, -100, 12.5, 1e12 + 1, '100', null]) {
      const res = await as(app, supplier.token).post(`/prepaid-accounts/${prepaid.id}/top-up`, { amount });
      expect([amount, res.status, Object.keys(res.body.errors ?? {})]).toEqual([amount, 400, ['amount']]);
    }
    expect(await count()).toBe(before);
  });

  it('keeps credit use within the limit and validity, repayments within the unpaid amount', async () => {
    await ledger().freeze(credit.id, 400000, { transferId: 'cf-1' });
    await expect(ledger().freeze(credit.id, 100001, { transferId: 'cf-2' })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await ledger().capture('cf-1', { transferId: 'cc-1' });
    expect(await account(credit.id)).toMatchObject({ creditLimit: 500000, available: 100000, unpaid: 400000, frozen: 0 });
    const lower = await as(app, supplier.token).post(`/credit-accounts/${credit.id}/set-limit`, { creditLimit: 300000, validFrom: '2026-01-01', validTo: '2099-12-31' });
    expect(lower.body.errors).toHaveProperty('creditLimit');
    expect((await as(app, supplier.token).post(`/credit-accounts/${credit.id}/repay`, { amount: 400001 })).body.errors).toHaveProperty('amount');
    await as(app, supplier.token).post(`/credit-accounts/${credit.id}/repay`, { amount: 150000, reference: 'BANK-REPAY' });
    expect(await account(credit.id)).toMatchObject({ available: 250000, unpaid: 250000 });
    await as(app, supplier.token).post(`/credit-accounts/${credit.id}/set-limit`, { creditLimit: 500000, validFrom: '2026-01-01', validTo: '2026-01-02' });
    await expect(ledger().freeze(credit.id, 100, { transferId: 'cf-3' })).rejects.toMatchObject({ code: 'ACCOUNT_EXPIRED' });
    await as(app, supplier.token).post(`/credit-accounts/${credit.id}/set-limit`, { creditLimit: 500000, validFrom: '2026-01-01', validTo: '2099-12-31' });
  });

  // a stopped partnership is the caller's rule (orders refuses to place: partnership-stop.test.ts);
  // the ledger knows only its own tables
  it('refuses freezes on a disabled account, and on a revenue account that is not the pair\'s', async () => {
    await as(app, supplier.token).post(`/prepaid-accounts/${prepaid.id}/disable`);
    await expect(ledger().freeze(prepaid.id, 100, { transferId: 'd-1' })).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    await as(app, supplier.token).post(`/prepaid-accounts/${prepaid.id}/enable`);
    await expect(ledger().freeze(prepaid.id, 100, { transferId: 'd-2', revenueId: prepaid.id })).rejects.toMatchObject({ status: 404 });
    await expect(ledger().freeze(prepaid.id, 100, { transferId: 'd-3', revenueId: credit.id })).rejects.toMatchObject({ status: 404 });
  });
});

describe('statements', () => {
  it('lists every transfer with balance after, filters, and exports to Excel; the seller sees the same', async () => {
    const list = await as(app, supplier.token).list('account-transactions', { filter: { accountId: prepaid.id, kind: 'topup' }, sort: ['createdAt', 'ASC'] });
    expect(list.body[0]).toMatchObject({ kind: 'topup', direction: 'in', amount: 100000, availableAfter: 100000, reference: 'BANK-001', operatorName: 'money_supplier' });
    const byOrder = await as(app, seller.token).list('account-transactions', { filter: { orderRef: 'ORD-1' }, sort: ['id', 'ASC'] });
    expect(byOrder.body.map((r: any) => r.kind)).toEqual(['freeze', 'capture', 'refund']);
    const res = await as(app, seller.token).get(`/account-transactions/export?filter=${encodeURIComponent(JSON.stringify({ accountId: prepaid.id }))}&sort=${encodeURIComponent('["id","ASC"]')}`)
      .buffer(true).parse((response: any, done: any) => { const chunks: Buffer[] = []; response.on('data', (c: Buffer) => chunks.push(c)); response.on('end', () => done(null, Buffer.concat(chunks))); });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as string[]).slice(1, 5)).toEqual(['交易时间', '类型', '金额（元）', '冻结（元）']);
    expect(sheet.getRow(2).getCell(3).value).toBe(1000);
    expect(sheet.actualRowCount - 1).toBe((await as(app, seller.token).list('account-transactions', { filter: { accountId: prepaid.id } })).body.length);
  });
});

describe(`concurrency (${TEST_DB})`, () => {
  it('100 concurrent freezes of 1 yuan against 50 yuan: exactly 50 succeed', async () => {
    const buyer = await tenant(app, 'seller', 'money_race');
    await partner(app, supplier, buyer);
    const acct = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: buyer.enterpriseId })).body;
    await as(app, supplier.token).post(`/prepaid-accounts/${acct.id}/enable`);
    await ledger().topUp(acct.id, 5000, { transferId: 'race-topup' });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => ledger().freeze(acct.id, 100, { transferId: `race-${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    expect(new Set((results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]).map((r) => r.reason.code))).toEqual(new Set(['INSUFFICIENT_FUNDS']));
    expect(await account(acct.id)).toMatchObject({ available: 0, frozen: 5000 });
    const captures = await Promise.allSettled([...Array(3)].map((_, i) => ledger().capture('race-0', { transferId: `race-cap-${i}` })));
    expect(captures.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('property: random operation sequences keep the books', () => {
  it('Σ debits = Σ credits, prepaid ≥ 0, credit used ≤ limit, caches = sums, freezes resolve once, replays change nothing', async () => {
    const buyer = await tenant(app, 'seller', 'money_prop');
    await partner(app, supplier, buyer);
    const pre = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: buyer.enterpriseId })).body;
    const cre = (await as(app, supplier.token).post('/credit-accounts', { sellerId: buyer.enterpriseId })).body;
    await ledger().setStatus(pre.id, 'enabled');
    await ledger().setStatus(cre.id, 'enabled');
    await ledger().setCreditLimit(cre.id, { creditLimit: 100000, validFrom: '2026-01-01', validTo: '2099-12-31' });
    const pendings: string[] = [];
    let run = 0;
    const op = fc.oneof(
      fc.record({ type: fc.constant('topup'), amount: fc.integer({ min: 1, max: 50000 }) }),
      fc.record({ type: fc.constant('freeze'), credit: fc.boolean(), amount: fc.integer({ min: 1, max: 60000 }) }),
      fc.record({ type: fc.constant('capture'), pick: fc.nat(), part: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ type: fc.constant('release'), pick: fc.nat() }),
      fc.record({ type: fc.constant('repay'), amount: fc.integer({ min: 1, max: 30000 }) }),
      fc.record({ type: fc.constant('replay'), pick: fc.nat() }),
    );
    const done: { name: string; call: () => Promise<unknown> }[] = [];
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
      run += 1;
      for (const [i, o] of ops.entries()) {
        const tid = `p${run}-${i}`;
        let call: (() => Promise<unknown>) | null = null;
        if (o.type === 'topup') call = () => ledger().topUp(pre.id, o.amount, { transferId: tid });
        if (o.type === 'freeze') { call = () => ledger().freeze(o.credit ? cre.id : pre.id, o.amount, { transferId: tid }); pendings.push(tid); }
        if (o.type === 'capture' && pendings.length) { const p = pendings[o.pick % pendings.length]; call = async () => { const pending = await app.strapi.db.query('plugin::ledger.transfer').findOne({ where: { transferId: p } }); return ledger().capture(p, { transferId: tid, amount: pending ? Math.max(1, Math.floor(Number(pending.amount) * o.part / 100)) : 1 }); }; }
        if (o.type === 'release' && pendings.length) { const p = pendings[o.pick % pendings.length]; call = () => ledger().release(p, { transferId: tid }); }
        if (o.type === 'repay') call = () => ledger().repay(cre.id, o.amount, { transferId: tid });
        if (o.type === 'replay' && done.length) {
          const previous = done[o.pick % done.length];
          const before = await ledger().check();
          await previous.call().catch(() => undefined);
          const after = await ledger().check();
          expect(after.totals).toEqual(before.totals);
          continue;
        }
        if (!call) continue;
        try { await call(); done.push({ name: tid, call }); } catch (error: any) {
          expect([400, 404, 409]).toContain(error.status); // refused cleanly
        }
      }
      const report = await ledger().check();
      expect(report.mismatches).toEqual([]);
      expect(report.balanced).toBe(true);
      const p = await account(pre.id);
      const c = await account(cre.id);
      expect(p.available).toBeGreaterThanOrEqual(0);
      expect(c.creditLimit - c.available).toBeLessThanOrEqual(c.creditLimit);
      expect(c.available).toBeGreaterThanOrEqual(0);
      const resolved = await app.strapi.db.connection('ledger_transfers').whereNotNull('pending_id').select('pending_id');
      expect(new Set(resolved.map((r: any) => r.pending_id)).size).toBe(resolved.length);
    }), { numRuns: TEST_DB === 'postgres' ? 15 : 25 });
  });
});
