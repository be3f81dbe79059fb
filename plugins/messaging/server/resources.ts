import { errors, NOTIFICATION_TYPES } from '@cop/config';
import type { ResourceDeclaration } from '@cop/plugin-console';
import { NOTIFICATION } from './services/notifications';

const service = (ctx: { strapi: any }) => ctx.strapi.plugin('messaging').service('notifications');

export const notifications: ResourceDeclaration = {
  name: 'notifications',
  uid: NOTIFICATION,
  label: errors.text('我的消息', 'Messages'),
  tenancy: { kind: 'user', field: 'userId' },
  permissions: { read: null, write: null },
  operations: ['list', 'get'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    type: { type: 'enum', values: NOTIFICATION_TYPES, readOnly: true, filter: ['eq', 'neq'] },
    title: { type: 'string', readOnly: true, search: true },
    body: { type: 'text', readOnly: true, search: true },
    link: { type: 'string', readOnly: true },
    read: { type: 'boolean', readOnly: true, filter: ['eq'] },
    readAt: { type: 'datetime', readOnly: true },
    createdAt: { type: 'datetime', readOnly: true, filter: ['gte', 'lte', 'gt', 'lt'], sort: true },
  },
  actions: {
    read: {
      permission: null,
      async handler(existing, ctx) {
        await service(ctx).markRead(ctx.principal.userId, existing.id);
        return ctx.strapi.db.query(NOTIFICATION).findOne({ where: { id: existing.id } });
      },
    },
  },
  collectionActions: {
    'read-all': {
      method: 'POST',
      permission: null,
      async handler(ctx) {
        return { updated: await service(ctx).markAllRead(ctx.principal.userId) };
      },
    },
  },
};
