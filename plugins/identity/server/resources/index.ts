import { ENTERPRISE_KINDS, ENTERPRISE_STATUSES, PERMISSION_KEYS, errors } from '@cop/config';
import { defaultRecord, toAttributes } from '@cop/plugin-console';
import type { FieldSpec, ResourceDeclaration, Row } from '@cop/plugin-console';
import { EMPLOYEE, ENTERPRISE, ENTERPRISE_ROLE, PARTNERSHIP, USER } from '../uids';
import { PASSWORD_RULE, PASSWORD_TEXT } from '../services/accounts';

const t = errors.text;
const createdAt: FieldSpec = { type: 'datetime', readOnly: true, filter: ['gte', 'lte', 'gt', 'lt'], sort: true };
const service = (ctx: { strapi: any }, name: string) => ctx.strapi.plugin('identity').service(name);

export const enterprises: ResourceDeclaration = {
  name: 'enterprises',
  uid: ENTERPRISE,
  label: t('企业主数据', 'Enterprise'),
  tenancy: { kind: 'own-enterprise' },
  permissions: { read: 'enterprise.read', write: 'enterprise.write' },
  operations: ['list', 'get', 'update'],
  fields: {
    name: { type: 'string', readOnly: true, search: true, sort: true },
    creditCode: { type: 'string', readOnly: true },
    kind: { type: 'enum', values: ENTERPRISE_KINDS, readOnly: true },
    status: { type: 'enum', values: ENTERPRISE_STATUSES, readOnly: true, attribute: 'state' },
    contactName: { type: 'string', maxLength: 50 },
    contactPhone: { type: 'string', maxLength: 30, pattern: /^[0-9+\-() ]{5,30}$/, patternText: t('电话格式不正确', 'is not a phone number') },
    address: { type: 'string', maxLength: 200 },
    createdAt,
  },
};

export const accounts: ResourceDeclaration = {
  name: 'accounts',
  uid: USER,
  label: t('企业子账号', 'Sub-accounts'),
  tenancy: { kind: 'enterprise', field: 'enterpriseId' },
  permissions: { read: 'accounts.read', write: 'accounts.write' },
  defaultSort: ['id', 'ASC'],
  populate: { enterpriseRoles: { select: ['id'] } },
  fields: {
    username: { type: 'string', required: true, createOnly: true, minLength: 3, maxLength: 50, pattern: /^[A-Za-z0-9_.@-]+$/, patternText: t('只能包含字母、数字和 _ . @ -', 'may contain only letters, digits and _ . @ -'), search: true, sort: true, filter: ['eq'] },
    email: { type: 'email', required: true, search: true, sort: true },
    displayName: { type: 'string', maxLength: 50, search: true, sort: true },
    phone: { type: 'string', maxLength: 20, pattern: /^[0-9+\-() ]{5,20}$/, patternText: t('电话格式不正确', 'is not a phone number') },
    blocked: { type: 'boolean', filter: ['eq'] },
    // 登录锁定: locked after repeated wrong passwords (sign-in), until lockedUntil; 解锁 (verb unlock) lifts it
    locked: { type: 'boolean', readOnly: true, attribute: false },
    lockedUntil: { type: 'datetime', readOnly: true, filter: ['gt'] },
    isEnterpriseAdmin: { type: 'boolean', readOnly: true, filter: ['eq'] },
    roleIds: { type: 'ids', attribute: false },
    password: { type: 'string', writeOnly: true, createOnly: true, required: true, pattern: PASSWORD_RULE, patternText: PASSWORD_TEXT, maxLength: 64 },
    createdAt,
  },
  toRecord: (row: Row) => {
    // a lock that has passed is no lock: neither flag nor time is shown for it
    const locked = !!row.lockedUntil && new Date(row.lockedUntil).getTime() > Date.now();
    return {
      ...defaultRecord(accounts, row),
      roleIds: (row.enterpriseRoles ?? []).map((role: { id: number }) => role.id),
      locked,
      lockedUntil: locked ? row.lockedUntil : null,
    };
  },
  async create(data, ctx) {
    const user = await service(ctx, 'accounts').create(ctx.principal.enterpriseId, data, { by: ctx.principal });
    return ctx.strapi.db.query(USER).findOne({ where: { id: user.id }, populate: accounts.populate });
  },
  async update(existing, data, ctx) {
    await service(ctx, 'accounts').update(ctx.principal, existing, data);
    return ctx.strapi.db.query(USER).findOne({ where: { id: existing.id }, populate: accounts.populate });
  },
  async remove(existing, ctx) {
    await service(ctx, 'accounts').remove(ctx.principal, existing);
  },
  actions: {
    'reset-password': {
      permission: 'accounts.write',
      body: { password: { type: 'string', required: true, maxLength: 128 } },
      async handler(existing, ctx) {
        await service(ctx, 'accounts').resetPassword(ctx.principal, existing, ctx.body.password);
        return existing;
      },
    },
    // 解锁: lift the sign-in lock (and forget the failures) before it runs out
    unlock: {
      permission: 'accounts.write',
      async handler(existing, ctx) {
        await service(ctx, 'accounts').unlock(ctx.principal, existing);
        return ctx.strapi.db.query(USER).findOne({ where: { id: existing.id }, populate: accounts.populate });
      },
    },
  },
};

