import { startApp, TestApp } from './helpers/app';
import { as, signIn, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, strategy } from './helpers/catalogue';

/** Issue 13 ("business gaps and console polish"): what the server tells a reader, through the real API. */
let app: TestApp;
let seller: Tenant;
beforeAll(async () => {
  app = await startApp();
  seller = await tenant(app, 'seller', 'wording_seller');
});
afterAll(async () => { await app?.close(); });

describe('roles say who holds them (#31)', () => {
  it('a role lists the accounts holding it, in the list and in getOne, so deleting it can name them', async () => {
    const admin = as(app, seller.token);
    const role = (await admin.post('/roles', { name: '下单员', permissions: ['orders.read'] })).body;
    const idle = (await admin.post('/roles', { name: '闲置', permissions: [] })).body;
    expect(role.holders).toEqual([]);
    await admin.post('/accounts', { username: 'holder1', email: 'holder1@test.local', password: 'Secret123x', displayName: '张三', roleIds: [role.id] }).expect(201);
    await admin.post('/accounts', { username: 'holder2', email: 'holder2@test.local', password: 'Secret123x', roleIds: [role.id, idle.id] }).expect(201);
    expect((await admin.get(`/roles/${role.id}`)).body.holders).toEqual(['张三', 'holder2']);
    const listed = (await admin.list('roles')).body as { id: number; holders: string[] }[];
    expect(listed.find((r) => r.id === idle.id)?.holders).toEqual(['holder2']);
    // read-only: sending it back changes nothing
    expect((await admin.put(`/roles/${idle.id}`, { ...idle, holders: ['x'] })).body.holders).toEqual(['holder2']);
  });
});

