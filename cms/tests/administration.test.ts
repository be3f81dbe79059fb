import ExcelJS from 'exceljs';
import { startApp, TestApp } from './helpers/app';
import { as, signIn, tenant, Tenant } from './helpers/fixtures';

let app: TestApp;
let seller: Tenant;
beforeAll(async () => {
  app = await startApp();
  seller = await tenant(app, 'seller', 'admin_seller');
});
afterAll(async () => { await app?.close(); });

const EMPLOYEE = 'plugin::identity.employee';

async function workbook(rows: (string | number | null)[][], header = true): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('员工');
  if (header) sheet.addRow(['工号', '姓名', '手机', '邮箱', '部门', '职位']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const upload = (buffer: Buffer, name = 'employees.xlsx') =>
  app.http.post('/api/console/employees/import').set('Authorization', `Bearer ${seller.token}`).attach('file', buffer, name);

describe('enterprise master data (F20)', () => {
  it('shows my enterprise and lets me edit the contact fields only', async () => {
    const list = await as(app, seller.token).list('enterprises');
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ id: seller.enterpriseId, kind: 'seller', status: 'active' });
    const res = await as(app, seller.token).put(`/enterprises/${seller.enterpriseId}`, { ...list.body[0], name: '改名', contactName: '钱经理', contactPhone: '021-5555' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: list.body[0].name, contactName: '钱经理', contactPhone: '021-5555' });
  });
});

