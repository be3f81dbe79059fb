import { errors, invalid, langOf, notificationTitle, NOTIFICATION_TYPES } from '@cop/config';
import { defaultRecord, filterWhere } from '@cop/plugin-console';
import type { ActionContext, FieldSpec, ResourceDeclaration, Row } from '@cop/plugin-console';
import { audienceFields } from '@cop/plugin-identity';
import { fileVerb, keepFileIds } from '@cop/plugin-files';
import { NOTIFICATION } from './services/notifications';
import { ANNOUNCEMENT, ANNOUNCEMENT_READ } from './services/announcements';
import { CONVERSATION, MESSAGE, SUBJECT_TYPES } from './services/conversations';

const t = errors.text;
const ENTERPRISE = 'plugin::identity.enterprise';
const USER = 'plugin::users-permissions.user';
const ro = (spec: FieldSpec): FieldSpec => ({ ...spec, readOnly: true });
const service = (ctx: { strapi: any }, name: 'notifications' | 'announcements' | 'conversations') => ctx.strapi.plugin('messaging').service(name);
const namesOf = (ctx: ActionContext, uid: string, ids: unknown[], field?: string) => ctx.strapi.plugin('identity').service('partnerships').namesOf(uid, ids, field);
const createdAt: FieldSpec = ro({ type: 'datetime', filter: ['gte', 'lte'], sort: true });

export const ANNOUNCEMENT_TYPES = ['notice', 'policy', 'promotion', 'maintenance', 'other'] as const;

const describeAttachments = (records: Record<string, any>[], ctx: ActionContext) =>
  ctx.strapi.plugin('files').service('files').describeInto(records, { attachmentIds: 'attachments' });

export const notifications: ResourceDeclaration = {
  name: 'notifications',
  uid: NOTIFICATION,
  label: t('我的消息', 'Messages'),
  tenancy: { kind: 'user', field: 'userId' },
  permissions: { read: null, write: null },
  operations: ['list', 'get'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    type: { type: 'enum', values: NOTIFICATION_TYPES, readOnly: true, filter: ['eq', 'neq'] },
    title: { type: 'string', readOnly: true, search: true },
    // the title's kind and parameters (config NOTIFICATION_TITLES): `title` is rendered from them in the reader's language
    titleKey: { type: 'string', readOnly: true },
    titleParams: { type: 'json', readOnly: true },
    body: { type: 'text', readOnly: true, search: true },
    link: { type: 'string', readOnly: true },
    read: { type: 'boolean', readOnly: true, filter: ['eq'] },
    readAt: { type: 'datetime', readOnly: true },
    createdAt: { type: 'datetime', readOnly: true, filter: ['gte', 'lte', 'gt', 'lt'], sort: true },
  },
  async decorate(records, ctx) {
    const lang = langOf(ctx.koa?.get?.('accept-language'));
    for (const record of records) record.title = notificationTitle(record.titleKey, record.titleParams, lang) ?? record.title;
  },
  actions: {
    read: {
      permission: null,
      async handler(existing, ctx) {
        await service(ctx, 'notifications').markRead(ctx.principal.userId, existing.id);
        return ctx.strapi.db.query(NOTIFICATION).findOne({ where: { id: existing.id } });
      },
    },
  },
  collectionActions: {
    // 全部标为已读: marks what the list shows, so it takes the list's filter (type, read, dates, q); none means all
    'read-all': {
      method: 'POST',
      permission: null,
      body: { filter: { type: 'json' } },
      async handler(ctx) {
        const filter = ctx.body.filter ?? {};
        if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
          throw invalid({ filter: t('应为 JSON 对象（与列表的筛选相同）', 'must be a JSON object (the list\'s filter)') });
        }
        const where = filterWhere(notifications, filter as Record<string, unknown>);
        return { updated: await service(ctx, 'notifications').markAllRead(ctx.principal.userId, where) };
      },
    },
  },
};

const announcementContent: Record<string, FieldSpec> = {
  type: { type: 'enum', values: ANNOUNCEMENT_TYPES, required: true, filter: ['eq'] },
  title: { type: 'string', required: true, maxLength: 100, search: true, sort: true },
  // required: text or a picture (an empty editor's <p></p> is refused by the service, 400 on body)
  body: { type: 'text', required: true, maxLength: 50_000, search: true },
  attachmentIds: { type: 'ids', max: 10 },
  attachments: ro({ type: 'json', attribute: false }),
  ...audienceFields,
  publishAt: { type: 'datetime', sort: true },
  pinned: { type: 'boolean', filter: ['eq'] },
  status: ro({ type: 'enum', values: ['draft', 'scheduled', 'published', 'withdrawn'], filter: ['eq', 'neq'], attribute: 'state' }),
  // the attribute is releasedAt: Strapi fills its own publishedAt on every create
  publishedAt: ro({ type: 'datetime', filter: ['gte', 'lte'], sort: true, attribute: 'releasedAt' }),
  withdrawnAt: ro({ type: 'datetime' }),
  createdAt,
};

