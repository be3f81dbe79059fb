import type { Core } from '@strapi/types';
import { DomainError, errors, invalid } from '@cop/config';
import { checkInput } from '@cop/plugin-console';
import type { Principal } from '@cop/plugin-console';
import { MINI_ORDER } from '../fields';
import { ORDER } from './orders';

const t = errors.text;
const EMPLOYEE = 'plugin::identity.employee';
const ENTERPRISE = 'plugin::identity.enterprise';
const EMPLOYEE_LOCK = { failed: 'mini_failed_logins', first: 'mini_first_failed_at', until: 'mini_locked_until' };

export interface EmployeeSession { employeeId: number; name: string; phone: string | null; principal: Principal }

/**
 * The mini-program API for employee internal purchase: an employee signs in with the credit code of
 * its enterprise, its employee number and the password its admin set; it buys what its enterprise may
 * buy (the individual channel's offers), paid from the enterprise's account, as `employee` orders that
 * the supplier sees in its internal-purchase list.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async signIn(body: Record<string, unknown>) {
    const problems: Record<string, { zh: string; en: string }> = {};
    for (const field of ['creditCode', 'employeeNo', 'password'] as const) {
      if (typeof body[field] !== 'string' || !(body[field] as string).trim() || (body[field] as string).length > 100) problems[field] = t('不能为空', 'is required');
    }
    if (Object.keys(problems).length) throw invalid(problems);
    await strapi.plugin('identity').service('sign-in').verifyCaptcha(body.captchaId, body.captchaCode);
    const wrong = () => new DomainError(401, 'INVALID_CREDENTIALS', t('企业代码、工号或密码错误', 'Wrong enterprise code, employee number or password'));
    const signIn = strapi.plugin('identity').service('sign-in');
    const enterprise = await strapi.db.query(ENTERPRISE).findOne({ where: { creditCode: (body.creditCode as string).trim() } });
    const employee = enterprise
      ? await strapi.db.query(EMPLOYEE).findOne({ where: { enterpriseId: enterprise.id, employeeNo: (body.employeeNo as string).trim() } })
      : null;
    if (!employee?.miniPassword) {
      // the same bcrypt cost and answer as a wrong password: nothing tells which employees exist
      await signIn.burnDummyHash(body.password as string);
      throw wrong();
    }
    // the console's lock, per employee: 5 wrong passwords in 15 minutes lock the employee for 15 minutes
    await signIn.attempt({ table: 'employees', id: employee.id, columns: EMPLOYEE_LOCK, wrong },
      () => require('bcryptjs').compare(body.password as string, employee.miniPassword));
    if (employee.state !== 'active') throw new DomainError(401, 'ACCOUNT_DISABLED', t('员工已离职，不能登录', 'This employee has left'));
    if (enterprise.state !== 'active') throw new DomainError(401, 'ENTERPRISE_DISABLED', t('所属企业已被停用', "This account's enterprise has been disabled"));
    const jwt = strapi.plugin('users-permissions').service('jwt')
      .issue({ employeeId: employee.id, kind: 'employee', tv: Number(employee.miniTokenVersion ?? 0) });
    return { jwt, employee: { id: employee.id, name: employee.name, employeeNo: employee.employeeNo, enterprise: { id: enterprise.id, name: enterprise.name } } };
  },

  /** Bearer token → the employee and a principal acting for its enterprise (buying only). */
  async session(ctx: any): Promise<EmployeeSession> {
    const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization') ?? '');
    if (!match) throw errors.unauthenticated();
    let payload: any;
    try { payload = await strapi.plugin('users-permissions').service('jwt').verify(match[1]); } catch { throw errors.unauthenticated(); }
    if (payload?.kind !== 'employee' || !Number.isSafeInteger(payload.employeeId)) throw errors.unauthenticated();
    const employee = await strapi.db.query(EMPLOYEE).findOne({ where: { id: payload.employeeId } });
    if (!employee || employee.state !== 'active') throw errors.unauthenticated();
    // revoked by sign-out or a new password (checked on the row loaded anyway)
    if (Number(employee.miniTokenVersion ?? 0) !== (payload.tv ?? 0)) throw errors.unauthenticated();
    const enterprise = await strapi.db.query(ENTERPRISE).findOne({ where: { id: employee.enterpriseId } });
    if (!enterprise || enterprise.state !== 'active') throw errors.unauthenticated();
    return {
      employeeId: employee.id, name: employee.name, phone: employee.phone ?? null,
      principal: {
        userId: 0, username: `employee:${employee.employeeNo}`, displayName: employee.name,
        enterpriseId: enterprise.id, enterpriseName: enterprise.name, enterpriseKind: enterprise.kind,
        isEnterpriseAdmin: false, permissions: new Set(['orders.place', 'orders.read'] as const),
      },
    };
  },

  /** POST /api/mini/auth/logout: every token of the employee stops working. */
  async signOut(session: EmployeeSession): Promise<void> {
    await strapi.plugin('identity').service('employees').revokeMiniTokens(session.employeeId);
  },

  async catalogue(session: EmployeeSession) {
    const offers = await strapi.plugin('catalogue').service('strategies').offers(session.principal.enterpriseId, new Date(), { channel: 'individual' });
    if (!offers.length) return [];
    const products = await strapi.db.query('plugin::catalogue.product').findMany({
      where: { id: { $in: [...new Set((offers as any[]).map((o) => o.productId))] }, state: 'listed' },
      select: ['id', 'name', 'category', 'description', 'isCombo', 'stockMode', 'fulfilmentMode', 'supplierId'], orderBy: { name: 'asc' },
    });
    return (products as any[]).map((product) => ({
      ...product,
      offers: (offers as any[]).filter((o) => o.productId === product.id).map(({ strategyId, strategyName, price, minQuantity, maxQuantity, businessMode }) => ({ strategyId, strategyName, price, minQuantity, maxQuantity, businessMode })),
    }));
  },

  place(session: EmployeeSession, raw: unknown, idempotencyKey?: string) {
    const body = checkInput(MINI_ORDER, raw) as Record<string, any>;
    return strapi.plugin('orders').service('orders').create(session.principal, {
      channel: 'employee', paymentMode: body.paymentMode ?? 'prepaid', lines: body.lines,
      customerName: session.name, customerPhone: session.phone ?? undefined, visitDate: body.visitDate ?? undefined, remarks: body.remarks ?? undefined,
      // goods sent by courier: the employee says who receives them and where
      receiverName: body.receiverName ?? undefined, receiverPhone: body.receiverPhone ?? undefined, receiverAddress: body.receiverAddress ?? undefined,
    }, { idempotencyKey, idempotencyScope: this.scope(session), requestBody: body, employeeId: session.employeeId });
  },

  /** An employee's Idempotency-Keys are its own: scoped to its enterprise and to it. */
  scope(session: EmployeeSession) {
    return `seller:${session.principal.enterpriseId}:employee:${session.employeeId}`;
  },

  async own(session: EmployeeSession, id: number) {
    // ids are int4 columns: a larger number names no order (a 404, not the database's range error)
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw errors.notFound('order', id);
    const order = await strapi.db.query(ORDER).findOne({ where: { id, employeeId: session.employeeId, sellerId: session.principal.enterpriseId } });
    if (!order) throw errors.notFound('order', id);
    return order;
  },

  list(session: EmployeeSession) {
    return strapi.db.query(ORDER).findMany({ where: { employeeId: session.employeeId }, orderBy: { createdAt: 'desc' }, limit: 100 });
  },
});
