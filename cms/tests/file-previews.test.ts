import JSZip from 'jszip';
import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

/**
 * Issue 13 items 5 and 6: agreement attachments previewed in the page and product pictures, read through
 * the tenancy-checked file verbs (agreements, products, the seller's catalogue, orders) with inline
 * headers for previews, the file's own type, nosniff and a CSP; another tenant's ids are 404s.
 */
let app: TestApp;
let supplier: Tenant;
let rival: Tenant;
let seller: Tenant;
let stranger: Tenant;
beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'pv_supplier');
  rival = await tenant(app, 'supplier', 'pv_rival');
  seller = await tenant(app, 'seller', 'pv_seller');
  stranger = await tenant(app, 'seller', 'pv_stranger');
  await partner(app, supplier, seller);
});
afterAll(async () => { await app?.close(); });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff0d9b6d0000000049454e44ae426082', 'hex');
const upload = async (who: Tenant, buffer: Buffer, name: string): Promise<number> => {
  const res = await app.http.post('/api/console/files/upload').set('Authorization', `Bearer ${who.token}`).attach('file', buffer, name);
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
};
const get = (who: Tenant, url: string) => as(app, who.token).get(url).buffer(true);
/** status, type, disposition kind, nosniff, CSP of a file answer. */
const headersOf = (res: any) => [
  res.status,
  res.headers['content-type'],
  String(res.headers['content-disposition']).split(';')[0],
  res.headers['x-content-type-options'],
];

describe('agreement attachments: preview inline through the agreement', () => {
  let id: number;
  let pdf: number;
  let png: number;
  beforeAll(async () => {
    pdf = await upload(supplier, PDF, '协议正文.pdf');
    png = await upload(supplier, PNG, '盖章页.png');
    id = (await agreement(app, supplier, seller, { attachmentIds: [pdf, png] })).id;
  });

  it('serves a PDF inline for a preview (attachment by default) to both parties, with its type, nosniff and a CSP', async () => {
    for (const who of [supplier, seller]) {
      const preview = await get(who, `/agreements/${id}/attachment?fileId=${pdf}&disposition=inline`);
      expect(headersOf(preview)).toEqual([200, 'application/pdf', 'inline', 'nosniff']);
      expect(preview.headers['content-disposition']).toContain(encodeURIComponent('协议正文.pdf'));
      const csp = preview.headers['content-security-policy'];
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      // a sandboxed PDF would not open in the browser's viewer
      expect(csp).not.toContain('sandbox');
      expect(preview.headers['cache-control']).toBe('private, no-store');
      expect(Buffer.from(preview.body).subarray(0, 5).toString()).toBe('%PDF-');
      expect(headersOf(await get(who, `/agreements/${id}/attachment?fileId=${pdf}`))).toEqual([200, 'application/pdf', 'attachment', 'nosniff']);
    }
  });

  it('serves an image inline, sandboxed; attachment when asked', async () => {
    const image = await get(seller, `/agreements/${id}/attachment?fileId=${png}&disposition=inline`);
    expect(headersOf(image)).toEqual([200, 'image/png', 'inline', 'nosniff']);
    expect(image.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    expect(headersOf(await get(seller, `/agreements/${id}/attachment?fileId=${png}&disposition=attachment`))[2]).toBe('attachment');
  });

  it('previews only images and PDFs: an Office file stays an attachment', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const docx = await upload(supplier, await zip.generateAsync({ type: 'nodebuffer' }), '附件.docx');
    const withDoc = (await agreement(app, supplier, seller, { attachmentIds: [docx] })).id;
    const res = await get(seller, `/agreements/${withDoc}/attachment?fileId=${docx}&disposition=inline`);
    expect(headersOf(res)).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'attachment', 'nosniff']);
  });

  it('answers another tenant 404 whatever it asks, refuses a file of another record and a bad disposition', async () => {
    for (const who of [stranger, rival]) {
      expect((await get(who, `/agreements/${id}/attachment?fileId=${pdf}&disposition=inline`)).status).toBe(404);
      expect((await get(who, `/agreements/${id}/attachment?fileId=${png}`)).status).toBe(404);
    }
    const foreign = await upload(rival, PNG, 'x.png');
    const notOurs = await get(seller, `/agreements/${id}/attachment?fileId=${foreign}&disposition=inline`);
    expect([notOurs.status, Object.keys(notOurs.body.errors)]).toEqual([400, ['fileId']]);
    const bad = await get(seller, `/agreements/${id}/attachment?fileId=${pdf}&disposition=download`);
    expect([bad.status, Object.keys(bad.body.errors)]).toEqual([400, ['disposition']]);
  });
});

