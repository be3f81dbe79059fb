import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { launch, shot, signInThroughUi, signOut } from './helpers';

/**
 * The console in Debian's Chromium against the real server (which serves the built console under
 * /console), signed in with the demo accounts the README prints.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
const PASSWORD = 'Demo@123456';

beforeAll(async () => {
  app = await startApp();
  const { seedDemo } = require('../../dist/src/seed/demo');
  await seedDemo(app.strapi);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => { throw error; });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const USER = 'plugin::users-permissions.user';
const EMPLOYEE = 'plugin::identity.employee';

describe('console shell in a real browser', () => {
  it('signs a supplier admin in and shows the supplier menu, in Chinese', async () => {
    await signInThroughUi(page, app.url, 'supplier1', PASSWORD);
    await page.getByTestId('menu-products').waitFor();
    await page.getByTestId('menu-strategies').waitFor();
    await page.getByTestId('menu-order-management').waitFor();
    expect(await page.getByTestId('menu-ordering').count()).toBe(0);
    expect(await page.getByTestId('menu-my-orders').count()).toBe(0);
    expect(await page.getByTestId('account-name').textContent()).toBe('华夏文旅管理员');
    await page.getByText('供货方首页').first().waitFor(); // the home page is a chunk of its own: wait for it
    await shot(page, '01-supplier-home');
  });

  it('creates a sub-account through the form', async () => {
    await page.goto(`${app.url}/console/#/accounts/create`);
    await page.locator('input[name="username"]').fill('ui_clerk');
    await page.locator('input[name="password"]').fill('Secret123x');
    await page.locator('input[name="displayName"]').fill('界面创建的账号');
    await page.locator('input[name="email"]').fill('ui_clerk@demo.local');
    await shot(page, '02-account-create');
    await page.locator('button[type="submit"]').click();
    await page.getByText('ui_clerk@demo.local').waitFor();
    await shot(page, '03-account-list');
    const user = await app.strapi.db.query(USER).findOne({ where: { username: 'ui_clerk' } });
    const supplier = await app.strapi.db.query('plugin::identity.enterprise').findOne({ where: { creditCode: '91110000MA01DEM01A' } });
    expect(user).toMatchObject({ enterpriseId: supplier.id, isEnterpriseAdmin: false, displayName: '界面创建的账号' });
  });

  it('imports employees from an Excel file, after a preview of every row (issue 13 item 10)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('员工');
    sheet.addRow(['工号', '姓名', '手机', '邮箱', '部门', '职位']);
    sheet.addRow(['UI001', '界面导入一', '13900000001', null, '票务部', '专员']);
    sheet.addRow(['UI002', '界面导入二', '13900000002', null, '票务部', '主管']);
    sheet.addRow(['UI003', null, null, 'not-an-email', null, null]);
    const file = path.join(os.tmpdir(), `cop-employees-${process.pid}.xlsx`);
    await book.xlsx.writeFile(file);
    await page.goto(`${app.url}/console/#/employees`);
    await page.getByTestId('employees-template').waitFor();
    // a bad row: the preview names it and offers no import
    await page.getByTestId('employees-import').setInputFiles(file);
    await page.locator('[data-testid="import-preview-row-4"][data-result="invalid"]').waitFor();
    expect(await page.getByTestId('import-preview-row-4').textContent()).toContain('姓名：不能为空');
    expect(await page.getByTestId('employees-import-confirm').isDisabled()).toBe(true);
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
    await shot(page, '04-employees-import-preview-invalid');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    expect(await app.strapi.db.query(EMPLOYEE).count({ where: { employeeNo: { $in: ['UI001', 'UI002'] } } })).toBe(0);
    sheet.spliceRows(4, 1);
    await book.xlsx.writeFile(file);
    await page.getByTestId('employees-import').setInputFiles(file);
    await page.locator('[data-testid="import-preview-row-3"][data-result="ok"]').waitFor();
    expect(await page.getByTestId('import-preview-summary').textContent()).toContain('可导入 2 行');
    await page.waitForTimeout(400);
    await shot(page, '04-employees-import-preview');
    await page.getByTestId('employees-import-confirm').click();
    await page.getByTestId('employees-import-preview').waitFor({ state: 'detached' });
    await page.getByText('界面导入二').waitFor();
    await shot(page, '04-employees-imported');
    fs.rmSync(file, { force: true });
    expect(await app.strapi.db.query(EMPLOYEE).count({ where: { employeeNo: { $in: ['UI001', 'UI002'] } } })).toBe(2);
  });

  it('sets an employee\'s mini-program password, with which the employee signs in', async () => {
    const employee = await app.strapi.db.query(EMPLOYEE).findOne({ where: { employeeNo: 'UI001' } });
    await page.getByTestId(`mini-password-${employee.id}`).click();
    await page.getByTestId('mini-password-input').fill('Mini12345');
    await page.getByTestId('mini-password-submit').click();
    await page.getByTestId('mini-password-submit').waitFor({ state: 'detached' });
    const enterprise = await app.strapi.db.query('plugin::identity.enterprise').findOne({ where: { id: employee.enterpriseId } });
    const { BYPASS } = await import('../helpers/app');
    const res = await app.http.post('/api/mini/auth/login').send({ creditCode: enterprise.creditCode, employeeNo: 'UI001', password: 'Mini12345', captchaId: 'x', captchaCode: BYPASS });
    expect(res.status).toBe(200);
    expect(res.body.employee.name).toBe('界面导入一');
  });

  it('shows a seller admin the seller menu and none of the supplier pages', async () => {
    await signOut(page);
    await signInThroughUi(page, app.url, 'seller1', PASSWORD);
    await page.getByTestId('menu-ordering').waitFor();
    await page.getByTestId('menu-my-orders').waitFor();
    expect(await page.getByTestId('menu-products').count()).toBe(0);
    expect(await page.getByTestId('menu-strategies').count()).toBe(0);
    await page.getByText('销售方首页').first().waitFor();
    await shot(page, '05-seller-home');
  });
});