describe('employees show whether they have a mini-program password (#26)', () => {
  it('hasMiniPassword turns true once a password is set, and the password never leaves', async () => {
    const admin = as(app, seller.token);
    const employee = (await admin.post('/employees', { employeeNo: 'W001', name: '李四' })).body;
    expect(employee.hasMiniPassword).toBe(false);
    await admin.post(`/employees/${employee.id}/set-mini-password`, { password: 'Secret123x' }).expect(200);
    const after = (await admin.get(`/employees/${employee.id}`)).body;
    expect(after.hasMiniPassword).toBe(true);
    expect(JSON.stringify(after)).not.toMatch(/miniPassword"|\$2[aby]\$/);
  });
});

describe('messages name fields by label and permissions by name (#35)', () => {
  it('a refused call names the permission it lacks in Chinese, never its key', async () => {
    const admin = as(app, seller.token);
    const role = (await admin.post('/roles', { name: '只看订单', permissions: ['orders.read'] })).body;
    await admin.post('/accounts', { username: 'reader1', email: 'reader1@test.local', password: 'Secret123x', roleIds: [role.id] }).expect(201);
    const reader = as(app, await signIn(app, 'reader1', 'Secret123x'));
    const refused = await reader.list('roles');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('没有权限（需要「查看角色」）');
  });

  it('a one-field 400 says the message once, without the field key', async () => {
    const admin = as(app, seller.token);
    await admin.post('/employees', { employeeNo: 'W002', name: '王五' }).expect(201);
    const duplicate = await admin.post('/employees', { employeeNo: 'W002', name: '王五' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.message).toBe('工号已存在');
    const missing = await admin.post('/roles', { name: '', permissions: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.message).not.toMatch(/^name/);
    expect(missing.body.message).toMatch(/^名称：/);
  });
});

describe('notification titles in the reader\'s language (#35)', () => {
  it('stores the kind and parameters and renders the title per reader; an old row keeps its stored title', async () => {
    const supplier = await tenant(app, 'supplier', 'wording_supplier');
    await as(app, supplier.token).post('/partnerships', { sellerId: seller.enterpriseId }).expect(201);
    const row = await app.strapi.db.query('plugin::messaging.notification').findOne({ where: { userId: seller.adminId, titleKey: 'partnership_added' } });
    expect(row).toMatchObject({ titleParams: { enterprise: expect.any(String) } });
    const name = row.titleParams.enterprise;
    expect(row.title).toBe(`${name} 已将贵司添加为合作销售方`);
    await app.strapi.db.query('plugin::messaging.notification').create({ data: { userId: seller.adminId, enterpriseId: seller.enterpriseId, type: 'system', title: '旧消息：系统维护', read: false } });
    const read = (lang: string) => app.http.get('/api/console/notifications').set('Authorization', `Bearer ${seller.token}`).set('Accept-Language', lang);
    const titles = async (lang: string) => ((await read(lang)).body as { title: string }[]).map((n) => n.title).sort();
    expect(await titles('zh-CN')).toEqual([`${name} 已将贵司添加为合作销售方`, '旧消息：系统维护'].sort());
    expect(await titles('en')).toEqual([`${name} added your company as a partner seller`, '旧消息：系统维护'].sort());
    const one = await app.http.get(`/api/console/notifications/${row.id}`).set('Authorization', `Bearer ${seller.token}`).set('Accept-Language', 'en');
    expect(one.body.title).toBe(`${name} added your company as a partner seller`);
  });
});

describe('warnings before saving (#33)', () => {
  it('the server warns when a sold product switches stock mode, or a part of a listed combo is unlisted; it writes nothing', async () => {
    const supplier = await tenant(app, 'supplier', 'warn_supplier');
    const admin = as(app, supplier.token);
    const make = async (body: Record<string, unknown>) => {
      const res = await admin.post('/products', body);
      expect(res.status).toBe(201);
      return res.body;
    };
    const part = await make({ category: 'ticket', name: '西湖门票', scenicSpot: '西湖', referencePrice: 8000, stockMode: 'daily' });
    const other = await make({ category: 'ticket', name: '灵隐门票', scenicSpot: '灵隐', referencePrice: 5000, stockMode: 'none' });
    await admin.post(`/products/${part.id}/list`).expect(200);
    await admin.post(`/products/${other.id}/list`).expect(200);
    const combo = await make({ category: 'ticket', isCombo: true, name: '西湖一日游', comboItems: [{ productId: part.id, quantity: 2 }, { productId: other.id, quantity: 1 }], mainProductId: part.id });
    await admin.post(`/products/${combo.id}/list`).expect(200);

    const warn = (id: number, body: Record<string, unknown>, lang = 'zh-CN') =>
      app.http.post(`/api/console/products/${id}/warnings`).set('Authorization', `Bearer ${supplier.token}`).set('Accept-Language', lang).send(body);
    // nothing sold yet: switching says nothing
    expect((await warn(part.id, { stockMode: 'total' })).body).toEqual({ warnings: [] });
    await app.strapi.db.query('plugin::orders.order-line').create({ data: {
      orderId: 999999, productId: part.id, productName: '西湖门票', strategyId: 1, quantity: 3, unitPrice: 8000, amount: 24000, fulfilmentStatus: 'pending',
    } });
    const switched = await warn(part.id, { stockMode: 'total' });
    expect(switched.status).toBe(200);
    expect(switched.body.warnings).toEqual([expect.stringContaining('已售出 3 件')]);
    expect(switched.body.warnings[0]).toContain('库存日历上每天的数量不再使用');
    expect((await warn(part.id, { stockMode: 'total' }, 'en')).body.warnings[0]).toContain('has sold 3');
    expect((await warn(part.id, { stockMode: 'daily' })).body.warnings).toEqual([]); // not a switch
    const unlisting = await warn(other.id, { unlist: true });
    expect(unlisting.body.warnings).toEqual(['该产品属于已上架的组合产品 「西湖一日游」：下架后这些组合产品也无法下单。']);
    // advice only: the product is unchanged
    expect((await admin.get(`/products/${part.id}`)).body).toMatchObject({ stockMode: 'daily', status: 'listed' });
    // a bad body is a 400 naming the field; another tenant's product a 404
    expect((await warn(part.id, { stockMode: 'weekly' })).body.errors).toHaveProperty('stockMode');
    const stranger = await tenant(app, 'supplier', 'warn_stranger');
    expect((await app.http.post(`/api/console/products/${part.id}/warnings`).set('Authorization', `Bearer ${stranger.token}`).send({ unlist: true })).status).toBe(404);
  });
});

describe('the catalogue names a combo\'s parts (#26)', () => {
  it('a seller reads each part of a combo by name with its quantity', async () => {
    const supplier = await tenant(app, 'supplier', 'combo_supplier');
    const buyer = await tenant(app, 'seller', 'combo_seller');
    await partner(app, supplier, buyer);
    await agreement(app, supplier, buyer);
    const a = await product(app, supplier, { name: '西湖门票', stockMode: 'none' });
    const b = await product(app, supplier, { name: '游船票', stockMode: 'none' });
    const combo = await product(app, supplier, { name: '西湖套票', isCombo: true, comboItems: [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 1 }], mainProductId: a.id });
    await strategy(app, supplier, [{ productId: combo.id, price: 15000, minQuantity: 1 }]);
    const listed = await as(app, buyer.token).list('catalogue', { filter: { isCombo: true } });
    expect(listed.status).toBe(200);
    expect(listed.body.map((p: any) => [p.name, p.comboItems])).toEqual([['西湖套票', [
      { productId: a.id, quantity: 2, name: '西湖门票' }, { productId: b.id, quantity: 1, name: '游船票' },
    ]]]);
  });
});
