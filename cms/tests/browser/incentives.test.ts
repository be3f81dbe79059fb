import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { as, tenant, Tenant, PASSWORD } from '../helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from '../helpers/catalogue';
import { launch, shot, signInThroughUi } from './helpers';

/**
 * Incentives and reports in Debian's Chromium: after a paid and fulfilled order the seller sees the
 * new collaboration and bonus records, the home figures move, and the sales report exports to a valid
 * Excel file with the same totals.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
let supplier: Tenant;
let seller: Tenant;
let order: any;
const day = shift(today(), 1);
const RULE = 'plugin::incentives.incentive-rule';
const go = (path: string) => page.goto(`${app.url}/console/#/${path}`);

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'ui_inc_supplier');
  seller = await tenant(app, 'seller', 'ui_inc_seller');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  const ticket = await product(app, supplier, { name: '激励测试门票' });
  await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 20, from: today(), to: shift(today(), 3) });
  const offer = await strategy(app, supplier, [{ productId: ticket.id, price: 25000 }], { businessMode: 'prepaid' });
  const account = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  const ledger = app.strapi.plugin('ledger').service('ledger');
  await ledger.setStatus(account, 'enabled');
  await ledger.topUp(account, 1_000_000, { transferId: 'ui-inc-topup' });
  const validity = { validFrom: shift(today(), -1), validTo: shift(today(), 30), active: true, priority: 0, beneficiary: 'seller' };
  await app.strapi.db.query(RULE).create({ data: { ...validity, name: '支付协同值', pointsKind: 'collaboration', event: 'order_paid', method: 'per_order', amount: 10 } });
  await app.strapi.db.query(RULE).create({ data: { ...validity, name: '履约奖金', pointsKind: 'bonus', event: 'order_fulfilled', method: 'basis_points', amount: 200 } });
  // the order: placed and paid by the seller, fulfilled by the supplier
  const created = await as(app, seller.token).post('/orders', { channel: 'individual', paymentMode: 'prepaid', customerName: '激励客户', lines: [{ productId: ticket.id, strategyId: offer.id, quantity: 2, day }] });
  order = created.body;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  page.on('pageerror', (error) => { throw error; });
  await signInThroughUi(page, app.url, 'ui_inc_seller', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('incentives and reports in a real browser', () => {
  it('moves the seller home\'s figures when the order is paid', async () => {
    await go('');
    await page.getByTestId('stats-seller-today-payments').waitFor();
    expect(await page.getByTestId('stats-seller-today-payments').getAttribute('data-fen')).toBe('0');
    await shot(page, 'inc-01-home-before');
    expect((await as(app, seller.token).post(`/orders/${order.id}/pay`)).status).toBe(200);
    for (const line of order.lines) expect((await as(app, supplier.token).post(`/orders/${order.id}/fulfil`, { lineId: line.id, confirmationCode: 'UI-1' })).status).toBe(200);
    await page.reload();
    await page.locator('[data-testid="stats-seller-today-payments"][data-fen="50000"]').waitFor();
    expect(await page.getByTestId('stats-seller-today-payments').textContent()).toContain('500.00');
    await page.getByTestId('ranking').getByText('激励测试门票').waitFor();
    await shot(page, 'inc-02-home-after');
  });

  it('shows the new collaboration and bonus records with their balances', async () => {
    await go('incentives/collaboration');
    await page.locator('[data-testid="incentive-balance"][data-points="10"]').waitFor();
    await page.getByTestId(`incentive-order-${order.id}`).first().waitFor();
    await page.getByTestId('incentives-collaboration').getByText('支付协同值').waitFor();
    await shot(page, 'inc-03-collaboration');
    await go('incentives/bonus');
    // 2 % of 500.00 yuan = 10 points, granted on fulfilment
    await page.locator('[data-testid="incentive-balance"][data-points="10"]').waitFor();
    await page.getByTestId('incentives-bonus').getByText('履约奖金').waitFor();
    await page.getByTestId('incentives-bonus').getByText('订单履约').first().waitFor();
    await shot(page, 'inc-04-bonus');
  });

  it('exports the sales report to a valid Excel file with the same totals', async () => {
    await go('reports');
    await page.getByTestId('report-tab-product').click();
    await page.getByTestId('report-totals').getByText('¥500.00').first().waitFor();
    await page.getByTestId('report-row').filter({ hasText: '激励测试门票' }).waitFor();
    await shot(page, 'inc-05-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    const file = await download.path();
    const ExcelJS = require('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(file!));
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values.slice(1)).toEqual(['产品', '订单数', '数量', '销售额（元）', '退款（元）', '净额（元）']);
    expect(sheet.getRow(2).values.slice(1)).toEqual(['激励测试门票', 1, 2, 500, 0, 500]);
    expect(sheet.getRow(3).values.slice(1)).toEqual(['合计', 1, 2, 500, 0, 500]);
  });
});
