import { errors, shanghaiDay } from '@cop/config';
import { defaultRecord } from '@cop/plugin-console';
import type { ActionContext, FieldSpec, ResourceDeclaration, Row } from '@cop/plugin-console';
import { audienceFields } from '@cop/plugin-identity';
import { fileVerb, keepFileIds } from '@cop/plugin-files';
import { FAVOURITE, OPPORTUNITY, RESOURCE, RESPONSE } from './uids';

const t = errors.text;
const ENTERPRISE = 'plugin::identity.enterprise';
const ro = (spec: FieldSpec): FieldSpec => ({ ...spec, readOnly: true });
const service = (ctx: ActionContext, name: 'resources' | 'opportunities') => ctx.strapi.plugin('collaboration').service(name);
const names = (ctx: ActionContext, ids: unknown[]) => ctx.strapi.plugin('identity').service('partnerships').namesOf(ENTERPRISE, ids);

const createdAt: FieldSpec = ro({ type: 'datetime', filter: ['gte', 'lte'], sort: true });
export const RESOURCE_TYPES = ['venue', 'product', 'service', 'traffic', 'media', 'other'] as const;
export const OPPORTUNITY_KINDS = ['purchase', 'supply', 'cooperation', 'investment', 'other'] as const;

const resourceContent: Record<string, FieldSpec> = {
  title: { type: 'string', required: true, maxLength: 100, search: true, sort: true },
  type: { type: 'enum', values: RESOURCE_TYPES, required: true, filter: ['eq'] },
  region: { type: 'string', maxLength: 50, filter: ['eq'], search: true },
  description: { type: 'text', maxLength: 5000, search: true },
  pictureIds: { type: 'ids', max: 9 },
  attachmentIds: { type: 'ids', max: 10 },
  pictures: ro({ type: 'json', attribute: false }),
  attachments: ro({ type: 'json', attribute: false }),
  contactName: { type: 'string', maxLength: 50 },
  contactPhone: { type: 'string', maxLength: 20, pattern: /^[0-9+\-() ]{5,20}$/, patternText: t('电话格式不正确', 'is not a phone number') },
  validFrom: { type: 'date', required: true, filter: ['gte', 'lte'] },
  validTo: { type: 'date', required: true, filter: ['gte', 'lte'], sort: true },
  ...audienceFields,
  status: ro({ type: 'enum', values: ['draft', 'listed', 'unlisted'], filter: ['eq', 'neq'], attribute: 'state' }),
  listedAt: ro({ type: 'datetime', sort: true }),
  createdAt,
  updatedAt: ro({ type: 'datetime', sort: true }),
};

const describeFiles = (records: Record<string, any>[], ctx: ActionContext, columns: Record<string, string>) =>
  ctx.strapi.plugin('files').service('files').describeInto(records, columns);

/** 我的资源 (F10): my enterprise's resources. */
export const resources: ResourceDeclaration = {
  name: 'resources',
  uid: RESOURCE,
  label: t('我的资源', 'My resources'),
  tenancy: { kind: 'enterprise', field: 'ownerId' },
  permissions: { read: 'resources.read', write: 'resources.write' },
  defaultSort: ['createdAt', 'DESC'],
  fields: resourceContent,
  toRecord: (row: Row) => ({ ...defaultRecord(resources, row), ...keepFileIds(row, ['pictureIds', 'attachmentIds']) }),
  decorate: (records, ctx) => describeFiles(records, ctx, { pictureIds: 'pictures', attachmentIds: 'attachments' }),
  create: (data, ctx) => service(ctx, 'resources').create(ctx.principal, data),
  update: (existing, data, ctx) => service(ctx, 'resources').update(ctx.principal, existing, data),
  remove: (existing, ctx) => service(ctx, 'resources').remove(existing),
  actions: {
    list: { permission: 'resources.write', handler: (row, ctx) => service(ctx, 'resources').list(row) },
    unlist: { permission: 'resources.write', handler: (row, ctx) => service(ctx, 'resources').unlist(row) },
    copy: {
      permission: 'resources.write',
      async handler(row, ctx) {
        ctx.koa.status = 201;
        return service(ctx, 'resources').copy(row);
      },
    },
    file: fileVerb('resources.read', ['pictureIds', 'attachmentIds']),
  },
};

