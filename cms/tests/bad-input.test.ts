import jwt from 'jsonwebtoken';
import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';

let app: TestApp;
let seller: Tenant;
beforeAll(async () => {
  app = await startApp();
  seller = await tenant(app, 'seller', 'bad_input');
});
afterAll(async () => { await app?.close(); });

const count = () => app.strapi.db.query('plugin::identity.employee').count({ where: { enterpriseId: seller.enterpriseId } });

describe('bad input is a 4xx naming the problem, never a 500, never a partial write', () => {
  it('malformed JSON', async () => {
    const res = await app.http.post('/api/console/employees').set('Authorization', `Bearer ${seller.token}`)
      .set('Content-Type', 'application/json').send('{"employeeNo": "X1", "name": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_JSON');
    expect(res.body.message).toBe('请求体不是有效的 JSON');
  });

  it('wrong types, overlong strings and unknown fields, all reported at once', async () => {
    const res = await as(app, seller.token).post('/employees', { employeeNo: 42, name: '名'.repeat(51), nickname: 'x', status: 'retired' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['employeeNo', 'name', 'nickname', 'status']);
    expect(res.body.errors.name).toBe('长度不能超过 50 个字符');
    expect(await count()).toBe(0);
  });

  it('a body that is not an object', async () => {
    const res = await as(app, seller.token).post('/employees', [1, 2]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_BODY');
  });

  it('unknown filter and sort fields, bad ranges and values', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { salary_gte: 1 } }, 'salary_gte'],
      [{ filter: { createdAt_gte: 'yesterday' } }, 'createdAt_gte'],
      [{ filter: { status: 'retired' } }, 'status'],
      [{ sort: ['salary', 'ASC'] }, 'sort'],
      [{ sort: ['name', 'SIDEWAYS'] }, 'sort'],
      [{ range: [10, 0] }, 'range'],
      [{ range: [0, 5000] }, 'range'],
    ];
    for (const [params, field] of cases) {
      const res = await as(app, seller.token).list('employees', params);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.errors).toHaveProperty(field);
    }
    const garbage = await as(app, seller.token).get('/employees?filter=%7Bnot-json');
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors).toHaveProperty('filter');
  });

  it('missing, expired and forged tokens', async () => {
    const missing = await app.http.get('/api/console/employees');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
    const secret = app.strapi.config.get('plugin::users-permissions.jwtSecret') as string;
    const expired = jwt.sign({ id: seller.adminId }, secret, { expiresIn: -10 });
    expect((await app.http.get('/api/console/employees').set('Authorization', `Bearer ${expired}`)).status).toBe(401);
    const forged = jwt.sign({ id: seller.adminId }, 'not-the-secret');
    expect((await app.http.get('/api/console/employees').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    const garbage = await app.http.get('/api/console/employees').set('Authorization', 'Bearer abc.def');
    expect(garbage.status).toBe(401);
  });

  it('unknown resources, actions and ids', async () => {
    expect((await as(app, seller.token).list('salaries')).status).toBe(404);
    expect((await as(app, seller.token).post('/accounts/99999/reset-password', { password: 'Secret123x' })).status).toBe(404);
    expect((await as(app, seller.token).post('/employees/explode', {})).status).toBe(404);
    expect((await as(app, seller.token).get('/employees/0')).status).toBe(400);
    expect((await as(app, seller.token).post('/enterprises', { name: 'x' })).status).toBe(405);
  });

  it('weak passwords and duplicate account names name the field', async () => {
    const weak = await as(app, seller.token).post('/accounts', { username: 'weakling', email: 'weak@test.local', password: '123' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toHaveProperty('password');
    const taken = await as(app, seller.token).post('/accounts', { username: 'bad_input', email: 'other@test.local', password: 'Secret123x' });
    expect(taken.status).toBe(400);
    expect(taken.body.errors).toEqual({ username: '账号名已被使用' });
  });
});

describe('hostile values the fuzz test found 500s for (#11.4) and impossible dates (#11.11)', () => {
  let supplier: Tenant;
  beforeAll(async () => { supplier = await tenant(app, 'supplier', 'bad_input_supplier'); });
  const fieldsOf = (res: any) => Object.keys(res.body.errors ?? {});

  it('NUL and lone surrogates in text fields and text filters', async () => {
    const nul = await as(app, seller.token).post('/employees', { employeeNo: 'N1', name: 'a\u0000b' });
    expect([nul.status, fieldsOf(nul)]).toEqual([400, ['name']]);
    const surrogate = await as(app, seller.token).post('/employees', { employeeNo: 'N1', name: 'a\ud800b' });
    expect([surrogate.status, fieldsOf(surrogate)]).toEqual([400, ['name']]);
    for (const filter of [{ q: 'a\u0000b' }, { name: 'a\u0000b' }]) {
      const res = await as(app, seller.token).list('employees', { filter });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)[0]).toMatch(/^filter|^q$|^name$/);
    }
    expect(await count()).toBe(0);
  });

  it('sort as an object, ids past 2^31−1 and date-times outside any database range', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sort: { id: 'asc' } }, 'sort'],
      [{ filter: { id: 2_147_483_648 } }, 'id'],
      [{ filter: { id: [1, 2_147_483_648] } }, 'id'],
      [{ filter: { createdAt_gte: '-271821-04-20T00:00:00Z' } }, 'createdAt_gte'],
      [{ filter: { createdAt_gte: '2026-02-30T00:00:00Z' } }, 'createdAt_gte'],
    ];
    for (const [params, field] of cases) {
      const res = await as(app, seller.token).list('employees', params);
      expect([field, res.status, fieldsOf(res)]).toEqual([field, 400, [field]]);
    }
    const far = await as(app, supplier.token).post('/announcements', { type: 'notice', title: '公告', body: '<p>x</p>', audience: 'all', publishAt: '+275760-09-13T00:00:00Z' });
    expect([far.status, fieldsOf(far)]).toEqual([400, ['publishAt']]);
  });

  it('malformed order lines are named field by field', async () => {
    const base = { channel: 'individual', paymentMode: 'prepaid', customerName: '客户' };
    const cases: [unknown, string][] = [
      [[null], 'lines.0'],
      [[{}], 'lines.0.productId'],
      [['a'], 'lines.0'],
      [[{ productId: 'x', strategyId: 1, quantity: 1 }], 'lines.0.productId'],
      [[{ productId: { $gt: 0 }, strategyId: 1, quantity: 1 }], 'lines.0.productId'],
      [[{ productId: 1, strategyId: 1, quantity: 1, day: '2'.repeat(300) }], 'lines.0.day'],
      [{ $gt: 0 }, 'lines'],
    ];
    for (const [lines, field] of cases) {
      const res = await as(app, seller.token).post('/orders', { ...base, lines });
      expect([field, res.status]).toEqual([field, 400]);
      expect(fieldsOf(res)).toContain(field);
    }
    const deep = await as(app, seller.token).post('/orders', { ...base, lines: JSON.parse(`${'['.repeat(3000)}1${']'.repeat(3000)}`) });
    expect(deep.status).toBe(400);
    const employee = await as(app, seller.token).post('/orders', { ...base, channel: 'employee', lines: [{ productId: 1, strategyId: 1, quantity: 1 }] });
    expect([employee.status, fieldsOf(employee)]).toEqual([400, ['channel']]);
    expect(await app.strapi.db.query('plugin::orders.order').count({})).toBe(0);
  });

  it('a verb body that is an array, not JSON, or holds unknown fields', async () => {
    const array = await as(app, supplier.token).post('/stock-days/maintain', [1, 2]);
    expect([array.status, fieldsOf(array)]).toEqual([400, ['body']]);
    const text = await app.http.post('/api/console/stock-days/maintain').set('Authorization', `Bearer ${supplier.token}`)
      .set('Content-Type', 'application/json').send('not json');
    expect([text.status, text.body.code]).toEqual([400, 'BAD_JSON']);
    const unknown = await as(app, supplier.token).post('/stock-days/maintain', { productId: 1, mode: 'set', quantity: 1, colour: 'red' });
    expect([unknown.status, fieldsOf(unknown)]).toEqual([400, ['colour']]);
  });

  it('impossible calendar days are refused wherever a day is taken', async () => {
    const { partner, agreement, product } = require('./helpers/catalogue');
    await partner(app, supplier, seller);
    const ticket = await product(app, supplier, { stockMode: 'none' });
    const agreementRes = await as(app, supplier.token).post('/agreements', { sellerId: seller.enterpriseId, number: 'AG-BAD', title: '协议', validFrom: '2026-02-30', validTo: '2026-13-01' });
    expect([agreementRes.status, fieldsOf(agreementRes).sort()]).toEqual([400, ['validFrom', 'validTo']]);
    const strategyRes = await as(app, supplier.token).post('/strategies', { channel: 'individual', name: '价', effectiveFrom: '0000-01-01', effectiveTo: '2026-12-31', lines: [{ productId: ticket.id, price: 100 }] });
    expect([strategyRes.status, fieldsOf(strategyRes)]).toEqual([400, ['effectiveFrom']]);
    const cart = await as(app, seller.token).post('/cart-items', { channel: 'individual', productId: ticket.id, strategyId: 1, quantity: 1, day: '2026-13-01' });
    expect([cart.status, fieldsOf(cart)]).toEqual([400, ['day']]);
    const visit = await as(app, seller.token).post('/orders', { channel: 'individual', paymentMode: 'prepaid', customerName: '客户', visitDate: '2026-02-30', lines: [{ productId: ticket.id, strategyId: 1, quantity: 1 }] });
    expect([visit.status, fieldsOf(visit)]).toEqual([400, ['visitDate']]);
    await agreement(app, supplier, seller);
    const credit = (await as(app, supplier.token).post('/credit-accounts', { sellerId: seller.enterpriseId })).body;
    const limit = await as(app, supplier.token).post(`/credit-accounts/${credit.id}/set-limit`, { creditLimit: 100, validFrom: '2026-01-01', validTo: '2026-02-30' });
    expect([limit.status, fieldsOf(limit)]).toEqual([400, ['validTo']]);
    const publish = await as(app, supplier.token).post('/announcements', { type: 'notice', title: '公告', body: '<p>x</p>', audience: 'all', publishAt: '2026-02-30T10:00:00Z' });
    expect([publish.status, fieldsOf(publish)]).toEqual([400, ['publishAt']]);
  });
});
