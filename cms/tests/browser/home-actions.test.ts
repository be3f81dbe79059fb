import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { as, signIn, tenant, Tenant, PASSWORD } from '../helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from '../helpers/catalogue';
import { launch, shot, signInThroughUi } from './helpers';

/**
 * Issue 13 items 8 and 21 in Chromium, with the seller and the supplier signed in side by side (two
 * browser contexts): the home pages act — the supplier approves, rejects and fulfils from its 待处理订单,
 * the seller pays from its 待支付订单 — and whatever one side does shows on the other's open pages (the
 * order page, the home lists, the order list) without a reload. A supplier user without the audit and
 * fulfilment keys sees the lists but no button.
 */
let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let sellerPage: Page;
let supplierPage: Page;
let supplier: Tenant;
let seller: Tenant;
let ticket: any;
let gov: any;
const day = shift(today(), 2);

async function open(username: string, password = PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await signInThroughUi(page, app.url, username, password);
  return page;
}
const go = (page: Page, path: string) => page.goto(`${app.url}/console/#/${path}`);
const status = (page: Page, s: string) => page.locator(`[data-testid="order-status"][data-status="${s}"]`).first().waitFor();
const placeGov = async (customerName: string) => {
  const res = await as(app, await signIn(app, seller.username)).post('/orders', {
    channel: 'gov', paymentMode: 'credit', companyName: '某区文旅局', customerName,
    lines: [{ productId: ticket.id, strategyId: gov.id, quantity: 1, day }],
  });
  expect(res.status).toBe(201);
  return res.body;
};

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'home_supplier');
  seller = await tenant(app, 'seller', 'home_seller');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  ticket = await product(app, supplier, { name: '古镇门票' });
  await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 30, from: today(), to: shift(today(), 10) });
  gov = await strategy(app, supplier, [{ productId: ticket.id, price: 8800 }], { channel: 'gov', name: '政企价', businessMode: 'credit', requiresAudit: true });
  const ledger = app.strapi.plugin('ledger').service('ledger');
  const creditId = (await as(app, supplier.token).post('/credit-accounts', { sellerId: seller.enterpriseId })).body.id;
  await ledger.setStatus(creditId, 'enabled');
  await ledger.setCreditLimit(creditId, { creditLimit: 1_000_000, validFrom: shift(today(), -1), validTo: shift(today(), 365) });
  browser = await launch();
  sellerPage = await open('home_seller');
  supplierPage = await open('home_supplier');
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.close();
});

