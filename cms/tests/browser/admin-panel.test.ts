import type { Browser, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { launch, SCREENSHOTS, shot } from './helpers';

/**
 * The operator's interface: the Strapi admin panel (served by the real server from the built panel) in
 * Debian's Chromium, signed in as the demo operator. A browser that never chose a language gets 简体中文.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
const PASSWORD = 'Demo@123456';
const ENTERPRISE = 'plugin::identity.enterprise';
const ANNOUNCEMENT = 'plugin::messaging.announcement';

beforeAll(async () => {
  app = await startApp();
  const { seedDemo } = require('../../dist/src/seed/demo');
  await seedDemo(app.strapi);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Wait (up to 10 s) for what the panel saved to show in the database. */
async function until(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 50; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('the admin panel in a real browser (the platform operator)', () => {
  it('signs the operator in and switches the panel to 简体中文', async () => {
    await page.goto(`${app.url}/admin`);
    // a browser that never chose a language gets the panel in Chinese from the first page
    await page.getByText('欢迎使用协同运营平台运营后台').waitFor();
    await shot(page, 'adm-00-login');
    await page.locator('input[name="email"]').fill('operator@demo.local');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    // profile → interface language (Strapi keeps the choice per browser)
    await page.goto(`${app.url}/admin/me`);
    await page.getByRole('combobox', { name: /Interface language|界面语言/ }).click();
    await page.getByRole('option', { name: /中文/ }).click();
    // the choice applies at once (the profile itself turns Chinese) and stays for the next pages
    await page.getByText('界面语言').waitFor();
    await shot(page, 'adm-01-profile-chinese');
    await page.goto(`${app.url}/admin/content-manager`);
    await page.getByRole('heading', { name: '内容管理' }).waitFor();
    await page.getByRole('link', { name: '新建条目' }).waitFor();
    await shot(page, 'adm-01b-content-manager');
  });

  it('edits an enterprise: the contact person is saved', async () => {
    const row = await app.strapi.db.query(ENTERPRISE).findOne({ where: { name: '华夏文旅集团' } });
    await page.goto(`${app.url}/admin/content-manager/collection-types/${ENTERPRISE}/${row.documentId}`);
    const contact = page.locator('input[name="contactName"]');
    await contact.waitFor();
    await contact.fill('李经理');
    await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
    expect(await until(async () => (await app.strapi.db.query(ENTERPRISE).findOne({ where: { id: row.id } })).contactName === '李经理')).toBe(true);
    await shot(page, 'adm-02-enterprise-saved');
  });

  it('schedules an announcement to every seller; the job publishes it when due and the sellers are told', async () => {
    await page.goto(`${app.url}/admin/content-manager/collection-types/${ANNOUNCEMENT}/create`);
    await page.locator('input[name="title"]').fill('平台系统升级公告');
    await page.locator('textarea[name="body"]').fill('<p>本周六 22:00–24:00 系统升级，期间暂停下单。</p>');
    const choose = async (name: string, option: string) => {
      await page.locator(`[name="${name}"][role="combobox"]`).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose('audience', 'sellers');
    await choose('state', 'scheduled');
    const when = page.getByRole('group', { name: '定时发布时间' }).locator('input');
    await when.nth(0).click();
    await when.nth(0).fill('');
    await page.keyboard.type('2099/12/31', { delay: 20 });
    await when.nth(0).press('Enter');
    await when.nth(1).fill('10:00');
    await when.nth(1).press('Enter');
    await shot(page, 'adm-03-announcement-form');
    await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
    const saved = await until(async () => Boolean(await app.strapi.db.query(ANNOUNCEMENT).findOne({ where: { title: '平台系统升级公告' } })));
    await shot(page, 'adm-04-announcement-saved');
    expect(saved).toBe(true);
    const row = await app.strapi.db.query(ANNOUNCEMENT).findOne({ where: { title: '平台系统升级公告' } });
    expect(row).toMatchObject({ state: 'scheduled', audience: 'sellers', publisherId: null });
    const publishAt = new Date(row.publishAt);
    expect(publishAt.getUTCFullYear()).toBe(2099);
    // not yet due: nobody is told; when due, the job publishes it and every seller is notified
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    await jobs.runNow('messaging.publish-announcements', new Date());
    const told = () => app.strapi.db.query('plugin::messaging.notification').count({ where: { title: '新公告：平台系统升级公告' } });
    expect(await told()).toBe(0);
    await jobs.runNow('messaging.publish-announcements', new Date(publishAt.getTime() + 1000));
    expect((await app.strapi.db.query(ANNOUNCEMENT).findOne({ where: { id: row.id } })).state).toBe('published');
    expect(await told()).toBeGreaterThan(0);
  });

  it('shows beside a partnership the names of its supplier and seller, linked to their records (关联记录)', async () => {
    const [supplier, seller] = await Promise.all(['华夏文旅集团', '畅游旅行社']
      .map((name) => app.strapi.db.query(ENTERPRISE).findOne({ where: { name } })));
    const partnership = await app.strapi.db.query('plugin::identity.partnership')
      .findOne({ where: { supplierId: supplier.id, sellerId: seller.id } });
    await page.goto(`${app.url}/admin/content-manager/collection-types/plugin::identity.partnership/${partnership.documentId}`);
    const panel = page.getByTestId('linked-records');
    await panel.waitFor();
    await page.getByText('关联记录', { exact: true }).waitFor();
    const supplierLink = panel.getByRole('link', { name: `华夏文旅集团 (#${supplier.id})` });
    await supplierLink.waitFor();
    await panel.getByRole('link', { name: `畅游旅行社 (#${seller.id})` }).waitFor();
    expect(await panel.innerText()).toContain('供货方：');
    await shot(page, 'adm-05-linked-records');
    await supplierLink.click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${ENTERPRISE}/${supplier.documentId}`));
    await page.locator('input[name="name"]').waitFor();
    expect(await page.locator('input[name="name"]').inputValue()).toBe('华夏文旅集团');
  });
});
