import ExcelJS from 'exceljs';
import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

/**
 * Issue 13, items 9, 15, 20 and 27: every money event is in 交易流水 with its operator (limit and validity
 * changes, jobs by name); freezes in the 冻结 column and only posted money in 金额; exports with the
 * screens' labels in the request's language, Beijing times and a file name that says what it covers.
 */
let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let ticket: any;
let individual: any;
let prepaidId: number;
let creditId: number;
const day = shift(today(), 2);
const ledger = () => app.strapi.plugin('ledger').service('ledger');
const figures = async (id: number) => ledger().figures(await ledger().account(id));

const download = (token: string, path: string, lang: 'zh' | 'en' = 'zh') => as(app, token).get(path).set('Accept-Language', lang)
  .buffer(true).parse((res: any, done: any) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
/** The UTF-8 file name of a download (filename*=). */
const fileName = (res: any) => decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]);
const statement = (token: string, filter: Record<string, unknown>) =>
  as(app, token).list('account-transactions', { filter, sort: ['id', 'ASC'] });
async function sheetOf(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as any);
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return { header, rows };
}
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
/** An instant as Beijing time, YYYY-MM-DD HH:mm:ss, computed independently of the server's helper. */
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'stmt_supplier');
  seller = await tenant(app, 'seller', 'stmt_seller');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  ticket = await product(app, supplier, { name: '流水门票' });
  await as(app, supplier.token).post('/stock-days/maintain', {
    productId: ticket.id, mode: 'set', quantity: 20, from: today(), to: shift(today(), 5),
  });
  individual = await strategy(app, supplier, [{ productId: ticket.id, price: 15000 }], { businessMode: 'either' });
  prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  creditId = (await as(app, supplier.token).post('/credit-accounts', { sellerId: seller.enterpriseId })).body.id;
  await as(app, supplier.token).post(`/prepaid-accounts/${prepaidId}/enable`);
  await as(app, supplier.token).post(`/prepaid-accounts/${prepaidId}/top-up`, { amount: 50_000, reference: 'BANK-9' });
  await app.strapi.db.query('plugin::incentives.incentive-rule').create({ data: {
    name: '基础协同', pointsKind: 'collaboration', method: 'per_order', amount: 10, beneficiary: 'seller', event: 'order_paid',
    validFrom: shift(today(), -1), validTo: shift(today(), 30), active: true, priority: 0,
  } });
});
afterAll(async () => {
  const check = await ledger().check();
  expect(check.mismatches).toEqual([]);
  expect(check.balanced).toBe(true);
  await app?.close();
});

const place = () => as(app, seller.token).post('/orders', {
  channel: 'individual', paymentMode: 'prepaid', customerName: '赵先生', customerPhone: '13800000000',
  lines: [{ productId: ticket.id, strategyId: individual.id, quantity: 1, day }],
});

describe('交易流水: every money event, with its operator (item 9)', () => {
  it('shows a credit-limit change with its note and a validity change as 0-amount lines, and the ledger check stays exact', async () => {
    const set = await as(app, supplier.token).post(`/credit-accounts/${creditId}/set-limit`, {
      creditLimit: 500_000, validFrom: shift(today(), -1), validTo: shift(today(), 90), note: '年度授信',
    });
    expect(set.status).toBe(200);
    await as(app, supplier.token).post(`/credit-accounts/${creditId}/set-limit`, {
      creditLimit: 500_000, validFrom: shift(today(), -1), validTo: shift(today(), 180),
    });
    const lines = (await as(app, seller.token).list('account-transactions', { filter: { accountId: creditId }, sort: ['id', 'ASC'] })).body;
    expect(lines.map((l: any) => [l.kind, l.amount, l.postedAmount, l.frozenChange, l.operatorName])).toEqual([
      ['limit', 0, 0, 0, 'stmt_supplier'], ['limit', 0, 0, 0, 'stmt_supplier'],
    ]);
    expect(lines[0].note).toBe(`额度 0.00 → 5000.00 元；有效期 不限 → ${shift(today(), -1)} ~ ${shift(today(), 90)}；年度授信`);
    expect(lines[0].availableAfter).toBe(500_000);
    expect(lines[1].note).toBe(`有效期 ${shift(today(), -1)} ~ ${shift(today(), 90)} → ${shift(today(), -1)} ~ ${shift(today(), 180)}`);
    const onlyLimits = await as(app, supplier.token).list('account-transactions', { filter: { kind: 'limit' } });
    expect(onlyLimits.body).toHaveLength(2);
    const check = await ledger().check();
    expect(check.mismatches).toEqual([]);
    expect(check.balanced).toBe(true);
    expect(await figures(creditId)).toMatchObject({ creditLimit: 500_000, available: 500_000, frozen: 0, unpaid: 0 });
  });

  it('names the job on a release made by the timeout, in the reader\'s language', async () => {
    const order = (await place()).body;
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    expect((await jobs.runNow('orders.close-expired', new Date(Date.now() + 31 * 60_000))).result).toEqual({ closed: 1 });
    const filter = { filter: { orderRef: order.number, kind: 'release' } };
    const zh = (await as(app, seller.token).list('account-transactions', filter)).body;
    expect(zh.map((l: any) => [l.operatorName, l.operatorLabel])).toEqual([['系统（订单超时关闭）', 'job:orders.close-expired']]);
    const en = (await as(app, seller.token).list('account-transactions', filter).set('Accept-Language', 'en')).body;
    expect(en[0].operatorName).toBe('System (unpaid order timed out)');
  });
});

