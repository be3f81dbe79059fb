import { errors, idempotencyKeyOf, langOf, ORDER_CHANNELS, ORDER_STATUSES } from '@cop/config';
import { defaultRecord } from '@cop/plugin-console';
import type { ActionContext, FieldSpec, RecordAction, ResourceDeclaration, Row } from '@cop/plugin-console';
import { EVENT, LINE, ORDER, remainingOf, TRANSITIONS, unusedOf } from './services/orders';
import { CHECKOUT, FULFILMENT, ORDER_FORM, ORDER_LINES } from './fields';

const t = errors.text;
const ro = (spec: FieldSpec): FieldSpec => ({ ...spec, readOnly: true });
const orders = (ctx: ActionContext) => ctx.strapi.plugin('orders').service('orders');
const reports = (ctx: ActionContext) => ctx.strapi.plugin('orders').service('reports');
const key = (ctx: ActionContext) => idempotencyKeyOf(ctx.koa.get('idempotency-key'));

const verb = (name: string, run: (row: Row, ctx: ActionContext) => Promise<Row>, body?: Record<string, FieldSpec>): RecordAction => ({
  permission: TRANSITIONS[name].permission ?? null,
  body,
  handler: run,
});
const reasonRequired: Record<string, FieldSpec> = { reason: { type: 'text', required: true, maxLength: 200 } };
const reasonOptional: Record<string, FieldSpec> = { reason: { type: 'text', maxLength: 200 } };


