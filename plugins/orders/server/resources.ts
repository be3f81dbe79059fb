import { CODE_LABELS, errors, idempotencyKeyOf, langOf, ORDER_CHANNELS, ORDER_STATUSES } from '@cop/config';
import type { Text } from '@cop/config';
import { defaultRecord } from '@cop/plugin-console';
import type { ActionContext, FieldSpec, RecordAction, ResourceDeclaration, Row } from '@cop/plugin-console';
import { EVENT, LINE, ORDER, remainingOf, TRANSITIONS, unusedOf } from './services/orders';
import { CHECKOUT, FULFILMENT, ORDER_FORM, ORDER_LINES } from './fields';

const t = errors.text;
/** Where a record keeps the rows it was built from when they came with it (not serialised). */
const PREFETCHED = Symbol('prefetched');
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


/** Who took a step no user took: the timeout job, or a partnership stopped without a signed-in user. */
const SYSTEM_ACTORS: Record<string, Text> = {
  timeout: t('系统（订单超时关闭）', 'System (unpaid order timed out)'),
  partnership: t('系统（停止合作关闭订单）', 'System (partnership stopped)'),
};

/**
 * 订单记录: each step of the order with who took it — the user (display name, else account name) and
 * the enterprise it acted for, or the system (the timeout job, a stopped partnership) — by name, never an id.
 */