/** 全部资源 (F11): every listed, valid resource whose audience takes in my enterprise (not my own). */
export const allResources: ResourceDeclaration = {
  name: 'all-resources',
  uid: RESOURCE,
  label: t('全部资源', 'All resources'),
  tenancy: {
    kind: 'audience',
    owner: 'ownerId',
    excludeOwner: true,
    visible: (now) => ({ state: 'listed', validFrom: { $lte: shanghaiDay(now) }, validTo: { $gte: shanghaiDay(now) } }),
  },
  permissions: { read: 'resources.read', write: null },
  operations: ['list', 'get'],
  defaultSort: ['listedAt', 'DESC'],
  fields: {
    ...Object.fromEntries(Object.entries(resourceContent)
      .filter(([key]) => !['pictureIds', 'attachmentIds', 'audience', 'audienceIds', 'status'].includes(key))
      .map(([key, spec]) => [key, { ...spec, readOnly: true, required: false }])),
    ownerId: ro({ type: 'id', filter: ['eq'] }),
    ownerName: ro({ type: 'string', attribute: false }),
    favourite: ro({ type: 'boolean', attribute: false, filter: ['eq'] }),
    favouriteId: ro({ type: 'id', attribute: false }),
  },
  toRecord: (row: Row) => ({ ...defaultRecord(allResources, row), ...keepFileIds(row, ['pictureIds', 'attachmentIds']) }),
  // favourite=true|false: the caller's own favourites (per user)
  async extraWhere(filters, ctx) {
    if (filters.favourite === undefined) return {};
    const rows = await ctx.strapi.db.query(FAVOURITE).findMany({ where: { userId: ctx.principal.userId }, select: ['resourceId'] });
    const ids = (rows as { resourceId: number }[]).map((row) => row.resourceId);
    return filters.favourite ? { id: { $in: ids } } : { id: { $notIn: ids } };
  },
  async decorate(records, ctx) {
    await describeFiles(records, ctx, { pictureIds: 'pictures', attachmentIds: 'attachments' });
    const owners = await names(ctx, records.map((r) => r.ownerId));
    const favourites = await ctx.strapi.db.query(FAVOURITE).findMany({ where: { userId: ctx.principal.userId, resourceId: { $in: records.map((r) => r.id) } } });
    const byResource = new Map((favourites as any[]).map((f) => [f.resourceId, f.id]));
    for (const record of records) {
      record.ownerName = owners.get(record.ownerId) ?? null;
      record.favouriteId = byResource.get(record.id) ?? null;
      record.favourite = record.favouriteId !== null;
    }
  },
  actions: { file: fileVerb('resources.read', ['pictureIds', 'attachmentIds']) },
};

/** My (user's) favourite resources; favouriting needs the resource to be visible to me. */
export const resourceFavourites: ResourceDeclaration = {
  name: 'resource-favourites',
  uid: FAVOURITE,
  label: t('我的收藏', 'My favourites'),
  tenancy: { kind: 'user', field: 'userId' },
  permissions: { read: 'resources.read', write: 'resources.read' },
  operations: ['list', 'get', 'create', 'delete'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    resourceId: { type: 'id', required: true, createOnly: true, filter: ['eq'] },
    title: ro({ type: 'string', attribute: false }),
    type: ro({ type: 'string', attribute: false }),
    region: ro({ type: 'string', attribute: false }),
    ownerName: ro({ type: 'string', attribute: false }),
    status: ro({ type: 'string', attribute: false }),
    available: ro({ type: 'boolean', attribute: false }),
    createdAt,
  },
  // a favourite shows the resource only while the user may still see it (listed, valid, in its audience)
  async decorate(records, ctx) {
    const rows = await ctx.strapi.db.query(RESOURCE).findMany({
      where: { $and: [{ id: { $in: records.map((r) => r.resourceId) } }, ctx.strapi.plugin('console').service('tenancy').scope(allResources, ctx.principal)] },
      select: ['id', 'title', 'type', 'region', 'ownerId', 'state'],
    });
    const byId = new Map((rows as any[]).map((row) => [row.id, row]));
    const owners = await names(ctx, (rows as any[]).map((row) => row.ownerId));
    for (const record of records) {
      const resource = byId.get(record.resourceId);
      Object.assign(record, { available: !!resource, title: resource?.title ?? null, type: resource?.type ?? null, region: resource?.region ?? null, status: resource?.state ?? null, ownerName: resource ? owners.get(resource.ownerId) ?? null : null });
    }
  },
  async create(data, ctx) {
    const { row, created } = await service(ctx, 'resources').favourite(ctx.principal, data.resourceId as number);
    if (!created) ctx.koa.status = 200;
    return row;
  },
};