describe('sub-accounts and roles (F21)', () => {
  it('creates, edits, resets the password of and deletes a sub-account', async () => {
    const role = await as(app, seller.token).post('/roles', { name: '下单员', permissions: ['orders.read', 'orders.place'] });
    expect(role.status).toBe(201);
    const created = await as(app, seller.token).post('/accounts', { username: 'clerk1', email: 'Clerk1@Test.local', password: 'Secret123x', displayName: '下单员一', roleIds: [role.body.id] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'clerk1@test.local', roleIds: [role.body.id], blocked: false });
    const edited = await as(app, seller.token).put(`/accounts/${created.body.id}`, { ...created.body, displayName: '下单员甲', roleIds: [] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ displayName: '下单员甲', roleIds: [] });
    const reset = await as(app, seller.token).post(`/accounts/${created.body.id}/reset-password`, { password: 'NewSecret9' });
    expect(reset.status).toBe(200);
    expect(reset.body.id).toBe(created.body.id);
    await expect(signIn(app, 'clerk1', 'Secret123x')).rejects.toThrow(/401/);
    expect(await signIn(app, 'clerk1', 'NewSecret9')).toEqual(expect.any(String));
    const removed = await as(app, seller.token).delete(`/accounts/${created.body.id}`);
    expect(removed.status).toBe(200);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'clerk1' } })).toBe(0);
  });

  it('keeps the admin from deleting or disabling itself', async () => {
    expect((await as(app, seller.token).delete(`/accounts/${seller.adminId}`)).status).toBe(409);
    const me = (await as(app, seller.token).get(`/accounts/${seller.adminId}`)).body;
    const res = await as(app, seller.token).put(`/accounts/${seller.adminId}`, { ...me, blocked: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('blocked');
  });

  it('refuses duplicate role names in one enterprise', async () => {
    await as(app, seller.token).post('/roles', { name: '审计', permissions: [] });
    const res = await as(app, seller.token).post('/roles', { name: '审计', permissions: [] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('name');
  });
});

describe('no privilege escalation through sub-accounts and roles (issue 11, finding 2)', () => {
  const MANAGER_KEYS = ['accounts.read', 'accounts.write', 'roles.read', 'roles.write'];
  let deputy: { id: number; token: string };
  let managerRole: number;
  let financeRole: number;
  let clerkId: number;
  const admin = () => as(app, seller.token);
  const sub = () => as(app, deputy.token);
  const account = (username: string, roleIds: number[]) =>
    ({ username, email: `${username}@test.local`, password: 'Secret123x', roleIds });

  beforeAll(async () => {
    managerRole = (await admin().post('/roles', { name: '账号管理', permissions: MANAGER_KEYS })).body.id;
    financeRole = (await admin().post('/roles', { name: '财务', permissions: ['ledger.read', 'orders.place'] })).body.id;
    const created = await admin().post('/accounts', account('deputy', [managerRole]));
    expect(created.status).toBe(201);
    deputy = { id: created.body.id, token: await signIn(app, 'deputy', 'Secret123x') };
    const clerk = await admin().post('/accounts', account('clerk2', [financeRole]));
    clerkId = clerk.body.id;
  });

  it('refuses a role with keys the sub-account does not hold, naming permissions', async () => {
    const res = await sub().post('/roles', { name: '全能', permissions: ['accounts.read', 'orders.place', 'ledger.read'] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_YOURS_TO_GRANT');
    expect(res.body.errors).toHaveProperty('permissions');
    expect(res.body.message).toContain('「代客下单、购物车、支付」');
    expect(res.body.message).not.toContain('orders.place');
    // keys it holds itself it may give
    expect((await sub().post('/roles', { name: '只读账号', permissions: ['accounts.read'] })).status).toBe(201);
    // nor may it widen (or narrow) another role with keys it lacks
    const widen = await sub().put(`/roles/${financeRole}`, { name: '财务', permissions: ['ledger.read', 'orders.place', 'orders.refund'] });
    expect(widen.status).toBe(403);
    expect(widen.body.errors).toHaveProperty('permissions');
    const narrow = await sub().put(`/roles/${financeRole}`, { name: '财务', permissions: ['ledger.read'] });
    expect(narrow.status).toBe(403);
    // renaming without changing the keys is fine
    expect((await sub().put(`/roles/${financeRole}`, { name: '财务部', permissions: ['ledger.read', 'orders.place'] })).status).toBe(200);
    // nor may it delete a role with keys it lacks (taking them from its holders)
    expect((await sub().delete(`/roles/${financeRole}`)).status).toBe(403);
  });

  it('refuses changes to the keys of a role the sub-account holds itself', async () => {
    const res = await sub().put(`/roles/${managerRole}`, { name: '账号管理', permissions: [...MANAGER_KEYS, 'orders.place'] });
    expect(res.status).toBe(403);
    expect(res.body.errors).toHaveProperty('permissions');
    const drop = await sub().put(`/roles/${managerRole}`, { name: '账号管理', permissions: ['accounts.read'] });
    expect(drop.status).toBe(403);
    expect((await sub().delete(`/roles/${managerRole}`)).status).toBe(403);
  });

  it('refuses giving itself a role, or anyone a role with keys it lacks', async () => {
    const me = (await sub().get(`/accounts/${deputy.id}`)).body;
    const self = await sub().put(`/accounts/${deputy.id}`, { ...me, roleIds: [managerRole, financeRole] });
    expect(self.status).toBe(403);
    expect(self.body.errors).toHaveProperty('roleIds');
    // editing its own details without touching its roles is fine
    expect((await sub().put(`/accounts/${deputy.id}`, { ...me, displayName: '副手' })).status).toBe(200);
    const create = await sub().post('/accounts', account('sneaky', [financeRole]));
    expect(create.status).toBe(403);
    expect(create.body.errors).toHaveProperty('roleIds');
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'sneaky' } })).toBe(0);
    const plain = await sub().post('/accounts', { ...account('plain1', []), isEnterpriseAdmin: true });
    expect(plain.status).toBe(201);
    expect(plain.body.isEnterpriseAdmin).toBe(false);
    const give = await sub().put(`/accounts/${plain.body.id}`, { ...plain.body, roleIds: [financeRole] });
    expect(give.status).toBe(403);
    expect(give.body.errors).toHaveProperty('roleIds');
  });

  it('cannot reset, edit or disable the enterprise admin, nor take over a stronger sub-account', async () => {
    const reset = await sub().post(`/accounts/${seller.adminId}/reset-password`, { password: 'Hijacked99x' });
    expect(reset.status).toBe(403);
    expect(reset.body.code).toBe('ADMIN_ONLY');
    await expect(signIn(app, 'admin_seller', 'Hijacked99x')).rejects.toThrow(/401/);
    const adminRecord = (await sub().get(`/accounts/${seller.adminId}`)).body;
    expect((await sub().put(`/accounts/${seller.adminId}`, { ...adminRecord, email: 'mine@test.local' })).status).toBe(403);
    expect((await sub().put(`/accounts/${seller.adminId}`, { ...adminRecord, blocked: true })).status).toBeGreaterThanOrEqual(400);
    // clerk2 holds orders.place, which the deputy lacks: its password is not the deputy's to reset
    const stronger = await sub().post(`/accounts/${clerkId}/reset-password`, { password: 'Hijacked99x' });
    expect(stronger.status).toBe(403);
    expect((await sub().delete(`/accounts/${clerkId}`)).status).toBe(403);
    // nor its own password through the admin's verb (that is change-password, which asks for the current one)
    expect((await sub().post(`/accounts/${deputy.id}/reset-password`, { password: 'Whatever99x' })).status).toBe(403);
    // and after all that the deputy holds exactly the keys it had
    const session = await app.http.get('/api/console/session').set('Authorization', `Bearer ${deputy.token}`);
    expect(session.body.permissions.sort()).toEqual([...MANAGER_KEYS].sort());
  });

  it('leaves the enterprise admin able to do all of it', async () => {
    expect((await admin().post('/roles', { name: '超级', permissions: ['orders.place', 'orders.refund'] })).status).toBe(201);
    const clerk = (await admin().get(`/accounts/${clerkId}`)).body;
    expect((await admin().put(`/accounts/${clerkId}`, { ...clerk, roleIds: [financeRole, managerRole] })).status).toBe(200);
    const wider = { name: '财务部', permissions: ['ledger.read', 'orders.place', 'orders.refund'] };
    expect((await admin().put(`/roles/${financeRole}`, wider)).status).toBe(200);
    expect((await admin().post(`/accounts/${clerkId}/reset-password`, { password: 'NewSecret9x' })).status).toBe(200);
    expect(await signIn(app, 'clerk2', 'NewSecret9x')).toEqual(expect.any(String));
  });
});

