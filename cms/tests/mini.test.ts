import { startApp, TestApp, BYPASS } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { agreement, partner, product, shift, strategy, today } from './helpers/catalogue';

/** The mini-program API (F98): employees of a seller buy for themselves, paid from the enterprise's account. */
let app: TestApp;
let supplier: Tenant;
let seller: Tenant;
let employeeId: number;
let ticket: any;
let offer: any;
let prepaidId: number;
const day = shift(today(), 3);
const mini = (path: string) => `/api/mini${path}`;

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'mini_supplier');
  seller = await tenant(app, 'seller', 'mini_seller');
  await partner(app, supplier, seller);
  await agreement(app, supplier, seller);
  ticket = await product(app, supplier, { name: '员工福利票' });
  await as(app, supplier.token).post('/stock-days/maintain', { productId: ticket.id, mode: 'set', quantity: 10, from: today(), to: shift(today(), 10) });
  offer = await strategy(app, supplier, [{ productId: ticket.id, price: 6600 }], { businessMode: 'prepaid' });
  prepaidId = (await as(app, supplier.token).post('/prepaid-accounts', { sellerId: seller.enterpriseId })).body.id;
  const ledger = app.strapi.plugin('ledger').service('ledger');
  await ledger.setStatus(prepaidId, 'enabled');
  await ledger.topUp(prepaidId, 100_000, { transferId: 'mini-topup' });
  employeeId = (await as(app, seller.token).post('/employees', { employeeNo: 'M001', name: '小李', phone: '13700000000' })).body.id;
});
afterAll(async () => { await app?.close(); });

const creditCode = () => app.strapi.db.query('plugin::identity.enterprise').findOne({ where: { id: seller.enterpriseId } }).then((e: any) => e.creditCode);
const login = async (password: string) => app.http.post(mini('/auth/login')).send({ creditCode: await creditCode(), employeeNo: 'M001', password, captchaId: 'x', captchaCode: BYPASS });

describe('mini-program API for employee internal purchase', () => {
  let token: string;
  it('lets an employee sign in once the admin has set a password, and keeps the token out of the console', async () => {
    expect((await login('Secret123x')).status).toBe(401);
    const weak = await as(app, seller.token).post(`/employees/${employeeId}/set-mini-password`, { password: '123' });
    expect(weak.body.errors).toHaveProperty('password');
    const set = await as(app, seller.token).post(`/employees/${employeeId}/set-mini-password`, { password: 'Secret123x' });
    expect(set.status).toBe(200);
    expect(set.body.miniPassword).toBeUndefined();
    const res = await login('Secret123x');
    expect(res.status).toBe(200);
    expect(res.body.employee).toMatchObject({ id: employeeId, name: '小李', enterprise: { id: seller.enterpriseId } });
    token = res.body.jwt;
    expect((await login('wrong-pass1')).status).toBe(401);
    expect((await app.http.get('/api/console/orders').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await app.http.get(mini('/catalogue')).set('Authorization', `Bearer ${seller.token}`)).status).toBe(401);
  });

  it('browses, orders and pays from the enterprise account; the supplier sees an employee order', async () => {
    const catalogue = await app.http.get(mini('/catalogue')).set('Authorization', `Bearer ${token}`);
    expect(catalogue.body.map((p: any) => [p.name, p.offers[0].price])).toEqual([['员工福利票', 6600]]);
    const place = () => app.http.post(mini('/orders')).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', 'emp-1')
      .send({ lines: [{ productId: ticket.id, strategyId: offer.id, quantity: 2, day }] });
    const placed = await place();
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'pending_payment', totalAmount: 13200 });
    expect((await place()).body.id).toBe(placed.body.id);
    const paid = await app.http.post(mini(`/orders/${placed.body.id}/pay`)).set('Authorization', `Bearer ${token}`);
    expect(paid.body.status).toBe('paid');
    const mine = await app.http.get(mini('/orders')).set('Authorization', `Bearer ${token}`);
    expect(mine.body.map((o: any) => o.id)).toEqual([placed.body.id]);
    const listed = await as(app, supplier.token).list('orders', { filter: { channel: 'employee' } });
    expect(listed.body).toEqual([expect.objectContaining({ id: placed.body.id, customerName: '小李', sellerName: 'mini_seller 企业' })]);
    const figures = app.strapi.plugin('ledger').service('ledger').figures(await app.strapi.plugin('ledger').service('ledger').account(prepaidId));
    expect(figures).toMatchObject({ available: 100_000 - 13200, frozen: 0 });
  });

  it('refuses bad input, other employees\' orders and former employees', async () => {
    const bad = await app.http.post(mini('/orders')).set('Authorization', `Bearer ${token}`).send({ lines: [{ productId: ticket.id, strategyId: offer.id, quantity: 1, day, unitPrice: 1 }] });
    expect(bad.body.errors).toHaveProperty(['lines.0.unitPrice']);
    const other = (await as(app, seller.token).post('/employees', { employeeNo: 'M002', name: '小王' })).body.id;
    await as(app, seller.token).post(`/employees/${other}/set-mini-password`, { password: 'Secret123x' });
    const otherToken = (await app.http.post(mini('/auth/login')).send({ creditCode: await creditCode(), employeeNo: 'M002', password: 'Secret123x', captchaId: 'x', captchaCode: BYPASS })).body.jwt;
    const mine = await app.http.get(mini('/orders')).set('Authorization', `Bearer ${token}`);
    expect((await app.http.get(mini(`/orders/${mine.body[0].id}`)).set('Authorization', `Bearer ${otherToken}`)).status).toBe(404);
    expect((await app.http.post(mini(`/orders/${mine.body[0].id}/pay`)).set('Authorization', `Bearer ${otherToken}`)).status).toBe(404);
    await as(app, seller.token).put(`/employees/${other}`, { status: 'left' });
    expect((await app.http.get(mini('/orders')).set('Authorization', `Bearer ${otherToken}`)).status).toBe(401);
    expect((await app.http.get(mini('/orders'))).status).toBe(401);
  });

  it('is published in the OpenAPI document', async () => {
    const doc = await app.http.get('/api/openapi.json');
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/mini/')).sort())
      .toEqual(['/mini/auth/login', '/mini/auth/logout', '/mini/catalogue', '/mini/orders', '/mini/orders/{id}', '/mini/orders/{id}/pay']);
    // the catalogue the employee gets is what the document says, item by item (ajv, JSON Schema 2020-12)
    const Ajv2020 = require('ajv/dist/2020').default;
    const schema = doc.body.paths['/mini/catalogue'].get.responses['200'].content['application/json'].schema;
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
    const catalogue = await app.http.get(mini('/catalogue')).set('Authorization', `Bearer ${token}`);
    expect(catalogue.body.length).toBeGreaterThan(0);
    expect([validate(catalogue.body), validate.errors ?? null]).toEqual([true, null]);
  });
});