const opportunityContent: Record<string, FieldSpec> = {
  title: { type: 'string', required: true, maxLength: 100, search: true, sort: true },
  kind: { type: 'enum', values: OPPORTUNITY_KINDS, required: true, filter: ['eq'] },
  budgetMin: { type: 'money', max: 1_000_000_000_000, filter: ['gte', 'lte'] },
  budgetMax: { type: 'money', max: 1_000_000_000_000, filter: ['gte', 'lte'] },
  region: { type: 'string', maxLength: 50, filter: ['eq'], search: true },
  deadline: { type: 'date', required: true, filter: ['gte', 'lte'], sort: true },
  description: { type: 'text', maxLength: 5000, search: true },
  attachmentIds: { type: 'ids', max: 10 },
  attachments: ro({ type: 'json', attribute: false }),
  ...audienceFields,
  status: ro({ type: 'enum', values: ['open', 'closed'], filter: ['eq'], attribute: 'state' }),
  responseCount: ro({ type: 'integer', sort: true }),
  closedAt: ro({ type: 'datetime' }),
  createdAt,
};

const opportunityRecord = (declaration: () => ResourceDeclaration) => (row: Row) => ({
  ...defaultRecord(declaration(), row),
  budgetMin: row.budgetMin == null ? null : Number(row.budgetMin),
  budgetMax: row.budgetMax == null ? null : Number(row.budgetMax),
  ...keepFileIds(row, ['attachmentIds']),
});

/** 发布商机 (F12): my enterprise's opportunities. */
export const opportunities: ResourceDeclaration = {
  name: 'opportunities',
  uid: OPPORTUNITY,
  label: t('发布商机', 'Published opportunities'),
  tenancy: { kind: 'enterprise', field: 'publisherId' },
  permissions: { read: 'opportunities.read', write: 'opportunities.write' },
  defaultSort: ['createdAt', 'DESC'],
  fields: opportunityContent,
  toRecord: opportunityRecord(() => opportunities),
  decorate: (records, ctx) => describeFiles(records, ctx, { attachmentIds: 'attachments' }),
  create: (data, ctx) => service(ctx, 'opportunities').create(ctx.principal, data),
  update: (existing, data, ctx) => service(ctx, 'opportunities').update(ctx.principal, existing, data),
  remove: (existing, ctx) => service(ctx, 'opportunities').remove(existing),
  actions: {
    close: { permission: 'opportunities.write', handler: (row, ctx) => service(ctx, 'opportunities').close(row) },
    file: fileVerb('opportunities.read', ['attachmentIds']),
  },
};

