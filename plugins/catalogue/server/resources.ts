import { errors, langOf } from '@cop/config';
import type { Text } from '@cop/config';
import { defaultRecord } from '@cop/plugin-console';
import { fileVerb, keepFileIds } from '@cop/plugin-files';
import type { ActionContext, FieldSpec, ResourceDeclaration, Row } from '@cop/plugin-console';
import { AGREEMENT, PRODUCT, STRATEGY } from './uids';

const t = errors.text;
/** A calendar day, YYYY-MM-DD (2026-02-30 is refused). */
const DATE = { type: 'date' as const };
const MONEY: FieldSpec = { type: 'money', max: 2_000_000_000 };
const createdAt: FieldSpec = { type: 'datetime', readOnly: true, filter: ['gte', 'lte'], sort: true };
const service = (ctx: ActionContext, name: string) => ctx.strapi.plugin('catalogue').service(name);

/** `pictureFiles`: the product's pictures as { id, name, mime, size } (one query for the page). */
const describePictures = (records: Record<string, any>[], ctx: ActionContext) =>
  ctx.strapi.plugin('files').service('files').describeInto(records, { pictures: 'pictureFiles' });

const productFields: Record<string, FieldSpec> = {
  supplierId: { type: 'id', readOnly: true },
  category: { type: 'enum', values: ['ticket', 'catering', 'retail', 'coupon'], createOnly: true, filter: ['eq'] },
  name: { type: 'string', required: true, maxLength: 100, search: true, sort: true },
  description: { type: 'text', maxLength: 5000 },
  status: { type: 'enum', values: ['listed', 'unlisted'], readOnly: true, filter: ['eq'], attribute: 'state' },
  referencePrice: { ...MONEY, sort: true },
  fulfilmentMode: { type: 'enum', values: ['code', 'courier'] },
  stockMode: { type: 'enum', values: ['none', 'total', 'daily'], filter: ['eq', 'neq'] },
  isCombo: { type: 'boolean', createOnly: true, filter: ['eq'] },
  mainProductId: { type: 'id' },
  comboItems: { type: 'list', max: 20, items: { productId: { type: 'id', required: true }, quantity: { type: 'integer', required: true, min: 1, max: 100 } } },
  pictures: { type: 'ids', max: 10 },
  pictureFiles: { type: 'json', readOnly: true, attribute: false },
  scenicSpot: { type: 'string', maxLength: 100 },
  ticketType: { type: 'enum', values: ['adult', 'child', 'senior', 'student', 'family', 'other'] },
  entryRule: { type: 'string', maxLength: 200 },
  venue: { type: 'string', maxLength: 100 },
  mealPeriod: { type: 'enum', values: ['breakfast', 'lunch', 'dinner', 'afternoon-tea', 'all-day'] },
  sku: { type: 'string', maxLength: 64 },
  spec: { type: 'string', maxLength: 100 },
  shippingRequired: { type: 'boolean' },
  faceValue: MONEY,
  couponValidFrom: DATE,
  couponValidTo: DATE,
  usageRules: { type: 'text', maxLength: 2000 },
  createdAt,
};


