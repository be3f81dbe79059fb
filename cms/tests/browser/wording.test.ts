import type { Browser, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { as, tenant, Tenant, PASSWORD } from '../helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from '../helpers/catalogue';
import { launch, shot, signInThroughUi, signOut } from './helpers';

/**
 * Issue 13 ("business gaps and console polish") in Debian's Chromium: titles are menu names, messages
 * name things, dialogs ask with names, forms explain their first error in Chinese.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
let supplier: Tenant;
let seller: Tenant;
let part: { id: number };

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'w_supplier');
  seller = await tenant(app, 'seller', 'w_seller');
  await partner(app, supplier, seller);
  part = await product(app, supplier, { name: '西湖门票', stockMode: 'none' });
  await product(app, supplier, { name: '灵隐寺门票' });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => { throw error; });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const title = () => page.locator('#react-admin-title').innerText();

describe('console wording (issue 13)', () => {
  it('titles pages with their menu names and a role\'s delete dialog names the role and who holds it', async () => {
    const admin = as(app, supplier.token);
    const role = (await admin.post('/roles', { name: '下单员', permissions: ['orders.read'] })).body;
    await admin.post('/accounts', { username: 'w_clerk', email: 'w_clerk@test.local', password: 'Secret123x', displayName: '张三', roleIds: [role.id] }).expect(201);
    await signInThroughUi(page, app.url, 'w_supplier', PASSWORD);
    await page.goto(`${app.url}/console/#/notifications`);
    await page.waitForFunction(() => document.querySelector('#react-admin-title')?.textContent?.includes('我的消息'));
    expect(await title()).toBe('我的消息');
    await page.goto(`${app.url}/console/#/roles`);
    await page.getByText('张三').first().waitFor();
    expect(await title()).toBe('角色权限');
    await page.locator('tr', { hasText: '下单员' }).getByRole('button', { name: '删除' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('删除角色「下单员」');
    expect(await dialog.innerText()).toContain('角色「下单员」由 张三 持有');
    await shot(page, 'w1-role-delete-held');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText('角色已删除').waitFor();
    await shot(page, 'w2-role-deleted');
  });

  it('the invalid-form toast says the first field\'s own message and the form uses no browser tooltip', async () => {
    await page.goto(`${app.url}/console/#/products/ticket/create`);
    await page.locator('input[name="referencePrice"]').fill('1.234');
    await page.locator('button[type="submit"]').click();
    const toast = page.locator('.MuiSnackbarContent-message', { hasNotText: '角色已删除' });
    await toast.waitFor();
    const text = await toast.innerText();
    expect(text).not.toContain('表单输入无效');
    expect(text).toMatch(/^产品名称：/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    expect(await page.locator('form').first().getAttribute('novalidate')).not.toBeNull();
    await shot(page, 'w3-first-field-error');
  });

  it('a combo line added with ⊕ opens its product picker with choices, and a strategy line added with ⊕ starts at 起订量 1', async () => {
    await page.goto(`${app.url}/console/#/products/combo/create`);
    const items = page.getByTestId('combo-items');
    await items.locator('.button-add').first().click();
    const lastPicker = page.locator('input[name$=".productId"]').last();
    await lastPicker.click();
    await page.getByRole('option', { name: '灵隐寺门票' }).waitFor({ timeout: 5000 });
    await shot(page, 'w4-combo-picker');
    await page.keyboard.press('Escape');
    await page.goto(`${app.url}/console/#/strategies/individual/create`);
    await page.getByTestId('strategy-lines').locator('.button-add').first().click();
    expect(await page.locator('input[name="lines.1.minQuantity"]').inputValue()).toBe('1');
  });

  it('switching the stock mode of a product that has sold asks first and says what happens to the calendar', async () => {
    await app.strapi.db.query('plugin::orders.order-line').create({ data: {
      orderId: 999999, productId: part.id, productName: '西湖门票', strategyId: 1, quantity: 4, unitPrice: 8000, amount: 32000, fulfilmentStatus: 'fulfilled',
    } });
    await page.goto(`${app.url}/console/#/products/ticket/${part.id}`);
    await page.locator('input[name="name"]').waitFor();
    expect(await title()).toBe('编辑门票产品「西湖门票」');
    await page.locator('input[name="stockMode"]').locator('..').getByRole('combobox').click();
    await page.getByRole('option', { name: '日历库存', exact: true }).click();
    await page.locator('button[type="submit"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('warnings').waitFor();
    expect(await dialog.innerText()).toContain('该产品已售出 4 件');
    expect(await dialog.innerText()).toContain('每个使用日期都要在库存日历上设置数量');
    await shot(page, 'w5-stock-mode-warning');
    expect((await app.strapi.db.query('plugin::catalogue.product').findOne({ where: { id: part.id } })).stockMode).toBe('none');
    await dialog.getByRole('button', { name: '仍然继续' }).click();
    await page.getByText('门票产品已保存').waitFor();
    expect((await app.strapi.db.query('plugin::catalogue.product').findOne({ where: { id: part.id } })).stockMode).toBe('daily');
  });

  it('the seller sees a combo\'s parts in the order drawer, the account balance when paying, and English notification titles', async () => {
    const boat = await product(app, supplier, { name: '游船票', stockMode: 'none' });
    const combo = await product(app, supplier, { name: '西湖套票', isCombo: true, comboItems: [{ productId: boat.id, quantity: 2 }], mainProductId: boat.id });
    await agreement(app, supplier, seller);
    const offer = await strategy(app, supplier, [{ productId: combo.id, price: 15000 }], { businessMode: 'prepaid' });
    const ledger = app.strapi.plugin('ledger').service('ledger');
    const prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
    await ledger.setStatus(prepaidId, 'enabled');
    await ledger.topUp(prepaidId, 100_000, { transferId: 'wording-topup' });
    const placed = await as(app, seller.token).post('/orders', {
      channel: 'individual', paymentMode: 'prepaid', customerName: '王先生',
      lines: [{ productId: combo.id, strategyId: offer.id, quantity: 1, day: shift(today(), 2) }],
    });
    expect(placed.status).toBe(201);
    await signOut(page);
    await signInThroughUi(page, app.url, 'w_seller', PASSWORD);
    await page.goto(`${app.url}/console/#/order/individual`);
    await page.getByTestId(`catalogue-card-${combo.id}`).click();
    await page.getByText('游船票 × 2').waitFor();
    await shot(page, 'w6-combo-parts');
    await page.keyboard.press('Escape');
    await page.goto(`${app.url}/console/#/my-orders/${placed.body.id}/show`);
    await page.getByTestId('order-pay').click();
    await page.getByTestId('order-pay-available').waitFor();
    expect(await page.getByTestId('order-pay-available').innerText()).toBe('账户可用余额：¥850.00');
    await shot(page, 'w7-pay-balance');
    await page.keyboard.press('Escape');
    // English: the partnership notice (stored as a kind with parameters) reads in English
    await page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
    await page.goto(`${app.url}/console/#/notifications`);
    await page.reload();
    await page.getByText('added your company as a partner seller').first().waitFor();
    expect(await title()).toBe('Messages');
    await shot(page, 'w8-notifications-en');
    await page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('zh')));
  });
});
