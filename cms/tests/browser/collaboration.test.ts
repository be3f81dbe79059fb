import type { Browser, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { as, tenant, Tenant, PASSWORD } from '../helpers/fixtures';
import { shift, today } from '../helpers/catalogue';
import { launch, shot, signInThroughUi } from './helpers';

/**
 * Collaboration in Debian's Chromium, with both consoles open side by side: a supplier lists a
 * resource to sellers; a seller finds it, favourites it and messages the provider; the supplier sees
 * the unread message arrive without reloading and answers; the seller publishes an opportunity, the
 * supplier responds, the seller sees the response; an announcement to sellers shows on the seller
 * home and not on the supplier home.
 */
let app: TestApp;
let browser: Browser;
let supplierPage: Page;
let sellerPage: Page;
let supplier: Tenant;
let seller: Tenant;
const RESOURCE = 'plugin::collaboration.resource';

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function select(page: Page, name: string, option: string) {
  await page.locator(`input[name="${name}"]`).locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'ui_col_supplier');
  seller = await tenant(app, 'seller', 'ui_col_seller');
  browser = await launch();
  supplierPage = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  sellerPage = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })).newPage();
  for (const page of [supplierPage, sellerPage]) page.on('pageerror', (error) => { throw error; });
  await signInThroughUi(supplierPage, app.url, 'ui_col_supplier', PASSWORD);
  await signInThroughUi(sellerPage, app.url, 'ui_col_seller', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('collaboration in a real browser', () => {
  let resourceId: number;

  it('the supplier lists a resource visible to sellers', async () => {
    const page = supplierPage;
    await page.goto(`${app.url}/console/#/resources/create`);
    await page.locator('input[name="title"]').fill('湖畔草坪场地');
    await select(page, 'type', '场地');
    await page.locator('input[name="region"]').fill('杭州');
    await page.locator('textarea[name="description"]').fill('可容纳 300 人，适合团建');
    await page.locator('input[name="validFrom"]').fill(today());
    await page.locator('input[name="validTo"]').fill(shift(today(), 30));
    await page.getByRole('radio', { name: '全部销售方' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    const row = await poll(() => app.strapi.db.query(RESOURCE).findOne({ where: { title: '湖畔草坪场地' } }), Boolean);
    expect(row).toMatchObject({ state: 'draft', audience: 'sellers', ownerId: supplier.enterpriseId });
    resourceId = row.id;
    await page.goto(`${app.url}/console/#/resources/${resourceId}/show`);
    await page.getByRole('button', { name: '上架' }).first().click();
    expect(await poll(async () => (await app.strapi.db.query(RESOURCE).findOne({ where: { id: resourceId } })).state, (s) => s === 'listed')).toBe('listed');
    await shot(page, 'col-01-supplier-resource-listed');
  });

  it('the seller finds it, favourites it and messages the provider', async () => {
    // the supplier's console is open on 我的交流, still empty
    await supplierPage.goto(`${app.url}/console/#/conversations`);
    await supplierPage.getByTestId('conversations-empty').waitFor();
    const page = sellerPage;
    await page.goto(`${app.url}/console/#/all-resources`);
    await page.getByText('湖畔草坪场地').first().click();
    await page.getByTestId('favourite-toggle').click();
    const favourites = () => app.strapi.db.query('plugin::collaboration.resource-favourite').count({ where: { userId: seller.adminId, resourceId } });
    expect(await poll(favourites, (n) => n === 1)).toBe(1);
    await page.getByRole('button', { name: '联系提供方' }).click();
    await page.getByRole('dialog').locator('textarea').first().fill('请问 12 月 20 日可以预订吗？');
    await page.getByRole('dialog').getByRole('button', { name: /发送/ }).click();
    await page.getByTestId('conversation-view').waitFor();
    await shot(page, 'col-02-seller-messaged-provider');
  });

  it('the supplier sees the unread message without reloading and answers; the seller sees the answer live', async () => {
    const page = supplierPage;
    // no navigation: the thread and its unread count arrive over the live events
    const thread = await app.strapi.db.query('plugin::messaging.conversation').findOne({ where: { recipientId: supplier.enterpriseId } });
    await page.getByTestId(`conversation-thread-${thread.id}`).getByText('1', { exact: true }).waitFor({ timeout: 10_000 });
    await shot(page, 'col-03a-supplier-unread-arrived');
    await page.getByTestId(`conversation-thread-${thread.id}`).click();
    await page.getByTestId('conversation-messages').getByText('请问 12 月 20 日可以预订吗？').waitFor();
    // the seller keeps its thread open; the supplier's answer reaches it over the live events
    await page.getByTestId('composer-text').fill('可以，全天可订。');
    await page.getByTestId('composer-send').click();
    await sellerPage.getByTestId('conversation-messages').getByText('可以，全天可订。').waitFor({ timeout: 10_000 });
    await shot(page, 'col-03-supplier-answered');
    await shot(sellerPage, 'col-04-seller-sees-answer-live');
  });

  it('the seller publishes an opportunity, the supplier responds, the seller sees the response', async () => {
    const page = sellerPage;
    await page.goto(`${app.url}/console/#/opportunities/create`);
    await page.locator('input[name="title"]').fill('年底团建采购 200 人');
    await select(page, 'kind', '采购');
    await page.locator('input[name="deadline"]').fill(shift(today(), 10));
    await page.getByRole('radio', { name: '全部供货方' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    const opportunity = await poll(() => app.strapi.db.query('plugin::collaboration.opportunity').findOne({ where: { title: '年底团建采购 200 人' } }), Boolean);
    expect(opportunity).toMatchObject({ state: 'open', audience: 'suppliers', publisherId: seller.enterpriseId });

    await supplierPage.goto(`${app.url}/console/#/received-opportunities/${opportunity.id}/show`);
    await supplierPage.getByRole('button', { name: '响应' }).first().click();
    await supplierPage.getByRole('dialog').locator('textarea').first().fill('可提供游船 + 午餐套票');
    await supplierPage.getByRole('dialog').getByRole('button', { name: /确认|响应|提交/ }).last().click();
    await supplierPage.getByTestId('my-response').waitFor();

    await page.goto(`${app.url}/console/#/opportunities/${opportunity.id}/show`);
    await page.getByTestId('opportunity-responses').getByText('可提供游船 + 午餐套票').waitFor();
    await page.getByTestId('opportunity-responses').getByText('ui_col_supplier 企业').waitFor();
    await shot(page, 'col-05-seller-sees-response');
  });

  it('an announcement to sellers shows on the seller home and not on the supplier home', async () => {
    const created = (await as(app, supplier.token).post('/announcements', { type: 'promotion', title: '销售方专享八折', body: '<p>本周八折</p>', audience: 'sellers' })).body;
    expect((await as(app, supplier.token).post(`/announcements/${created.id}/publish`)).body.status).toBe('published');
    const mine = (await as(app, seller.token).post('/announcements', { type: 'notice', title: '仅供货方可见', body: '<p>x</p>', audience: 'suppliers' })).body;
    await as(app, seller.token).post(`/announcements/${mine.id}/publish`);
    await sellerPage.goto(`${app.url}/console/#/`);
    await sellerPage.getByText('销售方专享八折').waitFor();
    expect(await sellerPage.getByText('仅供货方可见').count()).toBe(0);
    await supplierPage.goto(`${app.url}/console/#/`);
    await supplierPage.getByText('仅供货方可见').waitFor();
    expect(await supplierPage.getByText('销售方专享八折').count()).toBe(0);
    await shot(sellerPage, 'col-06-seller-home-announcement');
    await shot(supplierPage, 'col-07-supplier-home-announcement');
  });

  it('renders an announcement written with script in it as text and formatting only: nothing runs', async () => {
    const dialogs: string[] = [];
    sellerPage.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
    const evil = (await as(app, supplier.token).post('/announcements', {
      type: 'notice', title: '格式测试', audience: 'sellers',
      body: '<p><b>加粗正文</b><img src="x" onerror="alert(\'img\')"><script>alert("script")</script><a href="javascript:alert(\'link\')">链接</a></p>',
    })).body;
    await as(app, supplier.token).post(`/announcements/${evil.id}/publish`);
    await sellerPage.goto(`${app.url}/console/#/received-announcements/${evil.id}/show`);
    await sellerPage.getByTestId('announcement-body').getByText('加粗正文').waitFor();
    await sellerPage.getByTestId('announcement-body').getByText('链接').click();
    await sellerPage.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await sellerPage.getByTestId('announcement-body').innerHTML()).not.toMatch(/onerror|<script|javascript:/);
  });
});
