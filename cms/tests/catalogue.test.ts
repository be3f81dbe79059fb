import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

let app: TestApp;
let supplier: Tenant;
let other: Tenant;
let seller: Tenant;
let seller2: Tenant;
beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'cat_supplier');
  other = await tenant(app, 'supplier', 'cat_other');
  seller = await tenant(app, 'seller', 'cat_seller');
  seller2 = await tenant(app, 'seller', 'cat_seller2');
});
afterAll(async () => { await app?.close(); });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const upload = (token: string, buffer: Buffer, name: string) => app.http.post('/api/console/files/upload').set('Authorization', `Bearer ${token}`).attach('file', buffer, name);

describe('partnerships (F23)', () => {
  let id: number;
  it('adds a seller, shows it to both sides, stops and resumes it with history', async () => {
    const created = await partner(app, supplier, seller);
    id = created.id;
    expect(created).toMatchObject({ supplierId: supplier.enterpriseId, sellerId: seller.enterpriseId, status: 'active', sellerName: 'cat_seller 企业' });
    const mine = await as(app, seller.token).list('partnerships');
    expect(mine.body.map((p: any) => p.supplierName)).toEqual(['cat_supplier 企业']);
    expect((await as(app, seller.token).post(`/partnerships/${id}/stop`, { reason: 'x' })).status).toBe(403);
    expect((await as(app, supplier.token).post(`/partnerships/${id}/stop`, {})).body.errors).toHaveProperty('reason');
    const stopped = await as(app, supplier.token).post(`/partnerships/${id}/stop`, { reason: '合同到期' });
    expect(stopped.body).toMatchObject({ status: 'stopped', stopReason: '合同到期' });
    expect((await as(app, supplier.token).post(`/partnerships/${id}/stop`, { reason: 'again' })).status).toBe(409);
    await as(app, supplier.token).post(`/partnerships/${id}/resume`);
    const detail = await as(app, supplier.token).get(`/partnerships/${id}`);
    expect(detail.body.history.map((h: any) => [h.action, h.reason])).toEqual([['add', null], ['stop', '合同到期'], ['resume', null]]);
    const byName = await as(app, supplier.token).list('partnerships', { filter: { q: 'cat_seller' } });
    expect(byName.body.map((p: any) => p.id)).toEqual([id]);
  });

  it('refuses itself, a non-seller, a duplicate', async () => {
    for (const sellerId of [supplier.enterpriseId, other.enterpriseId, seller.enterpriseId, 999999]) {
      const res = await as(app, supplier.token).post('/partnerships', { sellerId });
      expect([sellerId, res.status, Object.keys(res.body.errors ?? {})]).toEqual([sellerId, 400, ['sellerId']]);
    }
  });

  it('lists active seller enterprises in the directory, not disabled ones', async () => {
    const res = await as(app, supplier.token).list('enterprise-directory', { filter: { kind: 'seller', q: 'cat_' } });
    expect(res.body.map((e: any) => e.name).sort()).toEqual(['cat_seller 企业', 'cat_seller2 企业']);
    expect(Object.keys(res.body[0]).sort()).toEqual(['creditCode', 'id', 'kind', 'name']);
  });
});