export const ordersResource: ResourceDeclaration = {
  name: 'orders',
  uid: ORDER,
  label: t('订单', 'Orders'),
  tenancy: { kind: 'parties', fields: ['supplierId', 'sellerId'] },
  permissions: { read: 'orders.read', write: 'orders.place' },
  operations: ['list', 'get', 'create'],
  fields: {
    number: ro({ type: 'string', filter: ['eq'], sort: true, search: true }),
    // employee orders come from the mini-program; the console creates individual and gov orders
    channel: { type: 'enum', values: ORDER_CHANNELS, required: true, createOnly: true, filter: ['eq'] },
    sellerId: ro({ type: 'id', filter: ['eq'] }),
    supplierId: ro({ type: 'id', filter: ['eq'] }),
    sellerName: ro({ type: 'string', attribute: false }),
    supplierName: ro({ type: 'string', attribute: false }),
    status: ro({ type: 'enum', values: ORDER_STATUSES, filter: ['eq', 'neq'], attribute: 'state' }),
    paymentMode: { ...ORDER_FORM.paymentMode, createOnly: true, filter: ['eq'] },
    accountId: ro({ type: 'id' }),
    totalAmount: ro({ type: 'money', sort: true, filter: ['gte', 'lte'] }),
    paidAmount: ro({ type: 'money' }),
    refundedAmount: ro({ type: 'money' }),
    expiresAt: ro({ type: 'datetime' }),
    customerName: { ...ORDER_FORM.customerName, createOnly: true, search: true },
    customerPhone: { ...ORDER_FORM.customerPhone, createOnly: true, search: true },
    customerIdNo: { ...ORDER_FORM.customerIdNo, createOnly: true },
    companyName: { ...ORDER_FORM.companyName, createOnly: true, search: true },
    invoiceTitle: { ...ORDER_FORM.invoiceTitle, createOnly: true },
    invoiceTaxNo: { ...ORDER_FORM.invoiceTaxNo, createOnly: true },
    visitDate: { ...ORDER_FORM.visitDate, createOnly: true },
    remarks: { ...ORDER_FORM.remarks, createOnly: true },
    receiverName: { ...ORDER_FORM.receiverName, createOnly: true, search: true },
    receiverPhone: { ...ORDER_FORM.receiverPhone, createOnly: true, search: true },
    receiverAddress: { ...ORDER_FORM.receiverAddress, createOnly: true },
    refundReason: ro({ type: 'string' }),
    refundLineIds: ro({ type: 'json' }),
    refundLines: ro({ type: 'json' }),
    lines: { ...ORDER_LINES, attribute: false, createOnly: true },
    createdAt: ro({ type: 'datetime', filter: ['gte', 'lte'], sort: true }),
  },
  toRecord: (row: Row) => ({ ...defaultRecord(ordersResource, row), totalAmount: Number(row.totalAmount), paidAmount: Number(row.paidAmount), refundedAmount: Number(row.refundedAmount) }),
  async decorate(records, ctx, one) {
    await ctx.strapi.plugin('identity').service('partnerships').nameParties(records);
    const lines = await ctx.strapi.db.query(LINE).findMany({ where: { orderId: { $in: records.map((r) => r.id) } }, orderBy: { id: 'asc' } });
    const events = one ? await ctx.strapi.db.query(EVENT).findMany({ where: { orderId: records[0].id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }) : [];
    for (const record of records) {
      record.lines = (lines as any[]).filter((l) => l.orderId === record.id).map((l) => ({
        id: l.id, productId: l.productId, productName: l.productName, category: l.category, isCombo: l.isCombo, strategyId: l.strategyId,
        day: l.day, quantity: l.quantity, unitPrice: l.unitPrice, amount: Number(l.amount), fulfilmentStatus: l.fulfilmentStatus,
        // lines refunded whole before refunds by quantity have no refundedQuantity: all their units were
        refundedQuantity: l.fulfilmentStatus === 'refunded' ? l.quantity : Number(l.refundedQuantity ?? 0),
        remainingQuantity: remainingOf(l), unusedQuantity: unusedOf(l), usedQuantity: l.usedQuantity ?? null,
        fulfilmentMode: l.fulfilmentMode ?? 'code', failureReason: l.failureReason ?? null,
        confirmationCode: l.confirmationCode, courierCompany: l.courierCompany, trackingNumber: l.trackingNumber, fulfilledAt: l.fulfilledAt,
      }));
      if (one) {
        const actors = await ctx.strapi.plugin('identity').service('partnerships').namesOf('plugin::users-permissions.user', (events as any[]).map((e) => e.actorId), 'displayName');
        record.events = (events as any[]).map((e) => ({
          action: e.action, from: e.fromStatus, to: e.toStatus, actorId: e.actorId, actorName: actors.get(e.actorId) ?? null, reason: e.reason, at: e.createdAt,
          // fulfilments and their corrections: the line and what it said (before and after)
          lineId: e.lineId ?? null, detail: e.detail ?? null,
        }));
      }
    }
  },
  create: (data, ctx) => orders(ctx).create(ctx.principal, data, { idempotencyKey: key(ctx) }),
  collectionActions: {
    // F03/F04: payments and refunds today, this month and per day over the last 30 days, for the caller's side
    // money figures need ledger.read, order figures orders.read: the service leaves out what the caller may not read
    statistics: {
      method: 'GET',
      permission: null,
      handler: (ctx) => reports(ctx).statistics(ctx.principal, ctx.query.side),
    },
    // F97 报表管理: GET /orders/report?groupBy=product|counterparty|channel|day&from=&to=[&side=][&sort=][&limit=]
    report: {
      method: 'GET',
      permission: 'reports.read',
      handler: async (ctx) => reports(ctx).sales(ctx.principal, reports(ctx).parse(ctx.principal, ctx.query)),
    },
    'report-export': {
      method: 'GET',
      permission: 'reports.read',
      async handler(ctx) {
        const report = await reports(ctx).sales(ctx.principal, reports(ctx).parse(ctx.principal, ctx.query));
        const lang = langOf(ctx.koa.get('accept-language'));
        ctx.koa.set('Content-Disposition', `attachment; filename="sales-${report.query.groupBy}.xlsx"; filename*=UTF-8''${encodeURIComponent(`销售报表-${report.query.from}-${report.query.to}.xlsx`)}`);
        ctx.koa.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        ctx.koa.body = await reports(ctx).workbook(report, lang);
        return undefined;
      },
    },
    // F03 热销排行: top products by net quantity or net amount (refunds subtracted) over a chosen period
    // (default the last 30 days, top 10); wholly refunded products are not ranked
    ranking: {
      method: 'GET',
      permission: 'orders.read',
      handler: async (ctx) => reports(ctx).sales(ctx.principal, reports(ctx).parse(ctx.principal, { ...ctx.query, groupBy: 'product' }, { limit: 10 }), { net: true }),
    },
  },
  actions: {
    approve: verb('approve', (row, ctx) => orders(ctx).approve(ctx.principal, row)),
    reject: verb('reject', (row, ctx) => orders(ctx).reject(ctx.principal, row, ctx.body.reason), reasonRequired),
    pay: verb('pay', (row, ctx) => orders(ctx).pay(ctx.principal, row, { idempotencyKey: key(ctx) })),
    cancel: verb('cancel', (row, ctx) => orders(ctx).cancel(ctx.principal, row, (ctx.body.reason as string | null) ?? undefined), reasonOptional),
    // F92: fulfilled, partly used or failed (with a reason); correct-fulfilment changes it afterwards
    fulfil: verb('fulfil', (row, ctx) => orders(ctx).fulfil(ctx.principal, row, ctx.body), FULFILMENT),
    'correct-fulfilment': verb('correct-fulfilment', (row, ctx) => orders(ctx).correctFulfilment(ctx.principal, row, ctx.body), FULFILMENT),
    'request-refund': verb('request-refund', (row, ctx) => orders(ctx).requestRefund(ctx.principal, row, ctx.body, { idempotencyKey: key(ctx) }), {
      // units per line; `lineIds` (whole remaining lines) is still taken
      lines: { type: 'list', max: 50, items: {
        lineId: { type: 'id', required: true },
        quantity: { type: 'integer', required: true, min: 1, max: 100_000 },
      } },
      lineIds: { type: 'ids', max: 50 },
      reason: { type: 'text', maxLength: 200 },
    }),
    'approve-refund': verb('approve-refund', (row, ctx) => orders(ctx).approveRefund(ctx.principal, row)),
    'reject-refund': verb('reject-refund', (row, ctx) => orders(ctx).rejectRefund(ctx.principal, row, ctx.body.reason), reasonRequired),
  },
};

const cart = (ctx: ActionContext) => ctx.strapi.plugin('orders').service('cart');

export const cartItems: ResourceDeclaration = {
  name: 'cart-items',
  uid: 'plugin::orders.cart-item',
  label: t('购物车', 'Cart'),
  tenancy: { kind: 'user', field: 'userId' },
  permissions: { read: 'orders.place', write: 'orders.place' },
  defaultSort: ['id', 'ASC'],
  fields: {
    channel: { type: 'enum', values: ['individual', 'gov'], required: true, createOnly: true, filter: ['eq'] },
    productId: { type: 'id', required: true, createOnly: true },
    strategyId: { type: 'id', required: true },
    day: { type: 'date' },
    quantity: { type: 'integer', required: true, min: 1, max: 100_000 },
    unitPrice: ro({ type: 'money' }),
    amount: ro({ type: 'money', attribute: false }),
    productName: ro({ type: 'string', attribute: false }),
    // goods sent by courier ask for a receiver at checkout
    fulfilmentMode: ro({ type: 'enum', values: ['code', 'courier'], attribute: false }),
    supplierId: ro({ type: 'id', attribute: false }),
    supplierName: ro({ type: 'string', attribute: false }),
    available: ro({ type: 'boolean', attribute: false }),
    currentPrice: ro({ type: 'money', attribute: false }),
    createdAt: ro({ type: 'datetime', sort: true }),
  },
  async decorate(records, ctx) {
    const products = await ctx.strapi.db.query('plugin::catalogue.product').findMany({ where: { id: { $in: records.map((r) => r.productId) } }, select: ['id', 'name', 'supplierId', 'fulfilmentMode'] });
    const byId = new Map((products as any[]).map((p) => [p.id, p]));
    const names = await ctx.strapi.plugin('identity').service('partnerships').namesOf('plugin::identity.enterprise', (products as any[]).map((p) => p.supplierId));
    const offers = await ctx.strapi.plugin('catalogue').service('strategies').offers(ctx.principal.enterpriseId, new Date(), { productIds: records.map((r) => r.productId) });
    for (const record of records) {
      const product = byId.get(record.productId);
      record.productName = product?.name ?? null;
      record.fulfilmentMode = product?.fulfilmentMode ?? null;
      record.supplierId = product?.supplierId ?? null;
      record.supplierName = names.get(product?.supplierId) ?? null;
      record.amount = record.unitPrice * record.quantity;
      const offer = (offers as any[]).find((o) => o.productId === record.productId && o.strategyId === record.strategyId && o.channel === record.channel);
      record.available = Boolean(offer);
      record.currentPrice = offer?.price ?? null;
    }
  },
  create: (data, ctx) => cart(ctx).add(ctx.principal, data),
  update: (existing, data, ctx) => cart(ctx).update(ctx.principal, existing, data),
  collectionActions: {
    checkout: {
      method: 'POST',
      permission: 'orders.place',
      body: CHECKOUT,
      async handler(ctx) {
        const orders = await cart(ctx).checkout(ctx.principal, ctx.body, key(ctx));
        ctx.koa.status = 201;
        return { orders: orders.map((o: any) => ({ id: o.id, number: o.number, status: o.state, totalAmount: Number(o.totalAmount), supplierId: o.supplierId })) };
      },
    },
  },
};

export default [ordersResource, cartItems];