async function namedEvents(events: any[], order: Record<string, any>, ctx: ActionContext, known?: Map<number, string>) {
  const names = ctx.strapi.plugin('identity').service('partnerships');
  const actors: Map<number, string> = known ?? await names.namesOf('plugin::users-permissions.user', events.map((e) => e.actorId), 'displayName');
  const lang = langOf(ctx.koa.get?.('accept-language'));
  const enterpriseName = (id: number | null) =>
    id === order.sellerId ? order.sellerName : id === order.supplierId ? order.supplierName : null;
  return events.map((e) => {
    const system = e.actorId || e.actorEnterpriseId ? null : SYSTEM_ACTORS[e.action === 'close' && e.reason !== 'timeout' ? 'partnership' : 'timeout'];
    return {
      action: e.action, from: e.fromStatus, to: e.toStatus, actorId: e.actorId,
      actorName: actors.get(e.actorId) ?? (system ? system[lang] : null),
      actorEnterpriseName: enterpriseName(e.actorEnterpriseId ?? null) ?? null,
      reason: e.reason, at: e.createdAt,
      // fulfilments and their corrections: the line and what it said (before and after)
      lineId: e.lineId ?? null, detail: e.detail ?? null,
    };
  });
}

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
  toRecord: (row: Row) => {
    const record = { ...defaultRecord(ordersResource, row), totalAmount: Number(row.totalAmount), paidAmount: Number(row.paidAmount), refundedAmount: Number(row.refundedAmount) };
    // an order just placed comes with its lines, event and names (see orders.place): kept out of the JSON
    if (row.lineRows) Object.defineProperty(record, PREFETCHED, { value: row, enumerable: false });
    return record;
  },
  async decorate(records, ctx, one) {
    const fetched = records.filter((r) => !(r as any)[PREFETCHED]);
    if (fetched.length) await ctx.strapi.plugin('identity').service('partnerships').nameParties(fetched);
    const lines = fetched.length ? await ctx.strapi.db.query(LINE).findMany({ where: { orderId: { $in: fetched.map((r) => r.id) } }, orderBy: { id: 'asc' } }) as any[] : [];
    // each order's lines by one pass (an export decorates up to 50,000 orders)
    const linesOf = new Map<number, any[]>();
    for (const line of lines) {
      const list = linesOf.get(line.orderId);
      if (list) list.push(line); else linesOf.set(line.orderId, [line]);
    }
    for (const record of records) {
      const pre = (record as any)[PREFETCHED] as Row | undefined;
      if (pre) Object.assign(record, { supplierName: pre.supplierName, sellerName: pre.sellerName });
      const own = pre ? (pre.lineRows as any[]) : linesOf.get(record.id as number) ?? [];
      record.lines = own.map((l) => ({
        id: l.id, productId: l.productId, productName: l.productName, category: l.category, isCombo: l.isCombo, strategyId: l.strategyId,
        day: l.day, quantity: l.quantity, unitPrice: l.unitPrice, amount: Number(l.amount), fulfilmentStatus: l.fulfilmentStatus,
        // lines refunded whole before refunds by quantity have no refundedQuantity: all their units were
        refundedQuantity: l.fulfilmentStatus === 'refunded' ? l.quantity : Number(l.refundedQuantity ?? 0),
        remainingQuantity: remainingOf(l), unusedQuantity: unusedOf(l), usedQuantity: l.usedQuantity ?? null,
        fulfilmentMode: l.fulfilmentMode ?? 'code', failureReason: l.failureReason ?? null,
        confirmationCode: l.confirmationCode, courierCompany: l.courierCompany, trackingNumber: l.trackingNumber, fulfilledAt: l.fulfilledAt,
      }));
      if (one) {
        const events = pre ? (pre.eventRows as any[])
          : await ctx.strapi.db.query(EVENT).findMany({ where: { orderId: record.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }) as any[];
        // each line with its product's pictures (GET /orders/:id/picture?fileId= serves them); an order just
        // placed knows its products' pictures already, and describing none asks nothing
        const pictures: Map<number, number[]> = pre
          ? new Map(Object.entries(pre.productPictures as Record<string, number[]>).map(([id, list]) => [Number(id), list]))
          : await ctx.strapi.plugin('catalogue').service('products').picturesOf(record.lines.map((l: any) => l.productId));
        const described = new Map<number, unknown>((await ctx.strapi.plugin('files').service('files').describe([...pictures.values()].flat())).map((f: any) => [f.id, f]));
        for (const line of record.lines) line.pictures = (pictures.get(line.productId) ?? []).map((id: number) => described.get(id)).filter(Boolean);
        const known = pre ? new Map(Object.entries(pre.actorNames as Record<string, string>).map(([id, name]) => [Number(id), name])) : undefined;
        record.events = await namedEvents(events, record, ctx, known);
      }
    }
  },
  create: (data, ctx) => orders(ctx).create(ctx.principal, data, { idempotencyKey: key(ctx) }),
  // 导出 of 我的订单 and the supplier's order lists: the list's filters, codes by their labels, Beijing times
  exportColumns: [
    { field: 'number', header: t('订单号', 'Order number') },
    { field: 'createdAt', header: t('下单时间', 'Placed at'), format: 'datetime' },
    { field: 'channel', header: t('渠道', 'Channel'), labels: 'order_channel' },
    { field: 'status', header: t('订单状态', 'Status'), labels: 'order_status' },
    { field: 'supplierName', header: t('供货方', 'Supplier') },
    { field: 'sellerName', header: t('销售方', 'Seller') },
    { field: 'companyName', header: t('单位名称', 'Company') },
    { field: 'customerName', header: t('客户姓名', 'Customer') },
    { field: 'customerPhone', header: t('联系电话', 'Phone') },
    { field: 'paymentMode', header: t('结算方式', 'Payment'), labels: 'payment_mode' },
    { field: 'totalAmount', header: t('订单金额（元）', 'Amount (yuan)'), format: 'money' },
    { field: 'paidAmount', header: t('已付金额（元）', 'Paid (yuan)'), format: 'money' },
    { field: 'refundedAmount', header: t('已退金额（元）', 'Refunded (yuan)'), format: 'money' },
    { field: 'visitDate', header: t('使用日期', 'Visit date') },
    { field: 'remarks', header: t('备注', 'Remarks') },
  ],
  /** Which list the file holds: the channel and the status filtered on, by their labels. */
  async exportName(filter, _ctx, lang) {
    const label = (set: 'order_channel' | 'order_status', code: unknown) =>
      (typeof code === 'string' ? (CODE_LABELS[set] as Record<string, Text>)[code]?.[lang] : undefined);
    return [label('order_channel', filter.channel), label('order_status', filter.status)].filter((part): part is string => !!part);
  },
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
    // GET /orders/:id/picture?fileId=[&disposition=]: a picture of a product on the order, for either party
    // (the query of the files plugin's FILE_QUERY: fileId, disposition)
    picture: {
      method: 'GET',
      permission: 'orders.read',
      query: { fileId: { type: 'integer', required: true, min: 1 }, disposition: { type: 'enum', values: ['inline', 'attachment'] } },
      async handler(row, ctx) {
        const lines = await ctx.strapi.db.query(LINE).findMany({ where: { orderId: row.id }, select: ['productId'] });
        const pictures: Map<number, number[]> = await ctx.strapi.plugin('catalogue').service('products').picturesOf((lines as any[]).map((l) => l.productId));
        return ctx.strapi.plugin('files').service('files').sendOneOf(ctx.koa, [...pictures.values()].flat(), ctx.query);
      },
    },
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
