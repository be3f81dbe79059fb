import type { Browser, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { as, tenant, Tenant, PASSWORD } from '../helpers/fixtures';
import { partner, product } from '../helpers/catalogue';
import { launch, shot, signInThroughUi } from './helpers';

/**
 * Issue 13 ("business gaps and console polish") in Debian's Chromium: titles are menu names, messages
 * name things, dialogs ask with names, forms explain their first error in Chinese.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
let supplier: Tenant;
let seller: Tenant;

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'w_supplier');
  seller = await tenant(app, 'seller', 'w_seller');
  await partner(app, supplier, seller);
  await product(app, supplier, { name: '西湖门票' });
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
});