describe('金额 and 冻结 (item 20)', () => {
  it('counts a paid order once in the amount column and shows its freeze and capture in the frozen column', async () => {
    const order = (await place()).body;
    expect((await as(app, seller.token).post(`/orders/${order.id}/pay`)).body.status).toBe('paid');
    const lines = (await statement(seller.token, { orderRef: order.number })).body;
    expect(lines.map((l: any) => [l.kind, l.amount, l.postedAmount, l.frozenChange])).toEqual([
      ['freeze', 15_000, 0, 15_000], ['capture', 15_000, -15_000, 0 - 15_000],
    ]);
    // over the whole account: 金额 adds up to the balance, 冻结 to what is frozen now
    const all = (await as(app, seller.token).list('account-transactions', { filter: { accountId: prepaidId } })).body;
    const now = await figures(prepaidId);
    expect(all.reduce((s: number, l: any) => s + l.postedAmount, 0)).toBe(now.balance);
    expect(all.reduce((s: number, l: any) => s + l.frozenChange, 0)).toBe(now.frozen);
    expect(now.balance).toBe(50_000 - 15_000);
  });

  it('takes off the whole freeze when a capture takes less', async () => {
    await ledger().freeze(prepaidId, 3_000, { transferId: 'stmt-partial-freeze', orderRef: 'PARTIAL-1' });
    await ledger().capture('stmt-partial-freeze', { transferId: 'stmt-partial-capture', amount: 2_000 });
    const lines = (await statement(seller.token, { orderRef: 'PARTIAL-1' })).body;
    expect(lines.map((l: any) => [l.kind, l.postedAmount, l.frozenChange])).toEqual([['freeze', 0, 3_000], ['capture', -2_000, -3_000]]);
  });
});