describe('mini-program sign-in: lockout, no account hints, revocation (issue 11, findings 7, 9, 10)', () => {
  const EMPLOYEE = 'plugin::identity.employee';
  const loginAs = async (employeeNo: string, password: string, lang = 'zh-CN') => app.http.post(mini('/auth/login'))
    .set('Accept-Language', lang).send({ creditCode: await creditCode(), employeeNo, password, captchaId: 'x', captchaCode: BYPASS });
  const employee = async (employeeNo: string) => {
    const id = (await as(app, seller.token).post('/employees', { employeeNo, name: `员工${employeeNo}` })).body.id as number;
    expect((await as(app, seller.token).post(`/employees/${id}/set-mini-password`, { password: 'Secret123x' })).status).toBe(200);
    return id;
  };

  it('locks an employee for 15 minutes after five wrong passwords, stored on the employee row', async () => {
    const id = await employee('L001');
    const bystander = await employee('L002');
    for (let i = 1; i <= 4; i += 1) {
      const res = await loginAs('L001', `wrong-pass${i}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await loginAs('L001', 'wrong-pass5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await loginAs('L001', 'Secret123x')).status).toBe(429);
    // per employee: a colleague of the same enterprise is not locked
    expect((await loginAs('L002', 'Secret123x')).status).toBe(200);
    const row = await app.strapi.db.query(EMPLOYEE).findOne({ where: { id } });
    expect(new Date(row.miniLockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    await app.strapi.db.query(EMPLOYEE).update({ where: { id }, data: { miniLockedUntil: new Date(Date.now() - 1000) } });
    expect((await loginAs('L001', 'Secret123x')).status).toBe(200);
    expect(bystander).toBeGreaterThan(0);
  });

  it('answers an unknown employee or enterprise exactly like a wrong password', async () => {
    await employee('L003');
    for (const lang of ['zh-CN', 'en']) {
      const wrong = await loginAs('L003', 'wrong-pass1', lang);
      const unknown = await loginAs('NO-SUCH-ONE', 'wrong-pass1', lang);
      const noEnterprise = await app.http.post(mini('/auth/login')).set('Accept-Language', lang)
        .send({ creditCode: '91000000000000000X', employeeNo: 'L003', password: 'wrong-pass1', captchaId: 'x', captchaCode: BYPASS });
      expect(wrong.status).toBe(401);
      expect([unknown.status, unknown.body]).toEqual([wrong.status, wrong.body]);
      expect([noEnterprise.status, noEnterprise.body]).toEqual([wrong.status, wrong.body]);
    }
  });

  it('revokes the employee\'s tokens on sign-out and when the admin sets a new password', async () => {
    const id = await employee('L004');
    const catalogue = (token: string) => app.http.get(mini('/catalogue')).set('Authorization', `Bearer ${token}`);
    const first = (await loginAs('L004', 'Secret123x')).body.jwt;
    const second = (await loginAs('L004', 'Secret123x')).body.jwt;
    expect((await catalogue(first)).status).toBe(200);
    expect((await app.http.post(mini('/auth/logout')).set('Authorization', `Bearer ${first}`)).status).toBe(204);
    expect((await catalogue(first)).status).toBe(401);
    expect((await catalogue(second)).status).toBe(401);
    const third = (await loginAs('L004', 'Secret123x')).body.jwt;
    expect((await catalogue(third)).status).toBe(200);
    expect((await as(app, seller.token).post(`/employees/${id}/set-mini-password`, { password: 'Another99x' })).status).toBe(200);
    expect((await catalogue(third)).status).toBe(401);
    expect((await loginAs('L004', 'Another99x')).status).toBe(200);
  });
});
