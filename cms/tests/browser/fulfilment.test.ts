import type { Browser, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { as, tenant, Tenant, PASSWORD } from '../helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from '../helpers/catalogue';
import { launch, shot, signInThroughUi, signOut } from './helpers';

/**
 * Issue 13 items 2, 7 and 11 in Debian's Chromium: the cart's checkout of goods sent by courier asks
 * for the receiver (and no 使用日期 for them alone), totals at the current prices and stays open with
 * each refused line's message; the supplier fulfils a line as failed with a reason, another as partly
 * used, corrects the failure afterwards, and both sides read who did what in the order's history.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
let supplier: Tenant;
let seller: Tenant;
let tea: any;
let ticket: any;
let offer: any;
let orderId: number;
const day = shift(today(), 2);
const ORDER = 'plugin::orders.order';
const go = (path: string) => page.goto(`${app.url}/console/#/${path}`);
const setPrice = (productId: number, price: number) =>
  app.strapi.db.query('plugin::catalogue.strategy-line').update({ where: { strategyId: offer.id, productId }, data: { price } });
const dialog = () => page.getByRole('dialog');

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'fb_supplier');
  seller = await tenant(app, 'seller', 'fb_seller');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  tea = await product(app, supplier, { category: 'retail', name: '龙井茶礼盒', sku: 'LJ-B', shippingRequired: true, fulfilmentMode: 'courier', stockMode: 'total' });
  ticket = await product(app, supplier, { name: '湖景门票' });
  await as(app, supplier.token).post('/stock-days/maintain', { productId: tea.id, mode: 'set', quantity: 30 });
  await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 30, from: today(), to: shift(today(), 10) });
  offer = await strategy(app, supplier, [{ productId: tea.id, price: 26800 }, { productId: ticket.id, price: 10000 }], { businessMode: 'prepaid' });
  const prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  const ledger = app.strapi.plugin('ledger').service('ledger');
  await ledger.setStatus(prepaidId, 'enabled');
  await ledger.topUp(prepaidId, 1_000_000, { transferId: 'fb-topup' });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => { throw error; });
  await signInThroughUi(page, app.url, 'fb_seller', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('courier receiver, checkout at current prices, fulfilment and its correction (issue 13 items 2, 7, 11)', () => {
  it('立即下单 of goods sent by courier asks for the receiver and no 使用日期', async () => {
    await go(`order/individual/create?productId=${tea.id}&strategyId=${offer.id}&quantity=1`);
    await page.getByTestId('receiver-inputs').waitFor();
    expect(await page.locator('input[name="visitDate"]').count()).toBe(0);
    await page.locator('input[name="customerName"]').fill('王先生');
    await page.locator('input[name="receiverName"]').fill('李收货');
    await page.locator('input[name="receiverPhone"]').fill('12345');
    await page.locator('input[name="receiverAddress"]').fill('杭州市西湖区文三路 1 号');
    await page.getByTestId('order-submit').click();
    await page.getByText('收货人电话格式不正确').first().waitFor();
    await shot(page, 'h1-01-order-form-courier-receiver');
    expect(await app.strapi.db.query(ORDER).count({ where: { sellerId: seller.enterpriseId } })).toBe(0);
  });

  it('checks out at the current prices and keeps the dialog, with what was typed, when a line is refused', async () => {
    const teaItem = (await as(app, seller.token).post('/cart-items', { channel: 'individual', productId: tea.id, strategyId: offer.id, quantity: 1 })).body;
    const ticketItem = (await as(app, seller.token).post('/cart-items', { channel: 'individual', productId: ticket.id, strategyId: offer.id, quantity: 3, day })).body;
    await setPrice(tea.id, 28800); // before the dialog opens: shown and taken
    await go('cart');
    await page.getByTestId(`cart-select-${teaItem.id}`).check();
    await page.getByTestId(`cart-select-${ticketItem.id}`).check();
    await page.getByTestId('cart-checkout').click();
    await page.getByTestId(`checkout-price-${teaItem.id}`).waitFor();
    const summary = page.getByTestId('checkout-summary');
    await summary.filter({ hasText: '¥588.00' }).waitFor(); // 288 + 3 × 100, not the old 268
    await page.getByTestId('receiver-inputs').waitFor();
    await page.locator('input[name="visitDate"]').waitFor(); // the ticket is used on a day
    await page.locator('input[name="customerName"]').fill('王先生');
    await page.locator('input[name="receiverName"]').fill('李收货');
    await page.locator('input[name="receiverPhone"]').fill('13912345678');
    await page.locator('input[name="receiverAddress"]').fill('杭州市西湖区文三路 1 号');
    await shot(page, 'h1-02-checkout-current-prices');

    await setPrice(ticket.id, 12000); // while the dialog is open: the server refuses that line
    await page.getByTestId('order-submit').click();
    await page.getByTestId(`checkout-line-error-${ticketItem.id}`).waitFor();
    expect(await page.getByTestId(`checkout-line-error-${ticketItem.id}`).textContent()).toContain('价格已由 100.00 元变为 120.00 元');
    await page.getByTestId('checkout-error').waitFor();
    expect(await page.getByTestId('checkout-dialog').isVisible()).toBe(true);
    expect(await page.locator('input[name="receiverAddress"]').inputValue()).toBe('杭州市西湖区文三路 1 号');
    expect(await page.locator('input[name="customerName"]').inputValue()).toBe('王先生');
    await summary.filter({ hasText: '¥648.00' }).waitFor(); // recomputed: 288 + 3 × 120
    await shot(page, 'h1-03-checkout-refused-kept-open');

    await page.getByTestId('order-submit').click();
    await page.getByTestId('checkout-result').waitFor();
    const order = await app.strapi.db.query(ORDER).findOne({ where: { sellerId: seller.enterpriseId } });
    expect(Number(order.totalAmount)).toBe(64800);
    expect(order).toMatchObject({ receiverName: '李收货', receiverPhone: '13912345678', receiverAddress: '杭州市西湖区文三路 1 号' });
    orderId = order.id;
    expect((await as(app, seller.token).post(`/orders/${orderId}/pay`)).body.status).toBe('paid');
  });

  it('the supplier fulfils as failed (with a reason) and partly used, then corrects the failure; the history names who', async () => {
    await signOut(page);
    await signInThroughUi(page, app.url, 'fb_supplier', PASSWORD);
    const lines = await app.strapi.db.query('plugin::orders.order-line').findMany({ where: { orderId }, orderBy: { id: 'asc' } });
    const teaLine = lines.find((l: any) => l.productId === tea.id);
    const ticketLine = lines.find((l: any) => l.productId === ticket.id);
    await go(`orders/individual/${orderId}/show`);
    await page.getByTestId('order-receiver').waitFor();

    await page.getByTestId(`order-fulfil-${teaLine.id}`).click();
    await page.getByTestId('fulfil-receiver').waitFor();
    expect(await page.getByTestId('fulfil-receiver').textContent()).toContain('李收货');
    await shot(page, 'h1-04-fulfil-dialog-receiver');
    await dialog().getByLabel('履约失败').check();
    await page.getByTestId('fulfil-reason').fill('仓库缺货，无法发货');
    await page.getByTestId('fulfil-submit').click();
    await page.locator(`[data-testid="line-status-${teaLine.id}"][data-status="failed"]`).waitFor();

    await page.getByTestId(`order-fulfil-${ticketLine.id}`).click();
    await dialog().getByLabel('部分使用').check();
    await page.getByTestId('fulfil-used').fill('2');
    await page.getByTestId('fulfil-code').fill('QR-77');
    await shot(page, 'h1-05-fulfil-partly-used');
    await page.getByTestId('fulfil-submit').click();
    await page.locator(`[data-testid="line-status-${ticketLine.id}"][data-status="partial"]`).waitFor();
    await page.locator('[data-testid="order-status"][data-status="fulfilled"]').waitFor();

    await page.getByTestId(`order-correct-${teaLine.id}`).click();
    await dialog().getByLabel('已履约').check();
    await page.getByTestId('fulfil-courier').fill('顺丰');
    await page.getByTestId('fulfil-tracking').fill('SF100200');
    await page.getByTestId('fulfil-reason').fill('补货后已发出');
    await page.getByTestId('fulfil-submit').click();
    await page.locator(`[data-testid="line-status-${teaLine.id}"][data-status="fulfilled"]`).waitFor();
    const correction = page.locator('[data-action="correct-fulfilment"]');
    await correction.waitFor();
    const text = await correction.textContent();
    expect(text).toContain('更正履约');
    expect(text).toContain('履约失败 · 仓库缺货，无法发货 → 已履约 · 顺丰 SF100200');
    expect(text).toContain('操作人：');
    expect(text).toContain('补货后已发出');
    await shot(page, 'h1-06-supplier-order-corrected');
  });

  it('the seller reads the same history and may refund the unused tickets', async () => {
    await signOut(page);
    await signInThroughUi(page, app.url, 'fb_seller', PASSWORD);
    await go(`my-orders/${orderId}/show`);
    await page.locator('[data-action="correct-fulfilment"]').waitFor();
    await page.getByTestId('order-receiver').waitFor();
    expect(await page.getByTestId('order-events').textContent()).toContain('部分使用 · 已使用 2 份 · 确认码 QR-77');
    await page.getByTestId('order-refund').click();
    const lines = await app.strapi.db.query('plugin::orders.order-line').findMany({ where: { orderId, productId: ticket.id } });
    expect(await page.getByTestId(`order-refund-quantity-${lines[0].id}`).inputValue()).toBe('1');
    await shot(page, 'h1-07-seller-refund-unused');
  });
});