describe('employees and the Excel import (F22)', () => {
  it('serves an import template that is a real workbook with the expected columns', async () => {
    const res = await as(app, seller.token).get('/employees/import-template').buffer(true).parse((response: any, done: any) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const header = (book.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(header[0]).toContain('工号');
    expect(header[1]).toContain('姓名');
  });

  it('imports every row of a good file', async () => {
    const res = await upload(await workbook([
      ['E100', '周一', '13800000001', 'zhou@test.local', '销售部', '专员'],
      ['E101', '吴二', null, null, '财务部', null],
    ]));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 2 });
    const rows = await app.strapi.db.query(EMPLOYEE).findMany({ where: { enterpriseId: seller.enterpriseId, employeeNo: { $in: ['E100', 'E101'] } } });
    expect(rows).toHaveLength(2);
  });

  it('skips the template\'s example row (张三 / E0001), marked 示例 in the template', async () => {
    const res = await as(app, seller.token).get('/employees/import-template').buffer(true).parse((response: any, done: any) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(7).value).toContain('说明');
    expect(sheet.getRow(2).getCell(1).value).toBe('E0001');
    expect(sheet.getRow(2).getCell(7).value).toMatch(/^示例/);
    // the template as downloaded, with one real row added under the example
    sheet.addRow(['E710', '郑三', null, null, '销售部', null]);
    const filled = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    expect(filled.status).toBe(200);
    expect(filled.body).toEqual({ imported: 1, skipped: [2] });
    // an older template: the example row without the note is skipped too; a row marked 示例 anywhere is skipped
    const old = await upload(await workbook([
      ['E0001', '张三', '13800000000', 'zhangsan@example.com', '销售部', '经理'],
      ['E711', '王四', null, null, null, null],
      ['E0002', '李四', null, null, null, null, '示例：请删除'],
    ]));
    expect(old.body).toEqual({ imported: 1, skipped: [2, 4] });
    const numbers = (await app.strapi.db.query(EMPLOYEE).findMany({ where: { enterpriseId: seller.enterpriseId } })).map((e: any) => e.employeeNo);
    expect(numbers).toEqual(expect.arrayContaining(['E710', 'E711']));
    expect(numbers).not.toContain('E0001');
    expect(numbers).not.toContain('E0002');
    // only the example: nothing to import
    const onlyExample = await upload(await workbook([['E0001', '张三', '13800000000', 'zhangsan@example.com', '销售部', '经理']]));
    expect(onlyExample.status).toBe(400);
    expect(onlyExample.body.errors).toHaveProperty('file');
  });

  it('reports every bad row with its number and field, and imports nothing', async () => {
    const before = await app.strapi.db.query(EMPLOYEE).count({ where: { enterpriseId: seller.enterpriseId } });
    const res = await upload(await workbook([
      ['E200', '郑三', '13800000002', null, '销售部', null],
      ['E201', null, null, 'not-an-email', null, null],
      ['E200', '王五', null, null, null, null],
      ['E100', '冯六', 'phone?', null, null, null],
    ]));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.rows).toEqual([
      { row: 3, field: 'name', message: '不能为空', messageEn: 'is required' },
      { row: 3, field: 'email', message: '邮箱格式不正确', messageEn: 'must be an email address' },
      { row: 4, field: 'employeeNo', message: '工号与第 2 行重复', messageEn: 'duplicates row 2' },
      { row: 5, field: 'phone', message: '电话格式不正确', messageEn: 'is not a phone number' },
      { row: 5, field: 'employeeNo', message: '工号已存在', messageEn: 'is already used by another employee' },
    ]);
    expect(await app.strapi.db.query(EMPLOYEE).count({ where: { enterpriseId: seller.enterpriseId } })).toBe(before);
  });

  it('previews an import row by row and writes nothing; importing the same file then commits it (issue 13 item 10)', async () => {
    const preview = (buffer: Buffer) =>
      app.http.post('/api/console/employees/import-preview').set('Authorization', `Bearer ${seller.token}`).attach('file', buffer, 'employees.xlsx');
    const before = await app.strapi.db.query(EMPLOYEE).count({ where: { enterpriseId: seller.enterpriseId } });
    const bad = await workbook([
      ['E0001', '张三', '13800000000', 'zhangsan@example.com', '销售部', '经理'],
      ['E300', '陈一', '13800000003', null, '市场部', '专员'],
      ['E301', null, null, 'not-an-email', null, null],
      ['E100', '冯六', null, null, null, null],
    ]);
    const seen = await preview(bad);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ total: 3, valid: 1, invalid: 2, skipped: [2] });
    expect(seen.body.rows.map((r: any) => [r.row, r.employeeNo, r.name, r.result, r.errors.map((e: any) => `${e.field}:${e.message}`)])).toEqual([
      [3, 'E300', '陈一', 'ok', []],
      [4, 'E301', null, 'invalid', ['name:不能为空', 'email:邮箱格式不正确']],
      [5, 'E100', '冯六', 'invalid', ['employeeNo:工号已存在']],
    ]);
    expect(seen.body.rows[0]).toMatchObject({ phone: '13800000003', department: '市场部', position: '专员' });
    expect(await app.strapi.db.query(EMPLOYEE).count({ where: { enterpriseId: seller.enterpriseId } })).toBe(before);
    // what the preview promised: the bad file imports nothing, a good one exactly its ok rows
    expect((await upload(bad)).status).toBe(400);
    const good = await workbook([['E300', '陈一', '13800000003', null, '市场部', '专员'], ['E302', '林二', null, null, null, null]]);
    const promised = await preview(good);
    expect(promised.body).toMatchObject({ total: 2, valid: 2, invalid: 0, skipped: [] });
    expect(await app.strapi.db.query(EMPLOYEE).count({ where: { enterpriseId: seller.enterpriseId } })).toBe(before);
    expect((await upload(good)).body).toEqual({ imported: 2 });
    expect(await app.strapi.db.query(EMPLOYEE).count({ where: { enterpriseId: seller.enterpriseId } })).toBe(before + 2);
    // once imported, the same file previews as taken numbers
    expect((await preview(good)).body.rows.map((r: any) => r.result)).toEqual(['invalid', 'invalid']);
    // file problems are the import's: 400 naming file; a user without employees.write may not preview
    expect((await preview(Buffer.from('not a workbook'))).body.errors).toHaveProperty('file');
    const viewerRole = await as(app, seller.token).post('/roles', { name: '员工只读', permissions: ['employees.read'] });
    await as(app, seller.token).post('/accounts', { username: 'import_viewer', email: 'import_viewer@test.local', password: 'Secret123x', roleIds: [viewerRole.body.id] });
    const viewer = await signIn(app, 'import_viewer', 'Secret123x');
    const refused = await app.http.post('/api/console/employees/import-preview').set('Authorization', `Bearer ${viewer}`).attach('file', good, 'e.xlsx');
    expect(refused.status).toBe(403);
  });

  it('refuses a file that is not a workbook, or none at all', async () => {
    const fake = await upload(Buffer.from('name,phone\nx,y\n'), 'employees.xlsx');
    expect(fake.status).toBe(400);
    expect(fake.body.errors).toHaveProperty('file');
    const none = await app.http.post('/api/console/employees/import').set('Authorization', `Bearer ${seller.token}`).send({});
    expect(none.status).toBe(400);
    expect(none.body.errors).toHaveProperty('file');
  });
});