export const products: ResourceDeclaration = {
  name: 'products',
  uid: PRODUCT,
  label: t('产品', 'Products'),
  tenancy: { kind: 'enterprise', field: 'supplierId' },
  permissions: { read: 'products.read', write: 'products.write' },
  operations: ['list', 'get', 'create', 'update'],
  fields: productFields,
  toRecord: (row: Row) => ({ ...defaultRecord(products, row), pictures: row.pictures ?? [], comboItems: row.comboItems ?? null, ...keepFileIds(row, ['pictures']) }),
  decorate: (records, ctx) => describePictures(records, ctx),
  create: (data, ctx) => service(ctx, 'products').create(ctx.principal, data),
  update: (existing, data, ctx) => service(ctx, 'products').update(ctx.principal, existing, data),
  actions: {
    picture: fileVerb('products.read', ['pictures']),
    list: { permission: 'products.write', handler: (row, ctx) => service(ctx, 'products').setStatus(row, 'listed') },
    unlist: { permission: 'products.write', handler: (row, ctx) => service(ctx, 'products').setStatus(row, 'unlisted') },
    // what saving a new stock mode or unlisting would do that is probably not meant; writes nothing
    warnings: {
      permission: 'products.write',
      body: { stockMode: { type: 'enum', values: ['none', 'total', 'daily'] }, unlist: { type: 'boolean' } },
      async handler(row, ctx) {
        const lang = langOf(ctx.koa.get('accept-language'));
        const found: Text[] = await service(ctx, 'products').warnings(row, ctx.body);
        ctx.koa.body = { warnings: found.map((warning) => warning[lang]) };
        return undefined;
      },
    },
  },
};

export const strategies: ResourceDeclaration = {
  name: 'strategies',
  uid: STRATEGY,
  label: t('销售策略', 'Sales strategies'),
  tenancy: { kind: 'enterprise', field: 'supplierId' },
  permissions: { read: 'strategies.read', write: 'strategies.write' },
  operations: ['list', 'get', 'create', 'update'],
  fields: {
    channel: { type: 'enum', values: ['individual', 'gov'], required: true, createOnly: true, filter: ['eq'] },
    name: { type: 'string', required: true, maxLength: 100, search: true, sort: true },
    effectiveFrom: { ...DATE, required: true, filter: ['lte', 'gte'], sort: true },
    effectiveTo: { ...DATE, required: true, filter: ['lte', 'gte'] },
    businessMode: { type: 'enum', values: ['prepaid', 'credit', 'either'] },
    appliesTo: { type: 'enum', values: ['all', 'named'] },
    sellerIds: { type: 'ids', max: 1000 },
    requiresAudit: { type: 'boolean' },
    status: { type: 'enum', values: ['active', 'disabled', 'expired'], readOnly: true, filter: ['eq'], attribute: 'state' },
    lines: {
      type: 'list', attribute: false, required: true, max: 500,
      items: {
        id: { type: 'id' },
        productId: { type: 'id', required: true },
        price: { ...MONEY, required: true },
        settlementPrice: MONEY,
        minQuantity: { type: 'integer', min: 1, max: 1_000_000 },
        maxQuantity: { type: 'integer', min: 1, max: 1_000_000 },
        dailyMax: { type: 'integer', min: 1, max: 1_000_000 },
      },
    },
    createdAt,
  },
  toRecord: (row: Row) => ({ ...defaultRecord(strategies, row), sellerIds: row.sellerIds ?? [] }),
  async decorate(records, ctx) {
    const lines = await ctx.strapi.db.query('plugin::catalogue.strategy-line').findMany({ where: { strategyId: { $in: records.map((r) => r.id) } }, orderBy: { id: 'asc' } });
    for (const record of records) {
      record.lines = (lines as any[]).filter((l) => l.strategyId === record.id)
        .map(({ productId, price, settlementPrice, minQuantity, maxQuantity, dailyMax }) => ({ productId, price, settlementPrice, minQuantity, maxQuantity, dailyMax }));
    }
  },
  create: (data, ctx) => service(ctx, 'strategies').create(ctx.principal, data),
  update: (existing, data, ctx) => service(ctx, 'strategies').update(ctx.principal, existing, data),
  actions: {
    enable: { permission: 'strategies.write', handler: (row, ctx) => service(ctx, 'strategies').setStatus(ctx.principal, row, 'active') },
    disable: { permission: 'strategies.write', handler: (row, ctx) => service(ctx, 'strategies').setStatus(ctx.principal, row, 'disabled') },
  },
};