describe('products (F50, F51)', () => {
  it('creates each category with its own attributes and names the missing one', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'ticket', name: '门票' }, 'scenicSpot'],
      [{ category: 'catering', name: '午餐' }, 'venue'],
      [{ category: 'retail', name: '茶叶' }, 'sku'],
      [{ category: 'coupon', name: '代金券', faceValue: 5000, couponValidFrom: '2027-01-01' }, 'couponValidTo'],
    ];
    for (const [body, field] of cases) {
      const res = await as(app, supplier.token).post('/products', body);
      expect([field, res.status, Object.keys(res.body.errors ?? {})]).toEqual([field, 400, [field]]);
    }
    const coupon = await as(app, supplier.token).post('/products', { category: 'coupon', name: '代金券', faceValue: 5000, couponValidFrom: '2027-01-01', couponValidTo: '2027-12-31', scenicSpot: '不相干' });
    expect(coupon.status).toBe(201);
    expect(coupon.body).toMatchObject({ category: 'coupon', faceValue: 5000, scenicSpot: null, status: 'unlisted' });
    const bad = await as(app, supplier.token).post('/products', { category: 'retail', name: '茶', sku: 'T1', referencePrice: 12.5 });
    expect(bad.body.errors).toHaveProperty('referencePrice');
    const listed = await as(app, supplier.token).post(`/products/${coupon.body.id}/list`);
    expect(listed.body.status).toBe('listed');
  });

  it('keeps a retail SKU to one product of its supplier (400 naming sku, also under concurrent creates)', async () => {
    const retail = (token: string, name: string, sku: string) => as(app, token).post('/products', { category: 'retail', name, sku, fulfilmentMode: 'courier' });
    const first = await retail(supplier.token, '龙井 250g', 'TEA-250');
    expect(first.status).toBe(201);
    const twin = await retail(supplier.token, '龙井 500g', 'TEA-250');
    expect(twin.status).toBe(400);
    expect(Object.keys(twin.body.errors)).toEqual(['sku']);
    expect(twin.body.errors.sku).toContain('龙井 250g');
    // another supplier may use the same SKU
    expect((await retail(other.token, '别家龙井', 'TEA-250')).status).toBe(201);
    // renaming another product's SKU to a taken one is refused too; keeping its own is fine
    const second = await retail(supplier.token, '龙井 500g', 'TEA-500');
    expect(second.status).toBe(201);
    const clash = await as(app, supplier.token).put(`/products/${second.body.id}`, { ...second.body, sku: 'TEA-250' });
    expect(clash.status).toBe(400);
    expect(clash.body.errors).toHaveProperty('sku');
    expect((await as(app, supplier.token).put(`/products/${second.body.id}`, { ...second.body, name: '龙井 500 克' })).status).toBe(200);
    // concurrent creates of one new SKU: exactly one product, the others a 400 on sku (the unique index decides)
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => retail(supplier.token, `碧螺春 ${i}`, 'BLC-1')));
    expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    for (const r of results.filter((x) => x.status === 400)) expect(Object.keys(r.body.errors)).toEqual(['sku']);
    expect(await app.strapi.db.query('plugin::catalogue.product').count({ where: { supplierId: supplier.enterpriseId, sku: 'BLC-1' } })).toBe(1);
  });

  it('builds combos of own products only; the main product decides the category', async () => {
    const ticket = await product(app, supplier);
    const lunch = await product(app, supplier, { category: 'catering', name: '午餐', venue: '湖边餐厅', stockMode: 'total' });
    const foreign = await product(app, other);
    const combo = await as(app, supplier.token).post('/products', { isCombo: true, name: '门票+午餐', mainProductId: lunch.id, comboItems: [{ productId: ticket.id, quantity: 1 }, { productId: lunch.id, quantity: 2 }] });
    expect(combo.status).toBe(201);
    expect(combo.body).toMatchObject({ category: 'catering', isCombo: true, stockMode: 'none' });
    const cases: [Record<string, unknown>, string][] = [
      [{ isCombo: true, name: 'x', mainProductId: ticket.id, comboItems: [{ productId: foreign.id, quantity: 1 }, { productId: ticket.id, quantity: 1 }] }, 'comboItems.0.productId'],
      [{ isCombo: true, name: 'x', mainProductId: ticket.id, comboItems: [{ productId: combo.body.id, quantity: 1 }, { productId: ticket.id, quantity: 1 }] }, 'comboItems.0.productId'],
      [{ isCombo: true, name: 'x', mainProductId: foreign.id, comboItems: [{ productId: ticket.id, quantity: 1 }] }, 'mainProductId'],
      [{ isCombo: true, name: 'x', mainProductId: ticket.id, comboItems: [{ productId: ticket.id, quantity: 0 }] }, 'comboItems.0.quantity'],
      [{ isCombo: true, name: 'x', mainProductId: ticket.id, comboItems: [] }, 'comboItems'],
    ];
    for (const [body, field] of cases) {
      const res = await as(app, supplier.token).post('/products', body);
      expect([field, res.status, Object.keys(res.body.errors ?? {})]).toEqual([field, 400, [field]]);
    }
    const self = await as(app, supplier.token).put(`/products/${combo.body.id}`, { comboItems: [{ productId: combo.body.id, quantity: 1 }], mainProductId: combo.body.id });
    expect(self.status).toBe(400);
    expect(self.body.errors).toHaveProperty(['comboItems.0.productId']);
    // a combo reserves its parts
    const lines = await app.strapi.plugin('catalogue').service('products').stockLines([{ reference: 'L1', productId: combo.body.id, quantity: 3, day: '2027-01-01' }]);
    expect(lines).toEqual([
      { reference: `L1/${ticket.id}`, productId: ticket.id, quantity: 3, day: '2027-01-01' },
      { reference: `L1/${lunch.id}`, productId: lunch.id, quantity: 6, day: '2027-01-01' },
    ]);
  });

  it('keeps stock maintenance in step with the product stock mode', async () => {
    const ticket = await product(app, supplier);
    const res = await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 30, from: '2027-02-01', to: '2027-02-03' });
    expect(res.body).toEqual({ changed: 3, slots: 3 });
    const switched = await as(app, supplier.token).put(`/products/${ticket.id}`, { stockMode: 'total' });
    expect(switched.body.stockMode).toBe('total');
    expect((await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 5 })).body).toEqual({ changed: 1, slots: 1 });
  });
});

