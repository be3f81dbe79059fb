import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startApp, TestApp } from '../helpers/app';
import { as, tenant, Tenant, PASSWORD } from '../helpers/fixtures';
import { agreement, partner, strategy } from '../helpers/catalogue';
import { launch, shot, signInThroughUi, signOut } from './helpers';

/**
 * Issue 13 items 5 and 6 in Debian's Chromium: the supplier uploads a product picture on the product
 * form and sees it in the list; both parties preview an agreement's PDF and image in the page; the seller
 * sees the picture in the catalogue, its drawer and on the order page.
 */
let app: TestApp;
let browser: Browser;
let page: Page;
let supplier: Tenant;
let seller: Tenant;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cop-pictures-'));
const PRODUCT = 'plugin::catalogue.product';
const go = (route: string) => page.goto(`${app.url}/console/#/${route}`);

/** A small landscape picture (sharp ships with Strapi). */
async function landscape(file: string, sky: string) {
  const sharp = require('sharp');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="220">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#e0f2fe"/></linearGradient></defs>
    <rect width="320" height="220" fill="url(#s)"/><circle cx="250" cy="55" r="26" fill="#fde047"/>
    <polygon points="0,160 80,70 150,150 210,90 320,170 320,220 0,220" fill="#15803d"/>
    <rect y="175" width="320" height="45" fill="#0284c7"/></svg>`;
  fs.writeFileSync(file, await sharp(Buffer.from(svg)).png().toBuffer());
  return file;
}

const upload = async (who: Tenant, file: string): Promise<number> => {
  const res = await app.http.post('/api/console/files/upload').set('Authorization', `Bearer ${who.token}`).attach('file', file);
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
};

async function poll<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The preview dialog once it has faded in (a screenshot mid-fade shows the page through it). */
const previewShown = () => page.waitForFunction(() => {
  const paper = document.querySelector('[data-testid="file-preview"] .MuiDialog-paper');
  return !!paper && getComputedStyle(paper.parentElement!).opacity === '1';
});

/** The image has loaded real pixels (an object URL fetched with the token). */
async function expectLoaded(image: Locator) {
  await image.waitFor();
  await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await image.elementHandle());
  expect(await image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(320);
}

let cover: string;
let productId: number;
let agreementId: number;
let pdfId: number;
let pngId: number;

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'pic_ui_supplier');
  seller = await tenant(app, 'seller', 'pic_ui_seller');
  await partner(app, supplier, seller);
  cover = await landscape(path.join(tmp, '湖景.png'), '#38bdf8');
  // the seller's prepaid account (set up now: signing out in the console ends the supplier's API token)
  const account = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  const ledger = app.strapi.plugin('ledger').service('ledger');
  await ledger.setStatus(account, 'enabled');
  await ledger.topUp(account, 100_000, { transferId: 'pic-ui-topup' });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => { throw error; });
  await signInThroughUi(page, app.url, 'pic_ui_supplier', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('product pictures and attachment previews in a real browser', () => {
  it('uploads a picture on the product form (a fake image is refused) and shows it in the product list', async () => {
    await go('products/ticket/create');
    await page.locator('input[name="name"]').fill('千岛湖游船票');
    await page.locator('input[name="scenicSpot"]').fill('千岛湖');
    // named .png but not a picture: the server's structure check refuses it, the form says so
    const fake = path.join(tmp, 'fake.png');
    fs.writeFileSync(fake, 'not really a picture');
    await page.getByTestId('product-pictures-file').setInputFiles(fake);
    await page.getByTestId('product-pictures').getByRole('alert').filter({ hasText: 'fake.png' }).waitFor();
    await page.getByTestId('product-pictures-file').setInputFiles(cover);
    await expectLoaded(page.getByTestId('product-pictures').locator('img').first());
    await shot(page, '60-product-form-picture');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.hash.endsWith('/create'));
    const product = await app.strapi.db.query(PRODUCT).findOne({ where: { name: '千岛湖游船票' } });
    expect(product.pictures).toHaveLength(1);
    const file = await app.strapi.db.query('plugin::files.file').findOne({ where: { id: product.pictures[0] } });
    expect([file.name, file.mime, file.ownerEnterpriseId]).toEqual(['湖景.png', 'image/png', supplier.enterpriseId]);
    productId = product.id;
    await expectLoaded(page.getByTestId(`picture-${file.id}`));
    await shot(page, '61-product-list-thumbnail');
  });

  it('previews an agreement\'s PDF and image in the page for the supplier, through the inline file verb', async () => {
    await as(app, supplier.token).post(`/products/${productId}/list`);
    await as(app, supplier.token).put(`/products/${productId}`, { stockMode: 'none', description: '含往返游船，约 3 小时' });
    await strategy(app, supplier, [{ productId, price: 12800 }]);
    const pdf = path.join(tmp, '分销协议.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n');
    pdfId = await upload(supplier, pdf);
    pngId = await upload(supplier, await landscape(path.join(tmp, '盖章页.png'), '#a78bfa'));
    agreementId = (await agreement(app, supplier, seller, { title: '千岛湖分销协议', attachmentIds: [pdfId, pngId] })).id;

    await go(`agreements/${agreementId}/show`);
    await page.getByTestId(`agreement-attachment-preview-${pdfId}`).click();
    const frame = page.getByTestId('file-preview-pdf');
    await frame.waitFor();
    // the frame shows the bytes of the inline answer (headless Chromium may not draw PDFs: check what it got)
    const inlineUrl = await frame.getAttribute('data-inline-url');
    expect(inlineUrl).toBe(`/api/console/agreements/${agreementId}/attachment?fileId=${pdfId}&disposition=inline`);
    const src = await frame.getAttribute('src');
    expect(src).toMatch(/^blob:/);
    // the console's CSP lets the frame load its object URL (a refused frame shows Chromium's error page)
    await page.waitForFunction((url) => [...document.querySelectorAll('iframe')].some((f) => f.src === url), src);
    await poll(() => page.frames().map((f) => f.url()), (urls) => urls.includes(src!));
    expect(page.frames().map((f) => f.url())).toContain(src);
    const served = await app.http.get(inlineUrl!).set('Authorization', `Bearer ${supplier.token}`).buffer(true);
    expect([served.status, served.headers['content-type'], served.headers['content-disposition'].split(';')[0], served.headers['x-content-type-options']])
      .toEqual([200, 'application/pdf', 'inline', 'nosniff']);
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    await previewShown();
    await shot(page, '62-agreement-pdf-preview');
    await page.getByTestId('file-preview-close').click();
    await page.getByTestId(`agreement-attachment-preview-${pngId}`).click();
    await expectLoaded(page.getByTestId('file-preview-image'));
    expect(await page.getByTestId('file-preview-image').getAttribute('data-inline-url'))
      .toBe(`/api/console/agreements/${agreementId}/attachment?fileId=${pngId}&disposition=inline`);
    await previewShown();
    await shot(page, '63-agreement-image-preview');
    await page.getByTestId('file-preview-close').click();
  });

  it('lets the seller preview the same attachments on its agreement page', async () => {
    await signOut(page);
    await signInThroughUi(page, app.url, 'pic_ui_seller', PASSWORD);
    await go(`my-agreements/${agreementId}/show`);
    await page.getByTestId(`agreement-attachment-preview-${pngId}`).click();
    await expectLoaded(page.getByTestId('file-preview-image'));
    await previewShown();
    await shot(page, '64-seller-agreement-image-preview');
    await page.getByTestId('file-preview-close').click();
    await page.getByTestId(`agreement-attachment-preview-${pdfId}`).click();
    expect(await page.getByTestId('file-preview-pdf').getAttribute('data-inline-url')).toContain(`fileId=${pdfId}&disposition=inline`);
    await page.getByTestId('file-preview-close').click();
  });

  it('shows the seller the product picture in the catalogue, its drawer and on the order page; the supplier on its order page', async () => {
    const pictureId = (await app.strapi.db.query(PRODUCT).findOne({ where: { id: productId } })).pictures[0];
    await go('order/individual');
    const card = page.getByTestId(`catalogue-card-${productId}`);
    await expectLoaded(card.getByTestId(`picture-${pictureId}`));
    await shot(page, '65-catalogue-thumbnail');
    await card.getByText('千岛湖游船票').click();
    await expectLoaded(page.getByTestId('catalogue-pictures').getByTestId(`picture-${pictureId}`));
    await shot(page, '66-catalogue-drawer-pictures');

    const offer = (await as(app, seller.token).get(`/catalogue/${productId}`)).body.offers[0];
    const order = await as(app, seller.token).post('/orders', { channel: 'individual', paymentMode: 'prepaid', customerName: '李女士', customerPhone: '13900000000', lines: [{ productId, strategyId: offer.strategyId, quantity: 2 }] });
    expect(order.status).toBe(201);
    await go(`my-orders/${order.body.id}/show`);
    await expectLoaded(page.getByTestId(`order-line-${order.body.lines[0].id}`).getByTestId(`picture-${pictureId}`));
    await shot(page, '67-order-page-picture');

    // the supplier's page of the same order shows it too
    await signOut(page);
    await signInThroughUi(page, app.url, 'pic_ui_supplier', PASSWORD);
    await go(`orders/individual/${order.body.id}/show`);
    await expectLoaded(page.getByTestId(`order-line-${order.body.lines[0].id}`).getByTestId(`picture-${pictureId}`));
    await shot(page, '68-supplier-order-page-picture');
  });
});