export const agreements: ResourceDeclaration = {
  name: 'agreements',
  uid: AGREEMENT,
  label: t('内部电子协议', 'E-agreements'),
  tenancy: { kind: 'parties', fields: ['supplierId', 'sellerId'], writer: 'supplierId' },
  // the seller never sees the supplier's drafts
  baseWhere: (principal) => ({ $or: [{ supplierId: principal.enterpriseId }, { state: { $ne: 'draft' } }] }),
  permissions: { read: 'agreements.read', write: 'agreements.write' },
  fields: {
    supplierId: { type: 'id', readOnly: true, filter: ['eq'] },
    sellerId: { type: 'id', required: true, createOnly: true, filter: ['eq'] },
    supplierName: { type: 'string', readOnly: true, attribute: false },
    sellerName: { type: 'string', readOnly: true, attribute: false },
    number: { type: 'string', required: true, createOnly: true, maxLength: 50, pattern: /^[A-Za-z0-9_\-/]+$/, patternText: t('只能包含字母、数字和 _ - /', 'may contain only letters, digits and _ - /'), search: true, sort: true },
    title: { type: 'string', required: true, maxLength: 100, search: true },
    terms: { type: 'text', maxLength: 20000 },
    validFrom: { ...DATE, required: true, filter: ['gte', 'lte'], sort: true },
    validTo: { ...DATE, required: true, filter: ['gte', 'lte'] },
    attachmentIds: { type: 'ids', max: 20, writeOnly: true },
    attachments: { type: 'json', readOnly: true, attribute: false },
    status: { type: 'enum', values: ['draft', 'confirmed', 'effective', 'expired', 'terminated'], readOnly: true, filter: ['eq', 'neq'], attribute: 'state' },
    confirmedAt: { type: 'datetime', readOnly: true },
    terminatedAt: { type: 'datetime', readOnly: true },
    terminationReason: { type: 'string', readOnly: true },
    createdAt,
  },
  toRecord: (row: Row) => ({ ...defaultRecord(agreements, row), ...keepFileIds(row, ['attachmentIds']) }),
  async decorate(records, ctx) {
    await ctx.strapi.plugin('identity').service('partnerships').nameParties(records);
    // one query for the page's files, not one per agreement
    await ctx.strapi.plugin('files').service('files').describeInto(records, { attachmentIds: 'attachments' });
  },
  create: (data, ctx) => service(ctx, 'agreements').create(ctx.principal, data),
  update: (existing, data, ctx) => service(ctx, 'agreements').update(ctx.principal, existing, data),
  remove: (existing, ctx) => service(ctx, 'agreements').remove(existing),
  actions: {
    confirm: { permission: 'agreements.write', handler: (row, ctx) => service(ctx, 'agreements').confirm(ctx.principal, row) },
    terminate: { permission: 'agreements.write', body: { reason: { type: 'text', required: true, maxLength: 200 } }, handler: (row, ctx) => service(ctx, 'agreements').terminate(ctx.principal, row, ctx.body.reason) },
    // GET /agreements/:id/attachment?fileId=: the shared file verb (the party that may read the agreement downloads)
    attachment: fileVerb('agreements.read', ['attachmentIds']),
  },
};

/**
 * What the signed-in seller may order today (F70, F80): listed products of partner suppliers with an
 * effective agreement, through a strategy effective today that applies to the seller, with its price.
 */