export const roles: ResourceDeclaration = {
  name: 'roles',
  uid: ENTERPRISE_ROLE,
  label: t('角色', 'Roles'),
  tenancy: { kind: 'enterprise', field: 'enterpriseId' },
  permissions: { read: 'roles.read', write: 'roles.write' },
  defaultSort: ['id', 'ASC'],
  fields: {
    name: { type: 'string', required: true, maxLength: 50, search: true, sort: true },
    description: { type: 'string', maxLength: 200, search: true },
    permissions: { type: 'strings', itemValues: PERMISSION_KEYS, max: PERMISSION_KEYS.length },
    // the accounts holding the role: deleting it takes its permissions from them (the console says so and asks)
    holders: { type: 'strings', readOnly: true, attribute: false },
    createdAt,
  },
  toRecord: (row: Row) => ({ ...defaultRecord(roles, row), permissions: Array.isArray(row.permissions) ? row.permissions : [] }),
  async decorate(records, ctx) {
    const holders: Map<number, string[]> = await service(ctx, 'roles').holdersOf(records.map((record) => record.id));
    for (const record of records) record.holders = holders.get(record.id) ?? [];
  },
  create: (data, ctx) => service(ctx, 'roles').create(ctx.principal, data),
  update: (existing, data, ctx) => service(ctx, 'roles').update(ctx.principal, existing.id, data),
  remove: (existing, ctx) => service(ctx, 'roles').remove(ctx.principal, existing),
};

export const employeeFields: Record<string, FieldSpec> = {
  employeeNo: { type: 'string', required: true, maxLength: 32, pattern: /^[A-Za-z0-9_-]+$/, patternText: t('只能包含字母、数字、_ 和 -', 'may contain only letters, digits, _ and -'), search: true, sort: true, filter: ['eq'] },
  name: { type: 'string', required: true, maxLength: 50, search: true, sort: true, filter: ['eq'] },
  phone: { type: 'string', maxLength: 20, pattern: /^[0-9+\-() ]{5,20}$/, patternText: t('电话格式不正确', 'is not a phone number'), search: true },
  email: { type: 'email', maxLength: 100 },
  department: { type: 'string', maxLength: 50, filter: ['eq', 'neq'], sort: true },
  position: { type: 'string', maxLength: 50 },
  status: { type: 'enum', values: ['active', 'left'], filter: ['eq', 'neq'], attribute: 'state' },
  // whether the employee can sign in to the mini-program (a password was set); never the password
  hasMiniPassword: { type: 'boolean', readOnly: true, attribute: false },
  createdAt,
};

/** The file of a multipart verb (field `file`; the first one if several were sent). */
const uploaded = (ctx: { files?: Record<string, any> }) => {
  const file = ctx.files?.file;
  return Array.isArray(file) ? file[0] : file;
};