/** 发布公告 (F40): my enterprise's announcements. */
export const announcements: ResourceDeclaration = {
  name: 'announcements',
  uid: ANNOUNCEMENT,
  label: t('发布公告', 'Announcements'),
  tenancy: { kind: 'enterprise', field: 'publisherId' },
  permissions: { read: 'announcements.write', write: 'announcements.write' },
  defaultSort: ['createdAt', 'DESC'],
  fields: announcementContent,
  toRecord: (row: Row) => ({ ...defaultRecord(announcements, row), ...keepFileIds(row, ['attachmentIds']) }),
  decorate: describeAttachments,
  create: (data, ctx) => service(ctx, 'announcements').create(ctx.principal, data),
  update: (existing, data, ctx) => service(ctx, 'announcements').update(ctx.principal, existing, data),
  remove: (existing, ctx) => service(ctx, 'announcements').remove(existing),
  actions: {
    publish: { permission: 'announcements.write', handler: (row, ctx) => service(ctx, 'announcements').publish(row) },
    withdraw: { permission: 'announcements.write', handler: (row, ctx) => service(ctx, 'announcements').withdraw(row) },
    file: fileVerb('announcements.write', ['attachmentIds']),
  },
};

/** 接收公告 (F41): published announcements whose audience takes in my enterprise (the platform's too). */
export const receivedAnnouncements: ResourceDeclaration = {
  name: 'received-announcements',
  uid: ANNOUNCEMENT,
  label: t('接收公告', 'Received announcements'),
  tenancy: { kind: 'audience', owner: 'publisherId', visible: () => ({ state: 'published' }) },
  permissions: { read: 'announcements.read', write: null },
  operations: ['list', 'get'],
  defaultSort: ['publishedAt', 'DESC'],
  fields: {
    type: ro({ type: 'enum', values: ANNOUNCEMENT_TYPES, filter: ['eq'] }),
    title: ro({ type: 'string', search: true, sort: true }),
    body: ro({ type: 'text', search: true }),
    attachments: ro({ type: 'json', attribute: false }),
    pinned: ro({ type: 'boolean', filter: ['eq'], sort: true }),
    publishedAt: ro({ type: 'datetime', filter: ['gte', 'lte'], sort: true, attribute: 'releasedAt' }),
    publisherId: ro({ type: 'id' }),
    publisherName: ro({ type: 'string', attribute: false }),
    read: ro({ type: 'boolean', attribute: false, filter: ['eq'] }),
  },
  toRecord: (row: Row) => ({ ...defaultRecord(receivedAnnouncements, row), ...keepFileIds(row, ['attachmentIds']) }),
  // read=true|false: whether the signed-in user has read it
  async extraWhere(filters, ctx) {
    if (filters.read === undefined) return {};
    const rows = await ctx.strapi.db.query(ANNOUNCEMENT_READ).findMany({ where: { userId: ctx.principal.userId }, select: ['announcementId'] });
    const ids = (rows as { announcementId: number }[]).map((row) => row.announcementId);
    return filters.read ? { id: { $in: ids } } : { id: { $notIn: ids } };
  },
  async decorate(records, ctx) {
    await describeAttachments(records, ctx);
    const publishers = await namesOf(ctx, ENTERPRISE, records.map((r) => r.publisherId));
    const reads = await ctx.strapi.db.query(ANNOUNCEMENT_READ).findMany({ where: { userId: ctx.principal.userId, announcementId: { $in: records.map((r) => r.id) } }, select: ['announcementId'] });
    const read = new Set((reads as { announcementId: number }[]).map((r) => r.announcementId));
    for (const record of records) {
      record.publisherName = record.publisherId ? publishers.get(record.publisherId) ?? null : t('平台', 'Platform').zh;
      record.read = read.has(record.id);
    }
  },
  actions: {
    read: {
      permission: 'announcements.read',
      async handler(row, ctx) {
        await service(ctx, 'announcements').markRead(ctx.principal.userId, row.id);
        return row;
      },
    },
    file: fileVerb('announcements.read', ['attachmentIds']),
  },
};