describe('sales strategies (F70)', () => {
  it('validates lines, sellers and dates, naming the field', async () => {
    const ticket = await product(app, supplier);
    const foreign = await product(app, other);
    const base = { channel: 'individual', name: 'S', effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, lines: [{ productId: foreign.id, price: 100 }] }, 'lines.0.productId'],
      [{ ...base, lines: [{ productId: ticket.id, price: -1 }] }, 'lines.0.price'],
      [{ ...base, lines: [{ productId: ticket.id, price: 10.5 }] }, 'lines.0.price'],
      [{ ...base, lines: [{ productId: ticket.id, price: 100, minQuantity: 5, maxQuantity: 2 }] }, 'lines.0.maxQuantity'],
      [{ ...base, effectiveTo: '2026-12-31', lines: [{ productId: ticket.id, price: 100 }] }, 'effectiveTo'],
      [{ ...base, appliesTo: 'named', sellerIds: [seller2.enterpriseId], lines: [{ productId: ticket.id, price: 100 }] }, 'sellerIds'],
      [{ ...base, requiresAudit: true, lines: [{ productId: ticket.id, price: 100 }] }, 'requiresAudit'],
      [{ ...base, lines: [] }, 'lines'],
    ];
    for (const [body, field] of cases) {
      const res = await as(app, supplier.token).post('/strategies', body);
      expect([field, res.status, Object.keys(res.body.errors ?? {})]).toEqual([field, 400, [field]]);
    }
  });

  it('allows one effective strategy per product, channel and seller: overlaps are refused', async () => {
    const ticket = await product(app, supplier);
    const first = await as(app, supplier.token).post('/strategies', { channel: 'gov', name: '政企价', effectiveFrom: '2027-01-01', effectiveTo: '2027-06-30', requiresAudit: true, lines: [{ productId: ticket.id, price: 7000 }] });
    expect(first.status).toBe(201);
    expect(first.body.lines).toEqual([{ productId: ticket.id, price: 7000, settlementPrice: null, minQuantity: 1, maxQuantity: null, dailyMax: null }]);
    const clash = await as(app, supplier.token).post('/strategies', { channel: 'gov', name: '重叠', effectiveFrom: '2027-06-01', effectiveTo: '2027-12-31', lines: [{ productId: ticket.id, price: 6000 }] });
    expect(clash.status).toBe(400);
    expect(clash.body.errors['lines.0.productId']).toContain('政企价');
    const later = await as(app, supplier.token).post('/strategies', { channel: 'gov', name: '下半年', effectiveFrom: '2027-07-01', effectiveTo: '2027-12-31', lines: [{ productId: ticket.id, price: 6000 }] });
    expect(later.status).toBe(201);
    const otherChannel = await as(app, supplier.token).post('/strategies', { channel: 'individual', name: '个人', effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31', lines: [{ productId: ticket.id, price: 9000 }] });
    expect(otherChannel.status).toBe(201);
    await as(app, supplier.token).post(`/strategies/${first.body.id}/disable`);
    const nowFree = await as(app, supplier.token).put(`/strategies/${later.body.id}`, { effectiveFrom: '2027-05-01' });
    expect(nowFree.status).toBe(200);
    const reEnable = await as(app, supplier.token).post(`/strategies/${first.body.id}/enable`);
    expect(reEnable.status).toBe(400);
  });
});