describe('Excel exports (items 15 and 27)', () => {
  it('exports the statement with labels in the request\'s language, Beijing times, 金额 and 冻结, and a telling file name', async () => {
    const from = shift(today(), -1);
    const filter = { accountId: prepaidId, createdAt_gte: `${from}T00:00:00+08:00`, createdAt_lte: `${today()}T23:59:59+08:00` };
    const path = `/account-transactions/export?filter=${q(filter)}&sort=${q(['id', 'ASC'])}`;
    const list = (await as(app, seller.token).list('account-transactions', { filter, sort: ['id', 'ASC'] })).body;

    const zh = await download(seller.token, path, 'zh');
    expect(zh.status).toBe(200);
    const disposition = zh.headers['content-disposition'];
    expect(disposition).toContain(`filename="account-transactions-${from}_${today()}.xlsx"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`交易流水-stmt_supplier 企业-预付款-${from}_${today()}.xlsx`)}`);
    // the seller's file names the supplier; the supplier's names the seller
    const theirs = await download(supplier.token, path, 'zh');
    expect(fileName(theirs)).toBe(`交易流水-stmt_seller 企业-预付款-${from}_${today()}.xlsx`);

    const { header, rows } = await sheetOf(zh.body);
    expect(header.slice(0, 4)).toEqual(['交易时间', '类型', '金额（元）', '冻结（元）']);
    const zhKinds: Record<string, string> = { topup: '充值', freeze: '冻结', capture: '扣款', release: '解冻' };
    expect(rows.map((r) => r['类型'])).toEqual(list.map((l: any) => zhKinds[l.kind]));
    expect(rows.map((r) => r['交易时间'])).toEqual(list.map((l: any) => beijing(l.createdAt)));
    expect(rows[0]['交易时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(rows.map((r) => r['金额（元）'])).toEqual(list.map((l: any) => l.postedAmount / 100));
    expect(rows.map((r) => r['冻结（元）'])).toEqual(list.map((l: any) => l.frozenChange / 100));
    expect(rows.find((r) => r['类型'] === '解冻')?.['操作人']).toBe('系统（订单超时关闭）');
    expect(JSON.stringify(rows)).not.toMatch(/"(topup|freeze|capture|release|in|out)"/);

    const en = await download(seller.token, path, 'en');
    expect(fileName(en)).toBe(`Account transactions-stmt_supplier 企业-prepaid-${from}_${today()}.xlsx`);
    const english = await sheetOf(en.body);
    expect(english.header.slice(0, 4)).toEqual(['Time', 'Kind', 'Amount (yuan)', 'Frozen (yuan)']);
    expect(new Set(english.rows.map((r) => r.Kind))).toEqual(new Set(['Top-up', 'Freeze', 'Payment', 'Release']));
    expect(english.rows.find((r) => r.Kind === 'Release')?.Operator).toBe('System (unpaid order timed out)');
  });

  it('exports incentive records and the channel report with labels, not codes', async () => {
    const records = (await as(app, seller.token).list('incentive-records', { filter: { kind: 'collaboration' } })).body;
    expect(records.length).toBeGreaterThan(0);
    const zh = await download(seller.token, `/incentive-records/export?filter=${q({ kind: 'collaboration' })}`, 'zh');
    expect(fileName(zh)).toBe('激励明细-协同值.xlsx');
    const sheet = await sheetOf(zh.body);
    expect(sheet.rows[0]).toMatchObject({ 类型: '协同值', 事件: '订单支付', 渠道: '个人客户', 时间: beijing(records[0].createdAt) });
    const en = await sheetOf((await download(seller.token, `/incentive-records/export?filter=${q({ kind: 'collaboration' })}`, 'en')).body);
    expect(en.rows[0]).toMatchObject({ Kind: 'Collaboration points', Event: 'Order paid', Channel: 'Individual' });

    const report = `/orders/report-export?groupBy=channel&from=${today()}&to=${today()}`;
    expect((await sheetOf((await download(supplier.token, report, 'zh')).body)).rows[0]['渠道']).toBe('个人客户');
    expect((await sheetOf((await download(supplier.token, report, 'en')).body)).rows[0].Channel).toBe('Individual');
  });

  it('exports the order lists (issue 13 item 10): the list\'s filter and tenancy, labels not codes, Beijing times, yuan', async () => {
    const outsider = await tenant(app, 'seller', 'stmt_outsider');
    const filter = { channel: 'individual', sellerId: seller.enterpriseId };
    const list = (await as(app, seller.token).list('orders', { filter, sort: ['id', 'ASC'] })).body;
    expect(list.length).toBeGreaterThan(1);
    const zh = await download(seller.token, `/orders/export?filter=${q(filter)}&sort=${q(['id', 'ASC'])}`, 'zh');
    expect(zh.status).toBe(200);
    expect(fileName(zh)).toBe('订单-个人客户.xlsx');
    const { header, rows } = await sheetOf(zh.body);
    expect(header.slice(0, 4)).toEqual(['订单号', '下单时间', '渠道', '订单状态']);
    expect(rows.map((r) => r['订单号'])).toEqual(list.map((o: any) => o.number));
    expect(rows.map((r) => r['下单时间'])).toEqual(list.map((o: any) => beijing(o.createdAt)));
    expect(rows.map((r) => r['订单金额（元）'])).toEqual(list.map((o: any) => o.totalAmount / 100));
    expect(rows[0]).toMatchObject({ 渠道: '个人客户', 结算方式: '预付款', 供货方: 'stmt_supplier 企业', 客户姓名: '赵先生' });
    const zhStatus: Record<string, string> = { paid: '已支付', closed: '已关闭', pending_payment: '待支付', cancelled: '已取消', refunded: '已退款' };
    expect(rows.map((r) => r['订单状态'])).toEqual(list.map((o: any) => zhStatus[o.status] ?? expect.not.stringMatching(/^[a-z_]+$/)));
    expect(JSON.stringify(rows)).not.toMatch(/"(individual|prepaid|credit|paid|closed|pending_payment)"/);
    // a status filter narrows the file and names it
    const paid = await download(supplier.token, `/orders/export?filter=${q({ channel: 'individual', status: 'paid' })}`, 'en');
    expect(fileName(paid)).toBe('Orders-Individual-Paid.xlsx');
    const english = await sheetOf(paid.body);
    expect(english.rows.length).toBe(list.filter((o: any) => o.status === 'paid').length);
    expect(new Set(english.rows.map((r) => `${r.Channel}/${r.Status}/${r.Payment}`))).toEqual(new Set(['Individual/Paid/Prepaid']));
    // another enterprise's export holds none of these orders
    const theirs = await sheetOf((await download(outsider.token, `/orders/export?filter=${q({})}`, 'zh')).body);
    expect(theirs.rows).toEqual([]);
    expect((await sheetOf((await download(outsider.token, `/orders/export?filter=${q({ sellerId: seller.enterpriseId })}`, 'zh')).body)).rows).toEqual([]);
  });
});