/** 我的交流: threads between my enterprise and one other. */
export const conversations: ResourceDeclaration = {
  name: 'conversations',
  uid: CONVERSATION,
  label: t('我的交流', 'Conversations'),
  tenancy: { kind: 'parties', fields: ['initiatorId', 'recipientId'] },
  permissions: { read: 'conversations.use', write: 'conversations.use' },
  operations: ['list', 'get', 'create'],
  defaultSort: ['lastMessageAt', 'DESC'],
  fields: {
    subjectType: { type: 'enum', values: SUBJECT_TYPES, createOnly: true, filter: ['eq'] },
    subjectId: { type: 'id', createOnly: true, filter: ['eq'] },
    subjectTitle: ro({ type: 'string', search: true }),
    counterpartId: { type: 'id', createOnly: true, attribute: false },
    counterpartName: ro({ type: 'string', attribute: false }),
    text: { type: 'text', required: true, createOnly: true, maxLength: 2000, attribute: false },
    attachmentIds: { type: 'ids', max: 5, createOnly: true, writeOnly: true },
    lastMessageAt: ro({ type: 'datetime', sort: true, filter: ['gte', 'lte'] }),
    lastMessagePreview: ro({ type: 'string', search: true }),
    unread: ro({ type: 'integer', attribute: false }),
    hasUnread: ro({ type: 'boolean', attribute: false, filter: ['eq'] }),
    messageCount: ro({ type: 'integer' }),
    createdAt,
  },
  toRecord(row: Row, principal) {
    const mine = row.initiatorId === principal.enterpriseId;
    return {
      ...defaultRecord(conversations, row),
      text: undefined,
      counterpartId: mine ? row.recipientId : row.initiatorId,
      unread: mine ? row.initiatorUnread : row.recipientUnread,
      hasUnread: (mine ? row.initiatorUnread : row.recipientUnread) > 0,
    };
  },
  // hasUnread=true: threads with messages my enterprise has not read (the caller's side of the counter)
  async extraWhere(filters, ctx) {
    if (filters.hasUnread === undefined) return {};
    const me = ctx.principal.enterpriseId;
    return filters.hasUnread
      ? { $or: [{ initiatorId: me, initiatorUnread: { $gt: 0 } }, { recipientId: me, recipientUnread: { $gt: 0 } }] }
      : { $or: [{ initiatorId: me, initiatorUnread: 0 }, { recipientId: me, recipientUnread: 0 }] };
  },
  async decorate(records, ctx) {
    const names = await namesOf(ctx, ENTERPRISE, records.map((r) => r.counterpartId));
    for (const record of records) {
      record.counterpartName = names.get(record.counterpartId) ?? null;
      delete record.text;
    }
  },
  create: (data, ctx) => service(ctx, 'conversations').start(ctx.principal, data),
  actions: {
    read: {
      permission: 'conversations.use',
      async handler(row, ctx) {
        await service(ctx, 'conversations').markRead(ctx.principal, row);
        return ctx.strapi.db.query(CONVERSATION).findOne({ where: { id: row.id } });
      },
    },
  },
  collectionActions: {
    unread: {
      method: 'GET',
      permission: 'conversations.use',
      handler: async (ctx) => ({ total: await service(ctx, 'conversations').unreadTotal(ctx.principal.enterpriseId) }),
    },
  },
};

/** The messages of my enterprise's threads. */
export const conversationMessages: ResourceDeclaration = {
  name: 'conversation-messages',
  uid: MESSAGE,
  label: t('交流消息', 'Conversation messages'),
  tenancy: { kind: 'parties', fields: ['senderEnterpriseId', 'receiverEnterpriseId'] },
  permissions: { read: 'conversations.use', write: 'conversations.use' },
  operations: ['list', 'get', 'create'],
  defaultSort: ['createdAt', 'ASC'],
  fields: {
    conversationId: { type: 'id', required: true, createOnly: true, filter: ['eq'] },
    senderEnterpriseId: ro({ type: 'id' }),
    senderUserId: ro({ type: 'id' }),
    senderName: ro({ type: 'string', attribute: false }),
    mine: ro({ type: 'boolean', attribute: false }),
    body: { type: 'text', required: true, createOnly: true, maxLength: 2000, search: true },
    attachmentIds: { type: 'ids', max: 5, createOnly: true },
    attachments: ro({ type: 'json', attribute: false }),
    createdAt,
  },
  toRecord: (row: Row, principal) => ({
    ...defaultRecord(conversationMessages, row),
    mine: row.senderEnterpriseId === principal.enterpriseId,
    ...keepFileIds(row, ['attachmentIds']),
  }),
  async decorate(records, ctx) {
    await describeAttachments(records, ctx);
    const users = await namesOf(ctx, USER, records.map((r) => r.senderUserId), 'displayName');
    for (const record of records) record.senderName = users.get(record.senderUserId) ?? null;
  },
  async create(data, ctx) {
    const conversation = await ctx.strapi.plugin('console').service('tenancy').findVisible('conversations', ctx.principal, data.conversationId as number);
    if (!conversation) throw invalid({ conversationId: t('交流不存在或无权访问', 'does not exist or is not yours') });
    return service(ctx, 'conversations').send(ctx.principal, conversation, data);
  },
  actions: { file: fileVerb('conversations.use', ['attachmentIds']) },
};

export default [notifications, announcements, receivedAnnouncements, conversations, conversationMessages];
