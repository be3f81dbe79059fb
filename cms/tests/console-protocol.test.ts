import { startApp, TestApp } from './helpers/app';
import { tenant, Tenant } from './helpers/fixtures';

/**
 * Drives the console API with the real ra-data-simple-rest client, over real HTTP, as the
 * react-admin console does.
 */
let app: TestApp;
let owner: Tenant;
let provider: any;

beforeAll(async () => {
  app = await startApp();
  owner = await tenant(app, 'seller', 'protocol_seller');
  const simpleRestModule = require('ra-data-simple-rest');
  const simpleRestProvider = simpleRestModule.default ?? simpleRestModule;
  const { fetchUtils } = require('ra-core');
  const httpClient = (url: string, options: any = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Authorization', `Bearer ${owner.token}`);
    return fetchUtils.fetchJson(url, { ...options, headers });
  };
  provider = simpleRestProvider(`${app.url}/api/console`, httpClient);
});
afterAll(async () => { await app?.close(); });

describe('console API speaks ra-data-simple-rest', () => {
  const created: number[] = [];

  it('creates, and returns the record with its id', async () => {
    for (const [no, name, department] of [['P01', '赵一', '销售部'], ['P02', '钱二', '财务部'], ['P03', '孙三', '销售部'], ['P04', '李四', '运营部']]) {
      const { data } = await provider.create('employees', { data: { employeeNo: no, name, department } });
      expect(data).toMatchObject({ id: expect.any(Number), employeeNo: no, name, department, status: 'active' });
      created.push(data.id);
    }
  });

  it('lists with sort, range, filter and the total from Content-Range', async () => {
    const page = await provider.getList('employees', {
      pagination: { page: 1, perPage: 2 }, sort: { field: 'employeeNo', order: 'DESC' }, filter: {},
    });
    expect(page.total).toBe(4);
    expect(page.data.map((r: any) => r.employeeNo)).toEqual(['P04', 'P03']);
    const second = await provider.getList('employees', {
      pagination: { page: 2, perPage: 2 }, sort: { field: 'employeeNo', order: 'DESC' }, filter: {},
    });
    expect(second.data.map((r: any) => r.employeeNo)).toEqual(['P02', 'P01']);
    const sales = await provider.getList('employees', {
      pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: { department: '销售部', q: '三' },
    });
    expect(sales.total).toBe(1);
    expect(sales.data[0].name).toBe('孙三');
    const notSales = await provider.getList('employees', {
      pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: { department_neq: '销售部' },
    });
    expect(notSales.data.map((r: any) => r.employeeNo)).toEqual(['P02', 'P04']);
    const recent = await provider.getList('employees', {
      pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'ASC' }, filter: { createdAt_gte: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(recent.total).toBe(4);
    const empty = await provider.getList('employees', {
      pagination: { page: 3, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {},
    });
    expect(empty).toMatchObject({ data: [], total: 4 });
  });

  it('getMany through filter={"id":[...]} and getOne', async () => {
    const many = await provider.getMany('employees', { ids: [created[0], created[2]] });
    expect(many.data.map((r: any) => r.id).sort()).toEqual([created[0], created[2]].sort());
    const one = await provider.getOne('employees', { id: created[1] });
    expect(one.data).toMatchObject({ id: created[1], name: '钱二' });
  });

  it('updates with PUT of the whole record (read-only fields sent back are ignored)', async () => {
    const { data: current } = await provider.getOne('employees', { id: created[1] });
    const { data } = await provider.update('employees', { id: created[1], data: { ...current, position: '会计', createdAt: '2000-01-01T00:00:00Z' }, previousData: current });
    expect(data).toMatchObject({ id: created[1], position: '会计', createdAt: current.createdAt });
  });

  it('deletes and returns the deleted record', async () => {
    const { data } = await provider.delete('employees', { id: created[3] });
    expect(data).toMatchObject({ id: created[3], employeeNo: 'P04' });
    await expect(provider.getOne('employees', { id: created[3] })).rejects.toMatchObject({ status: 404 });
  });

  it('rejects with an HttpError carrying the field errors react-admin shows', async () => {
    const error = await provider.create('employees', { data: { employeeNo: 'P01', name: '' } }).catch((e: any) => e);
    expect(error.status).toBe(400);
    expect(error.body.errors).toHaveProperty('name');
    const duplicate = await provider.create('employees', { data: { employeeNo: 'P01', name: '重复' } }).catch((e: any) => e);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toEqual({ employeeNo: '工号已存在' });
    expect(duplicate.message).toBe('工号已存在');
  });

  it('exposes Content-Range to browsers', async () => {
    const res = await app.http.get('/api/console/employees').set('Origin', 'http://localhost:5173').set('Authorization', `Bearer ${owner.token}`);
    expect(res.headers['access-control-expose-headers']).toMatch(/Content-Range/);
    expect(res.headers['content-range']).toMatch(/^employees 0-\d+\/\d+$/);
  });
});