describe('notifications (message centre)', () => {
  it('counts unread, marks one and all read, and filters by type', async () => {
    const notifications = app.strapi.plugin('messaging').service('notifications');
    await notifications.notifyEnterprise(seller.enterpriseId, { type: 'system', title: '欢迎' });
    await notifications.notifyEnterprise(seller.enterpriseId, { type: 'announcement', title: '新公告' });
    const unread = await as(app, seller.token).list('notifications', { filter: { read: false }, range: [0, 0] });
    expect(unread.headers['content-range']).toMatch(/\/2$/);
    const announcement = (await as(app, seller.token).list('notifications', { filter: { type: 'announcement' } })).body;
    expect(announcement).toHaveLength(1);
    const read = await as(app, seller.token).post(`/notifications/${announcement[0].id}/read`);
    expect(read.body).toMatchObject({ read: true, readAt: expect.any(String) });
    const all = await as(app, seller.token).post('/notifications/read-all');
    expect(all.body).toEqual({ updated: 1 });
    const after = await as(app, seller.token).list('notifications', { filter: { read: false } });
    expect(after.body).toEqual([]);
  });

  it('全部标为已读 under a type filter marks only what the filter shows', async () => {
    const notifications = app.strapi.plugin('messaging').service('notifications');
    await notifications.notifyEnterprise(seller.enterpriseId, { type: 'system', title: '系统消息' });
    await notifications.notifyEnterprise(seller.enterpriseId, { type: 'announcement', title: '又一条公告' });
    const res = await as(app, seller.token).post('/notifications/read-all', { filter: { type: 'announcement' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 1 });
    const unread = (await as(app, seller.token).list('notifications', { filter: { read: false } })).body;
    expect(unread.map((n: any) => [n.type, n.title])).toEqual([['system', '系统消息']]);
    const bad = await as(app, seller.token).post('/notifications/read-all', { filter: { colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('colour');
    expect((await as(app, seller.token).post('/notifications/read-all', { filter: 'all' })).body.errors).toHaveProperty('filter');
    expect((await as(app, seller.token).post('/notifications/read-all')).body).toEqual({ updated: 1 });
  });
});
