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