describe('e-agreements (F60–F62)', () => {
  it('drafts with an attachment, hides drafts from the seller, confirms, lets only the seller download', async () => {
    const file = await upload(supplier.token, PDF, '合作协议.pdf');
    expect(file.status).toBe(201);
    const draft = await agreement(app, supplier, seller, { draft: true, number: 'HX-2027-001', attachmentIds: [file.body.id] });
    expect(draft).toMatchObject({ status: 'draft', attachments: [{ id: file.body.id, name: '合作协议.pdf', mime: 'application/pdf' }] });
    expect((await as(app, seller.token).get(`/agreements/${draft.id}`)).status).toBe(404);
    const dup = await as(app, supplier.token).post('/agreements', { sellerId: seller.enterpriseId, number: 'HX-2027-001', title: 't', validFrom: '2027-01-01', validTo: '2027-12-31' });
    expect(dup.body.errors).toHaveProperty('number');
    const confirmed = await as(app, supplier.token).post(`/agreements/${draft.id}/confirm`);
    expect(confirmed.body.status).toBe('effective');
    expect((await as(app, supplier.token).put(`/agreements/${draft.id}`, { title: 'changed' })).status).toBe(409);
    const seen = await as(app, seller.token).get(`/agreements/${draft.id}`);
    expect(seen.body).toMatchObject({ status: 'effective', supplierName: 'cat_supplier 企业' });
    const download = await as(app, seller.token).get(`/agreements/${draft.id}/attachment?fileId=${file.body.id}`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('合作协议.pdf'));
    expect(Buffer.from(download.body).subarray(0, 4).toString()).toBe('%PDF');
    expect((await as(app, seller2.token).get(`/agreements/${draft.id}/attachment?fileId=${file.body.id}`)).status).toBe(404);
    expect((await as(app, seller.token).get(`/files/${file.body.id}/download`)).status).toBe(404);
    const notification = await as(app, seller.token).list('notifications', { filter: { type: 'agreement' } });
    expect(notification.body.length).toBeGreaterThanOrEqual(1);
  });

  it('deletes a draft (issue 13 item 10): only a draft, only its supplier; a confirmed agreement stays', async () => {
    const draft = await agreement(app, supplier, seller, { draft: true, number: 'HX-DEL-1' });
    const row = (id: number) => app.strapi.db.query('plugin::catalogue.agreement').findOne({ where: { id } });
    // the seller may not write agreements (and never sees a draft), another supplier has no such id
    expect((await as(app, seller.token).delete(`/agreements/${draft.id}`)).status).toBe(403);
    expect((await as(app, other.token).delete(`/agreements/${draft.id}`)).status).toBe(404);
    expect(await row(draft.id)).not.toBeNull();
    const deleted = await as(app, supplier.token).delete(`/agreements/${draft.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: draft.id, number: 'HX-DEL-1' });
    expect(await row(draft.id)).toBeNull();
    expect((await as(app, supplier.token).get(`/agreements/${draft.id}`)).status).toBe(404);
    // the number is free again
    expect((await agreement(app, supplier, seller, { draft: true, number: 'HX-DEL-1' })).status).toBe('draft');
    const confirmed = await agreement(app, supplier, seller, { number: 'HX-DEL-2' });
    const refused = await as(app, supplier.token).delete(`/agreements/${confirmed.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('草稿');
    expect((await row(confirmed.id)).state).not.toBe('draft');
    expect((await as(app, seller.token).delete(`/agreements/${confirmed.id}`)).status).toBe(403);
    expect(await row(confirmed.id)).not.toBeNull();
  });

  it('refuses forbidden and oversized attachments, and another enterprise\'s files', async () => {
    expect((await upload(supplier.token, Buffer.from('<script>alert(1)</script>'), 'x.html')).body.errors).toHaveProperty('file');
    expect((await upload(supplier.token, Buffer.from('MZ not a pdf'), 'fake.pdf')).body.errors).toHaveProperty('file');
    const big = await upload(supplier.token, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'big.pdf');
    expect(big.status).toBeGreaterThanOrEqual(400);
    expect(big.status).toBeLessThan(500);
    const theirs = await upload(other.token, PDF, 'theirs.pdf');
    const res = await as(app, supplier.token).post('/agreements', { sellerId: seller.enterpriseId, number: 'HX-X', title: 't', validFrom: '2027-01-01', validTo: '2027-12-31', attachmentIds: [theirs.body.id] });
    expect(res.body.errors).toHaveProperty('attachmentIds');
  });

  it('becomes effective on its start date and expires after its end date (injected clock), or is terminated', async () => {
    const start = shift(today(), 3);
    const future = await agreement(app, supplier, seller, { validFrom: start, validTo: shift(start, 1) });
    const row = () => app.strapi.db.query('plugin::catalogue.agreement').findOne({ where: { id: future.id } });
    expect((await row()).state).toBe('confirmed');
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    const at = (day: string, time: string) => new Date(`${day}T${time}+08:00`);
    await jobs.runNow('catalogue.agreements', at(shift(start, -1), '23:59:59'));
    expect((await row()).state).toBe('confirmed');
    await jobs.runNow('catalogue.agreements', at(start, '00:00:01'));
    expect((await row()).state).toBe('effective');
    await jobs.runNow('catalogue.agreements', at(shift(start, 1), '23:59:59'));
    expect((await row()).state).toBe('effective');
    await jobs.runNow('catalogue.agreements', at(shift(start, 2), '00:00:01'));
    expect((await row()).state).toBe('expired');
    const current = await agreement(app, supplier, seller);
    expect((await as(app, supplier.token).post(`/agreements/${current.id}/terminate`, {})).body.errors).toHaveProperty('reason');
    const ended = await as(app, supplier.token).post(`/agreements/${current.id}/terminate`, { reason: '违约' });
    expect(ended.body).toMatchObject({ status: 'terminated', terminationReason: '违约' });
  });
});

describe('the seller\'s catalogue', () => {
  it('shows what the seller may order today, with the strategy price, and nothing once the partnership stops', async () => {
    const s = await tenant(app, 'supplier', 'shop_supplier');
    const buyer = await tenant(app, 'seller', 'shop_seller');
    const stranger = await tenant(app, 'seller', 'shop_stranger');
    const partnership = await partner(app, s, buyer);
    await partner(app, s, stranger);
    const ticket = await product(app, s, { name: '西湖游船' });
    const hidden = await product(app, s, { name: '未上架', unlisted: true });
    await strategy(app, s, [{ productId: ticket.id, price: 7500, maxQuantity: 10 }, { productId: hidden.id, price: 100 }], { appliesTo: 'named', sellerIds: [buyer.enterpriseId] });
    await strategy(app, s, [{ productId: ticket.id, price: 7000 }], { channel: 'gov', name: '政企' });
    const list = (token: string, filter: Record<string, unknown> = {}) => as(app, token).list('catalogue', { filter });
    expect((await list(buyer.token)).body).toEqual([]); // no agreement yet
    await agreement(app, s, buyer);
    await agreement(app, s, stranger);
    const offered = await list(buyer.token);
    expect(offered.body.map((p: any) => p.name)).toEqual(['西湖游船']);
    expect(offered.body[0].offers.map((o: any) => [o.channel, o.price]).sort()).toEqual([['gov', 7000], ['individual', 7500]]);
    expect(offered.body[0].supplierName).toBe('shop_supplier 企业');
    const gov = await list(buyer.token, { channel: 'gov' });
    expect(gov.body[0].offers.map((o: any) => o.price)).toEqual([7000]);
    // the stranger is not named on the individual strategy: gov only
    expect((await list(stranger.token)).body[0].offers.map((o: any) => o.channel)).toEqual(['gov']);
    expect((await as(app, buyer.token).get(`/catalogue/${hidden.id}`)).status).toBe(404);
    await as(app, s.token).post(`/partnerships/${partnership.id}/stop`, { reason: '暂停' });
    expect((await list(buyer.token)).body).toEqual([]);
    expect((await as(app, buyer.token).get(`/catalogue/${ticket.id}`)).status).toBe(404);
    expect((await as(app, s.token).list('catalogue')).status).toBe(403);
  });
});

describe('product pictures', () => {
  it('attaches own images and shows them to the supplier and to sellers who may order the product', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff0d9b6d0000000049454e44ae426082', 'hex');
    const s = await tenant(app, 'supplier', 'pic_supplier');
    const buyer = await tenant(app, 'seller', 'pic_seller');
    await partner(app, s, buyer);
    await agreement(app, s, buyer);
    const image = await upload(s.token, png, '封面.png');
    const item = await product(app, s, { name: '带图产品', pictures: [image.body.id] });
    await strategy(app, s, [{ productId: item.id, price: 100 }]);
    const own = await as(app, s.token).get(`/products/${item.id}/picture?fileId=${image.body.id}`).buffer(true);
    expect([own.status, own.headers['content-type'], own.headers['content-disposition'].startsWith('inline')]).toEqual([200, 'image/png', true]);
    const seen = await as(app, buyer.token).get(`/catalogue/${item.id}/picture?fileId=${image.body.id}`).buffer(true);
    expect(seen.status).toBe(200);
    expect((await as(app, seller2.token).get(`/catalogue/${item.id}/picture?fileId=${image.body.id}`)).status).toBe(404);
    const foreign = await upload(other.token, png, 'x.png');
    expect((await as(app, s.token).post('/products', { category: 'ticket', name: 'x', scenicSpot: 'y', pictures: [foreign.body.id] })).body.errors).toHaveProperty('pictures');
    expect((await as(app, s.token).get(`/products/${item.id}/picture?fileId=${foreign.body.id}`)).status).toBe(400);
  });
});