describe('product pictures: the supplier, the sellers it is offered to, the parties of an order', () => {
  let item: any;
  let hidden: any;
  let picture: number;
  let hiddenPicture: number;
  beforeAll(async () => {
    await agreement(app, supplier, seller);
    picture = await upload(supplier, PNG, '封面.png');
    hiddenPicture = await upload(supplier, PNG, '未上架.png');
    item = await product(app, supplier, { name: '湖景套票', pictures: [picture], stockMode: 'none' });
    // listed, pictured, but in no strategy: not offered to anybody
    hidden = await product(app, supplier, { name: '未售产品', pictures: [hiddenPicture], stockMode: 'none' });
    await strategy(app, supplier, [{ productId: item.id, price: 1000 }], { appliesTo: 'named', sellerIds: [seller.enterpriseId] });
  });

  it('takes only the supplier\'s own images as pictures and describes them on the product', async () => {
    const pdf = await upload(supplier, PDF, '说明.pdf');
    const notImage = await as(app, supplier.token).post('/products', { category: 'ticket', name: 'x', scenicSpot: 'y', pictures: [pdf] });
    expect([notImage.status, Object.keys(notImage.body.errors)]).toEqual([400, ['pictures']]);
    const update = await as(app, supplier.token).put(`/products/${item.id}`, { pictures: [picture, pdf] });
    expect([update.status, Object.keys(update.body.errors)]).toEqual([400, ['pictures']]);
    const theirs = await upload(rival, PNG, 'theirs.png');
    expect(Object.keys((await as(app, supplier.token).put(`/products/${item.id}`, { pictures: [theirs] })).body.errors)).toEqual(['pictures']);
    const shown = await as(app, supplier.token).get(`/products/${item.id}`);
    expect(shown.body).toMatchObject({ pictures: [picture], pictureFiles: [{ id: picture, name: '封面.png', mime: 'image/png', size: PNG.length }] });
    const listed = await as(app, supplier.token).list('products', { filter: { q: '湖景套票' } });
    expect(listed.body[0].pictureFiles).toEqual([{ id: picture, name: '封面.png', mime: 'image/png', size: PNG.length }]);
  });

  it('serves the supplier its picture inline as image/png; another supplier gets 404', async () => {
    const own = await get(supplier, `/products/${item.id}/picture?fileId=${picture}`);
    expect(headersOf(own)).toEqual([200, 'image/png', 'inline', 'nosniff']);
    expect(own.headers['content-security-policy']).toContain('sandbox');
    expect(Buffer.compare(Buffer.from(own.body), PNG)).toBe(0);
    expect((await get(rival, `/products/${item.id}/picture?fileId=${picture}`)).status).toBe(404);
  });

  it('shows the pictures to a seller the product is offered to, and to nobody else', async () => {
    const catalogue = await as(app, seller.token).list('catalogue', { filter: { q: '湖景套票' } });
    expect(catalogue.body.map((p: any) => [p.id, p.pictureFiles])).toEqual([[item.id, [{ id: picture, name: '封面.png', mime: 'image/png', size: PNG.length }]]]);
    expect(headersOf(await get(seller, `/catalogue/${item.id}/picture?fileId=${picture}`))).toEqual([200, 'image/png', 'inline', 'nosniff']);
    // not offered to the seller (no strategy), not a partner, or a picture of another product
    expect((await get(seller, `/catalogue/${hidden.id}/picture?fileId=${hiddenPicture}`)).status).toBe(404);
    expect((await get(stranger, `/catalogue/${item.id}/picture?fileId=${picture}`)).status).toBe(404);
    expect((await get(seller, `/catalogue/${item.id}/picture?fileId=${hiddenPicture}`)).status).toBe(400);
    // a seller has no products.read: the supplier's products resource is closed to it
    expect((await get(seller, `/products/${item.id}/picture?fileId=${picture}`)).status).toBe(403);
  });

  it('shows an order\'s product pictures to both parties of the order, on its lines and through the order', async () => {
    const account = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
    const ledger = app.strapi.plugin('ledger').service('ledger');
    await ledger.setStatus(account, 'enabled');
    await ledger.topUp(account, 100_000, { transferId: 'pv-topup' });
    const line = { productId: item.id, strategyId: (await as(app, seller.token).get(`/catalogue/${item.id}`)).body.offers[0].strategyId, quantity: 1 };
    const placed = await as(app, seller.token).post('/orders', { channel: 'individual', paymentMode: 'prepaid', customerName: '王先生', customerPhone: '13800000000', lines: [line] });
    expect(placed.status).toBe(201);
    const order = placed.body;
    expect(order.lines[0].pictures).toEqual([{ id: picture, name: '封面.png', mime: 'image/png', size: PNG.length }]);
    for (const who of [seller, supplier]) {
      expect(headersOf(await get(who, `/orders/${order.id}/picture?fileId=${picture}`))).toEqual([200, 'image/png', 'inline', 'nosniff']);
    }
    for (const who of [stranger, rival]) expect((await get(who, `/orders/${order.id}/picture?fileId=${picture}`)).status).toBe(404);
    expect((await get(seller, `/orders/${order.id}/picture?fileId=${hiddenPicture}`)).status).toBe(400);
  });
});