export const catalogue: ResourceDeclaration = {
  name: 'catalogue',
  uid: PRODUCT,
  label: t('可订产品', 'Catalogue'),
  tenancy: { kind: 'shared' },
  baseWhere: () => ({ state: 'listed' }),
  permissions: { read: 'orders.place', write: null },
  operations: ['list', 'get'],
  fields: {
    supplierId: { type: 'id', readOnly: true, filter: ['eq'] },
    supplierName: { type: 'string', readOnly: true, attribute: false },
    category: { type: 'enum', values: ['ticket', 'catering', 'retail', 'coupon'], readOnly: true, filter: ['eq'] },
    isCombo: { type: 'boolean', readOnly: true, filter: ['eq'] },
    channel: { type: 'enum', values: ['individual', 'gov'], readOnly: true, attribute: false, filter: ['eq'] },
    name: { type: 'string', readOnly: true, search: true, sort: true },
    description: { type: 'text', readOnly: true },
    referencePrice: { type: 'money', readOnly: true },
    fulfilmentMode: { type: 'enum', values: ['code', 'courier'], readOnly: true },
    stockMode: { type: 'enum', values: ['none', 'total', 'daily'], readOnly: true },
    comboItems: { type: 'json', readOnly: true },
    pictures: { type: 'ids', readOnly: true },
    pictureFiles: { type: 'json', readOnly: true, attribute: false },
    scenicSpot: { type: 'string', readOnly: true }, ticketType: { type: 'string', readOnly: true }, entryRule: { type: 'string', readOnly: true },
    venue: { type: 'string', readOnly: true }, mealPeriod: { type: 'string', readOnly: true },
    sku: { type: 'string', readOnly: true }, spec: { type: 'string', readOnly: true }, shippingRequired: { type: 'boolean', readOnly: true },
    faceValue: { type: 'money', readOnly: true }, couponValidFrom: { type: 'string', readOnly: true }, couponValidTo: { type: 'string', readOnly: true }, usageRules: { type: 'text', readOnly: true },
    offers: { type: 'json', readOnly: true, attribute: false },
  },
  toRecord: (row: Row) => ({ ...defaultRecord(catalogue, row), pictures: row.pictures ?? [], ...keepFileIds(row, ['pictures']) }),
  async extraWhere(filters, ctx) {
    const strategies = await service(ctx, 'strategies').applicableStrategies(ctx.principal.enterpriseId, new Date(), filters.channel as string | undefined);
    ctx.koa.state.catalogueStrategies = strategies;
    return { id: { $in: await service(ctx, 'strategies').offeredProductIds(strategies.map((s: any) => s.id)) } };
  },
  actions: {
    // a product's pictures are shown to the sellers who may order it
    picture: fileVerb('orders.place', ['pictures']),
    // GET /catalogue/:id/stock?day=: what is left to order (for the day with daily stock); null when not managed
    stock: {
      method: 'GET',
      permission: 'orders.place',
      query: { day: DATE },
      async handler(row, ctx) {
        const available = await ctx.strapi.plugin('inventory').service('stock').available(row.id, ctx.query.day as string | undefined);
        ctx.koa.body = { available };
        return undefined;
      },
    },
  },
  async decorate(records, ctx) {
    // offers only for the products on this page, through the strategies found for the query
    const offers: any[] = await service(ctx, 'strategies').offers(ctx.principal.enterpriseId, new Date(), { productIds: records.map((r) => r.id), strategies: ctx.koa.state.catalogueStrategies });
    await ctx.strapi.plugin('identity').service('partnerships').nameParties(records);
    await describePictures(records, ctx);
    for (const record of records) {
      record.offers = offers.filter((o) => o.productId === record.id).map(({ productId, supplierId, ...offer }) => offer);
    }
    // a combo's parts by name (the seller cannot read the supplier's products): [{ productId, quantity, name }]
    const partIds = [...new Set(records.flatMap((r) => (Array.isArray(r.comboItems) ? r.comboItems : []).map((item: any) => item.productId)))];
    if (partIds.length) {
      const parts = await ctx.strapi.db.query(PRODUCT).findMany({ where: { id: { $in: partIds } }, select: ['id', 'name'] }) as { id: number; name: string }[];
      const names = new Map(parts.map((part) => [part.id, part.name]));
      for (const record of records) {
        if (Array.isArray(record.comboItems)) record.comboItems = record.comboItems.map((item: any) => ({ ...item, name: names.get(item.productId) ?? null }));
      }
    }
  },
};

export default [products, strategies, agreements, catalogue];