/** 接收商机 (F13): open opportunities of other enterprises whose audience takes in mine. */
export const receivedOpportunities: ResourceDeclaration = {
  name: 'received-opportunities',
  uid: OPPORTUNITY,
  label: t('接收商机', 'Received opportunities'),
  tenancy: { kind: 'audience', owner: 'publisherId', excludeOwner: true, visible: () => ({ state: 'open' }) },
  permissions: { read: 'opportunities.read', write: null },
  operations: ['list', 'get'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    ...Object.fromEntries(Object.entries(opportunityContent)
      .filter(([key]) => !['attachmentIds', 'audience', 'audienceIds', 'status', 'responseCount', 'closedAt'].includes(key))
      .map(([key, spec]) => [key, { ...spec, readOnly: true, required: false }])),
    publisherId: ro({ type: 'id', filter: ['eq'] }),
    publisherName: ro({ type: 'string', attribute: false }),
    expired: ro({ type: 'boolean', attribute: false }),
    responded: ro({ type: 'boolean', attribute: false, filter: ['eq'] }),
    myResponse: ro({ type: 'json', attribute: false }),
  },
  toRecord: opportunityRecord(() => receivedOpportunities),
  // responded=true: those my enterprise has an active response to
  async extraWhere(filters, ctx) {
    if (filters.responded === undefined) return {};
    const rows = await ctx.strapi.db.query(RESPONSE).findMany({ where: { responderId: ctx.principal.enterpriseId, state: 'active' }, select: ['opportunityId'] });
    const ids = (rows as { opportunityId: number }[]).map((row) => row.opportunityId);
    return filters.responded ? { id: { $in: ids } } : { id: { $notIn: ids } };
  },
  async decorate(records, ctx) {
    await describeFiles(records, ctx, { attachmentIds: 'attachments' });
    const publishers = await names(ctx, records.map((r) => r.publisherId));
    const mine = await ctx.strapi.db.query(RESPONSE).findMany({ where: { responderId: ctx.principal.enterpriseId, opportunityId: { $in: records.map((r) => r.id) } } });
    const byOpportunity = new Map((mine as any[]).map((r) => [r.opportunityId, r]));
    const today = shanghaiDay(new Date());
    for (const record of records) {
      const response = byOpportunity.get(record.id);
      record.publisherName = publishers.get(record.publisherId) ?? null;
      record.expired = record.deadline < today;
      record.myResponse = response ? { id: response.id, message: response.message, status: response.state, createdAt: response.createdAt } : null;
      record.responded = response?.state === 'active';
    }
  },
  actions: {
    respond: {
      permission: 'opportunities.write',
      body: { message: { type: 'text', maxLength: 2000 } },
      async handler(row, ctx) {
        await service(ctx, 'opportunities').respond(ctx.principal, row, ctx.body.message);
        return row;
      },
    },
    withdraw: {
      permission: 'opportunities.write',
      async handler(row, ctx) {
        await service(ctx, 'opportunities').withdraw(ctx.principal, row);
        return row;
      },
    },
    file: fileVerb('opportunities.read', ['attachmentIds']),
  },
};

/** Responses: the publisher sees those to its opportunities, the responder its own. */
export const opportunityResponses: ResourceDeclaration = {
  name: 'opportunity-responses',
  uid: RESPONSE,
  label: t('商机响应', 'Opportunity responses'),
  tenancy: { kind: 'parties', fields: ['publisherId', 'responderId'] },
  permissions: { read: 'opportunities.read', write: null },
  operations: ['list', 'get'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    opportunityId: ro({ type: 'id', filter: ['eq'] }),
    opportunityTitle: ro({ type: 'string', attribute: false }),
    publisherId: ro({ type: 'id', filter: ['eq'] }),
    publisherName: ro({ type: 'string', attribute: false }),
    responderId: ro({ type: 'id', filter: ['eq'] }),
    responderName: ro({ type: 'string', attribute: false }),
    message: ro({ type: 'text', search: true }),
    status: ro({ type: 'enum', values: ['active', 'withdrawn'], filter: ['eq'], attribute: 'state' }),
    withdrawnAt: ro({ type: 'datetime' }),
    createdAt,
  },
  async decorate(records, ctx) {
    const enterprises = await names(ctx, records.flatMap((r) => [r.publisherId, r.responderId]));
    const rows = await ctx.strapi.db.query(OPPORTUNITY).findMany({ where: { id: { $in: records.map((r) => r.opportunityId) } }, select: ['id', 'title'] });
    const titles = new Map((rows as any[]).map((row) => [row.id, row.title]));
    for (const record of records) {
      record.publisherName = enterprises.get(record.publisherId) ?? null;
      record.responderName = enterprises.get(record.responderId) ?? null;
      record.opportunityTitle = titles.get(record.opportunityId) ?? null;
    }
  },
};

export default [resources, allResources, resourceFavourites, opportunities, receivedOpportunities, opportunityResponses];