export const employees: ResourceDeclaration = {
  name: 'employees',
  uid: EMPLOYEE,
  label: t('员工', 'Employees'),
  tenancy: { kind: 'enterprise', field: 'enterpriseId' },
  permissions: { read: 'employees.read', write: 'employees.write' },
  fields: employeeFields,
  toRecord: (row: Row) => ({ ...defaultRecord(employees, row), hasMiniPassword: !!row.miniPassword }),
  create: (data, ctx) => service(ctx, 'employees').create(ctx.principal, { state: 'active', ...toAttributes(employees, data) }),
  actions: {
    // the password an employee signs in to the mini-program with (internal purchase)
    'set-mini-password': { permission: 'employees.write', body: { password: { type: 'string', required: true, maxLength: 128 } }, handler: (row, ctx) => service(ctx, 'employees').setMiniPassword(row, ctx.body.password) },
  },
  update: (existing, data, ctx) => service(ctx, 'employees').update(ctx.principal, existing.id, toAttributes(employees, data)),
  collectionActions: {
    'import-template': {
      method: 'GET',
      permission: 'employees.read',
      async handler(ctx) {
        const buffer = await service(ctx, 'employees').template();
        ctx.koa.set('Content-Disposition', `attachment; filename="employees-template.xlsx"; filename*=UTF-8''${encodeURIComponent('员工导入模板.xlsx')}`);
        ctx.koa.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        ctx.koa.body = buffer;
        return undefined;
      },
    },
    // 预览: the import's dry run — per-row results (ok / invalid with the problems / skipped), nothing written
    'import-preview': {
      method: 'POST',
      permission: 'employees.write',
      multipart: true,
      handler: (ctx) => service(ctx, 'employees').previewImport(ctx.principal, uploaded(ctx), employeeFields),
    },
    import: {
      method: 'POST',
      permission: 'employees.write',
      multipart: true,
      handler: (ctx) => service(ctx, 'employees').importFile(ctx.principal, uploaded(ctx), employeeFields),
    },
  },
};

export const partnerships: ResourceDeclaration = {
  name: 'partnerships',
  uid: PARTNERSHIP,
  label: t('供销关系', 'Partnerships'),
  tenancy: { kind: 'parties', fields: ['supplierId', 'sellerId'], writer: 'supplierId' },
  permissions: { read: 'partnerships.read', write: 'partnerships.write' },
  operations: ['list', 'get', 'create'],
  fields: {
    supplierId: { type: 'id', readOnly: true, filter: ['eq'] },
    sellerId: { type: 'id', required: true, createOnly: true, filter: ['eq'] },
    supplierName: { type: 'string', readOnly: true, attribute: false },
    sellerName: { type: 'string', readOnly: true, attribute: false },
    q: { type: 'string', readOnly: true, attribute: false, filter: ['eq'] },
    status: { type: 'enum', values: ['active', 'stopped'], readOnly: true, filter: ['eq'], attribute: 'state' },
    stoppedAt: { type: 'datetime', readOnly: true },
    stopReason: { type: 'string', readOnly: true },
    createdAt,
  },
  toRecord: (row: Row) => { const { q, ...record } = defaultRecord(partnerships, row); return record; },
  async extraWhere(filters, ctx) {
    if (typeof filters.q !== 'string' || !filters.q) return {};
    // the partner's name: match enterprises by name, then the rows that involve them
    const matches = await ctx.strapi.db.query(ENTERPRISE).findMany({ where: { name: { $containsi: filters.q } }, select: ['id'], limit: 1000 });
    const ids = (matches as { id: number }[]).map((m) => m.id);
    return { $or: [{ supplierId: { $in: ids } }, { sellerId: { $in: ids } }] };
  },
  async decorate(records, ctx, one) {
    const service = ctx.strapi.plugin('identity').service('partnerships');
    await service.nameParties(records);
    if (one) for (const record of records) record.history = await service.history(record.id);
  },
  create: (data, ctx) => service(ctx, 'partnerships').create(ctx.principal, data.sellerId as number),
  actions: {
    stop: { permission: 'partnerships.write', body: { reason: { type: 'text', required: true, maxLength: 200 } }, handler: (row, ctx) => service(ctx, 'partnerships').stop(ctx.principal, row, ctx.body.reason) },
    resume: { permission: 'partnerships.write', handler: (row, ctx) => service(ctx, 'partnerships').resume(ctx.principal, row) },
  },
};

/** Active enterprises, for choosing a partner: names and kinds only. */
export const enterpriseDirectory: ResourceDeclaration = {
  name: 'enterprise-directory',
  uid: ENTERPRISE,
  label: t('企业名录', 'Enterprise directory'),
  tenancy: { kind: 'shared' },
  baseWhere: () => ({ state: 'active' }),
  // names and kinds only: every signed-in user picks enterprises from it (partners, named audiences)
  permissions: { read: null, write: null },
  operations: ['list', 'get'],
  defaultSort: ['name', 'ASC'],
  fields: {
    name: { type: 'string', readOnly: true, search: true, sort: true },
    kind: { type: 'enum', values: ENTERPRISE_KINDS, readOnly: true, filter: ['eq'] },
    creditCode: { type: 'string', readOnly: true, filter: ['eq'] },
  },
};

export default [enterprises, accounts, roles, employees, partnerships, enterpriseDirectory];
