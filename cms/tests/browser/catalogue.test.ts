import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { as, tenant, Tenant, PASSWORD } from '../helpers/fixtures';
import { partner, shift, today } from '../helpers/catalogue';
import { launch, shot, signInThroughUi, signOut } from './helpers';

/**
 * The supplier catalogue through the console in Debian's Chromium: a ticket product, its daily stock,
 * a strategy for a seller, an agreement with an attachment; then the seller reads and downloads it.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
let supplier: Tenant;
let seller: Tenant;

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'ui_supplier');
  seller = await tenant(app, 'seller', 'ui_seller');
  await partner(app, supplier, seller);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  page.on('pageerror', (error) => { throw error; });
  await signInThroughUi(page, app.url, 'ui_supplier', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const PRODUCT = 'plugin::catalogue.product';
const from = shift(today(), 1);
const to = shift(today(), 5);

/** An AutocompleteInput by its field name: type, then choose the option. */
async function pickOption(name: string, option: string) {
  const input = page.locator(`input[name="${name}"]`);
  await input.click();
  await input.fill(option);
  await page.getByRole('option', { name: option }).first().click();
}

/** A SelectInput by its field name. */
async function select(name: string, option: string) {
  await page.locator(`input[name="${name}"]`).locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('supplier catalogue in a real browser', () => {
  it('creates a ticket product with daily stock and lists it', async () => {
    await page.goto(`${app.url}/console/#/products/ticket/create`);
    await page.locator('input[name="name"]').fill('千岛湖一日游');
    await page.locator('input[name="scenicSpot"]').fill('千岛湖');
    await page.locator('input[name="referencePrice"]').fill('88.50');
    await select('stockMode', '日历库存');
    await shot(page, '10-product-create');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.hash.endsWith('/create'));
    const product = await app.strapi.db.query(PRODUCT).findOne({ where: { name: '千岛湖一日游' } });
    expect(product).toMatchObject({ supplierId: supplier.enterpriseId, category: 'ticket', referencePrice: 8850, stockMode: 'daily' });
    await as(app, supplier.token).post(`/products/${product.id}/list`);
  });

  it('sets daily stock for a date range and shows it on the calendar', async () => {
    const product = await app.strapi.db.query(PRODUCT).findOne({ where: { name: '千岛湖一日游' } });
    await page.goto(`${app.url}/console/#/stock/${product.id}/show`);
    await page.getByTestId('stock-maintain').click();
    await page.getByTestId('stock-mode-set').check();
    await page.getByTestId('stock-maintain-quantity').fill('120');
    await page.getByTestId('stock-maintain-from').fill(from);
    await page.getByTestId('stock-maintain-to').fill(to);
    await page.getByTestId('stock-maintain-submit').click();
    // the range may start in the next month: move the calendar there if needed
    if (!(await page.getByTestId(`stock-day-${from}`).count())) await page.getByTestId('stock-next-month').click();
    await page.getByTestId(`stock-day-${from}`).getByText('120').first().waitFor();
    await shot(page, '11-stock-calendar');
    const days = await app.strapi.db.query('plugin::inventory.stock-item').findMany({ where: { productId: product.id } });
    expect(days.map((d: any) => [d.slot, d.total]).sort()).toEqual([0, 1, 2, 3, 4].map((i) => [shift(from, i), 120]));
  });

  it('creates a strategy for the seller with the product', async () => {
    await page.goto(`${app.url}/console/#/strategies/individual/create`);
    await page.locator('input[name="name"]').fill('旅行社专享价');
    await page.locator('input[name="effectiveFrom"]').fill(today());
    await page.locator('input[name="effectiveTo"]').fill(shift(today(), 60));
    // the form opens with one empty product line
    await pickOption('lines.0.productId', '千岛湖一日游');
    await page.locator('input[name="lines.0.price"]').fill('79.90');
    await shot(page, '12-strategy-create');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.hash.endsWith('/create'));
    const strategy = await app.strapi.db.query('plugin::catalogue.strategy').findOne({ where: { name: '旅行社专享价' } });
    expect(strategy).toMatchObject({ supplierId: supplier.enterpriseId, channel: 'individual', state: 'active' });
    const lines = await app.strapi.db.query('plugin::catalogue.strategy-line').findMany({ where: { strategyId: strategy.id } });
    expect(lines.map((l: any) => l.price)).toEqual([7990]);
  });

  it('creates an agreement with an attachment and confirms it', async () => {
    const pdf = path.join(os.tmpdir(), `cop-agreement-${process.pid}.pdf`);
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.goto(`${app.url}/console/#/agreements/create`);
    await pickOption('sellerId', 'ui_seller 企业');
    await page.locator('input[name="number"]').fill('QDH-2027-01');
    await page.locator('input[name="title"]').fill('千岛湖分销协议');
    await page.locator('input[name="validFrom"]').fill(today());
    await page.locator('input[name="validTo"]').fill(shift(today(), 365));
    await page.getByTestId('agreement-upload').setInputFiles(pdf);
    await page.getByTestId('agreement-attachments').getByText('cop-agreement').first().waitFor();
    await shot(page, '13-agreement-create');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('agreement-confirm').waitFor();
    await page.getByTestId('agreement-confirm').click();
    await page.getByRole('dialog').getByRole('button', { name: /确认|Confirm/ }).click();
    const agreement = await app.strapi.db.query('plugin::catalogue.agreement').findOne({ where: { number: 'QDH-2027-01' } });
    const confirmed = await poll(() => app.strapi.db.query('plugin::catalogue.agreement').findOne({ where: { id: agreement.id } }), (row: any) => row.state !== 'draft');
    expect(confirmed.state).toBe('effective');
    fs.rmSync(pdf, { force: true });
  });

  it('lets the seller see the agreement and download its attachment', async () => {
    await signOut(page);
    await signInThroughUi(page, app.url, 'ui_seller', PASSWORD);
    const agreement = await app.strapi.db.query('plugin::catalogue.agreement').findOne({ where: { number: 'QDH-2027-01' } });
    await page.goto(`${app.url}/console/#/my-agreements`);
    await page.getByText('千岛湖分销协议').first().click();
    const fileId = agreement.attachmentIds[0];
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`agreement-attachment-${fileId}`).click()]);
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(0, 4).toString()).toBe('%PDF');
    await shot(page, '14-seller-agreement');
  });
});