describe('home pages act, and the other side sees it live', () => {
  let order: any;

  it('a new order shows on the supplier\'s home and order list without a reload; the home areas are in the manual\'s order', async () => {
    await go(supplierPage, '');
    await supplierPage.getByTestId('dashboard-pending-audit').waitFor();
    const supplierList = await open('home_supplier');
    await go(supplierList, 'orders/gov');
    await supplierList.locator('.RaList-main').waitFor();
    order = await placeGov('张科长');
    await supplierPage.getByTestId(`pending-audit-${order.id}`).waitFor();
    await supplierList.getByText(order.number).waitFor();
    // 订单数据统计区, 待处理订单快速处理区, 通知公告区 from top to bottom
    const top = async (testId: string) => (await supplierPage.getByTestId(testId).first().boundingBox())!.y;
    const areas = [await top('dashboard-orders-by-status-supplier'), await top('dashboard-pending-audit'), await top('dashboard-announcements')];
    expect([...areas].sort((a, b) => a - b)).toEqual(areas);
    await shot(supplierPage, '40-supplier-home-pending-audit');
  });

  it('the supplier approves from home; the seller\'s open order page shows it without a reload', async () => {
    await go(sellerPage, `my-orders/${order.id}/show`);
    await status(sellerPage, 'pending_audit');
    const row = supplierPage.getByTestId(`pending-audit-${order.id}`);
    await row.getByTestId('order-approve').click();
    await supplierPage.getByRole('dialog').getByRole('button', { name: /确认|Confirm/ }).click();
    await row.waitFor({ state: 'detached' });
    // no reload on the seller's side: the live event refetches the open record
    await status(sellerPage, 'pending_payment');
    await sellerPage.getByTestId('order-pay').waitFor();
    // the history names who approved
    await sellerPage.getByText('操作人：home_supplier（home_supplier 企业）').waitFor();
    await shot(sellerPage, '41-seller-order-approved-live');
  });

  it('the seller pays from home; the supplier\'s home offers 履约 at once', async () => {
    await go(sellerPage, '');
    const row = sellerPage.getByTestId(`pending-payment-${order.id}`);
    // 支付退款统计区, 待支付订单区, 热销榜区, 通知公告区 from top to bottom
    await row.waitFor();
    const top = async (testId: string) => (await sellerPage.getByTestId(testId).first().boundingBox())!.y;
    const areas = [await top('dashboard-pending-payment'), await top('dashboard-ranking'), await top('dashboard-announcements')];
    expect([...areas].sort((a, b) => a - b)).toEqual(areas);
    await shot(sellerPage, '42-seller-home-pending-payment');
    await row.getByTestId('order-pay').click();
    await sellerPage.getByTestId('order-pay-confirm').click();
    await row.waitFor({ state: 'detached' });
    await supplierPage.getByTestId(`pending-fulfilment-${order.id}`).waitFor();
    expect((await app.strapi.db.query('plugin::orders.order').findOne({ where: { id: order.id } })).state).toBe('paid');
  });

  it('the supplier fulfils from home; the seller\'s open order page shows it fulfilled', async () => {
    await go(sellerPage, `my-orders/${order.id}/show`);
    await status(sellerPage, 'paid');
    const row = supplierPage.getByTestId(`pending-fulfilment-${order.id}`);
    await row.getByTestId(`order-fulfil-${order.lines[0].id}`).click();
    await supplierPage.getByTestId('fulfil-code').fill('GZ-20260101');
    await shot(supplierPage, '43-supplier-home-fulfil-dialog');
    await supplierPage.getByTestId('fulfil-submit').click();
    await row.waitFor({ state: 'detached' });
    await status(sellerPage, 'fulfilled');
    await sellerPage.getByText('GZ-20260101').first().waitFor();
    await shot(sellerPage, '44-seller-order-fulfilled-live');
  });

  it('the supplier rejects from home with a reason; the seller sees it rejected', async () => {
    const second = await placeGov('李主任');
    await go(sellerPage, `my-orders/${second.id}/show`);
    await status(sellerPage, 'pending_audit');
    const row = supplierPage.getByTestId(`pending-audit-${second.id}`);
    await row.getByTestId('order-reject').click();
    await supplierPage.getByTestId('order-reject-reason').fill('预算未批');
    await supplierPage.getByTestId('order-reject-submit').click();
    await row.waitFor({ state: 'detached' });
    await status(sellerPage, 'rejected');
    await sellerPage.getByText('预算未批').first().waitFor();
  });

  it('a supplier user without the audit and fulfilment keys sees the lists but no button', async () => {
    const role = await as(app, supplier.token).post('/roles', { name: '只看订单', permissions: ['orders.read'] });
    await as(app, supplier.token).post('/accounts', { username: 'home_viewer', email: 'home_viewer@test.local', password: 'Secret123x', roleIds: [role.body.id] });
    const third = await placeGov('王处长');
    const viewer = await open('home_viewer', 'Secret123x');
    const row = viewer.getByTestId(`pending-audit-${third.id}`);
    await row.waitFor();
    expect(await row.getByTestId('order-approve').count()).toBe(0);
    expect(await row.getByTestId('order-reject').count()).toBe(0);
    await shot(viewer, '45-supplier-viewer-home-no-actions');
  });

  it('small missing features (issue 13 item 10): export the order list, delete a draft agreement, unlock a locked account', async () => {
    // 导出 on the supplier's order list: an Excel file named after the list
    await go(supplierPage, 'orders/gov');
    await supplierPage.getByText(order.number).waitFor();
    const [download] = await Promise.all([supplierPage.waitForEvent('download'), supplierPage.getByTestId('orders-export').click()]);
    expect(download.suggestedFilename()).toBe('订单-政府企业客户.xlsx');
    // 删除 of a draft agreement (none for a confirmed one)
    const draft = (await as(app, supplier.token).post('/agreements', {
      sellerId: seller.enterpriseId, number: 'HOME-DRAFT-1', title: '待删除草稿', validFrom: shift(today(), 1), validTo: shift(today(), 30),
    })).body;
    await go(supplierPage, 'agreements');
    const row = supplierPage.locator('tr', { hasText: 'HOME-DRAFT-1' });
    await row.getByTestId('agreement-delete').click();
    await supplierPage.getByRole('dialog').getByRole('button', { name: /确认|Confirm/ }).click();
    await row.waitFor({ state: 'detached' });
    expect(await app.strapi.db.query('plugin::catalogue.agreement').findOne({ where: { id: draft.id } })).toBeNull();
    // a sub-account locked by wrong passwords shows 已锁定; 解锁 lifts it
    const viewer = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: 'home_viewer' } });
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: viewer.id }, data: { failedLogins: 5, lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    await go(supplierPage, 'accounts');
    await supplierPage.getByTestId(`account-locked-${viewer.id}`).waitFor();
    await shot(supplierPage, '46-supplier-accounts-locked');
    await supplierPage.locator('tr', { hasText: 'home_viewer' }).getByTestId('account-unlock').click();
    await supplierPage.getByRole('dialog').getByRole('button', { name: /确认|Confirm/ }).click();
    await supplierPage.getByTestId(`account-locked-${viewer.id}`).waitFor({ state: 'detached' });
    expect((await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: viewer.id } })).lockedUntil).toBeNull();
  });
});
