import type { Core } from '@strapi/types';
import { errors, invalid } from '@cop/config';
import type { Principal } from '@cop/plugin-console';

export const CONVERSATION = 'plugin::messaging.conversation';
export const MESSAGE = 'plugin::messaging.conversation-message';
export const SUBJECT_TYPES = ['resource', 'opportunity', 'plain'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
const t = errors.text;
const ENTERPRISE = 'plugin::identity.enterprise';

/** Who a thread about a subject is with: the subject's owning plugin decides (and checks visibility). */
export type SubjectResolver = (principal: Principal, subjectId: number, counterpartId?: number) => Promise<{ title: string; counterpartId: number }>;

/**
 * Conversations 我的交流: one thread per pair of enterprises and subject; messages never change once
 * sent. Each side has an unread counter, moved with the message in one transaction; the other side's
 * consoles hear of it live (console events) and through the message centre.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const subjects = new Map<string, SubjectResolver>();
  const events = () => strapi.plugin('console').service('events');

  const side = (conversation: Record<string, any>, enterpriseId: number) =>
    conversation.initiatorId === enterpriseId ? 'initiator' : conversation.recipientId === enterpriseId ? 'recipient' : null;

  return {
    registerSubject(type: SubjectType, resolver: SubjectResolver) {
      subjects.set(type, resolver);
    },

    side,

    /** Open (or reuse) the thread with a subject's counterpart and post the first message in it. */
    async start(principal: Principal, input: { subjectType?: unknown; subjectId?: unknown; counterpartId?: unknown; text?: unknown; attachmentIds?: unknown }) {
      const subjectType = (input.subjectType ?? 'plain') as SubjectType;
      if (!SUBJECT_TYPES.includes(subjectType)) throw invalid({ subjectType: t(`应为 ${SUBJECT_TYPES.join('、')}`, `must be one of ${SUBJECT_TYPES.join(', ')}`) });
      const counterpartInput = input.counterpartId as number | undefined;
      let subjectId = 0;
      let title = '';
      let counterpartId: number;
      if (subjectType === 'plain') {
        if (!counterpartInput) throw invalid({ counterpartId: t('请选择交流的企业', 'is required for a plain conversation') });
        const other = await strapi.db.query(ENTERPRISE).findOne({ where: { id: counterpartInput, state: 'active' }, select: ['id'] });
        if (!other) throw invalid({ counterpartId: t('企业不存在或已停用', 'does not exist or is disabled') });
        counterpartId = counterpartInput;
      } else {
        if (!input.subjectId) throw invalid({ subjectId: t('请指定交流的对象', 'is required') });
        const resolver = subjects.get(subjectType);
        if (!resolver) throw invalid({ subjectType: t('不支持的交流对象', 'is not supported') });
        subjectId = input.subjectId as number;
        ({ title, counterpartId } = await resolver(principal, subjectId, counterpartInput));
      }
      if (counterpartId === principal.enterpriseId) throw invalid({ counterpartId: t('不能与本企业交流', 'cannot be your own enterprise') });
      const [low, high] = [principal.enterpriseId, counterpartId].sort((a, b) => a - b);
      const threadKey = `${low}:${high}:${subjectType}:${subjectId}`;
      const conversation = await strapi.db.query(CONVERSATION).findOne({ where: { threadKey } })
        // two enterprises opening the same thread at the same instant: the second gets a 409 from the unique key
        ?? await strapi.db.query(CONVERSATION).create({
          data: { initiatorId: principal.enterpriseId, recipientId: counterpartId, subjectType, subjectId, subjectTitle: title.slice(0, 100) || null, threadKey, initiatorUnread: 0, recipientUnread: 0, messageCount: 0 },
        });
      await this.send(principal, conversation, { body: input.text, attachmentIds: input.attachmentIds });
      return strapi.db.query(CONVERSATION).findOne({ where: { id: conversation.id } });
    },

    /**
     * Post a message: the message row, the thread's counters (guarded update: the other side's unread
     * + 1), in the caller's transaction; a live `message` event after commit (no notification: 我的交流 counts it).
     */
    async send(principal: Principal, conversation: Record<string, any>, input: { body?: unknown; attachmentIds?: unknown }, now = new Date()) {
      const mine = side(conversation, principal.enterpriseId);
      if (!mine) throw errors.notFound('conversation', conversation.id);
      const body = typeof input.body === 'string' ? input.body.trim() : '';
      if (!body || body.length > 2000) throw invalid({ [input.body === undefined ? 'text' : 'body']: t('请填写消息内容（1–2000 字）', 'is required (1–2000 characters)') });
      const attachmentIds = (input.attachmentIds ?? []) as number[];
      if (!Array.isArray(attachmentIds) || attachmentIds.length > 5) throw invalid({ attachmentIds: t('最多 5 个附件', 'at most 5 files') });
      await strapi.plugin('files').service('files').assertOwned(principal.enterpriseId, attachmentIds, 'attachmentIds');
      const other = mine === 'initiator' ? conversation.recipientId : conversation.initiatorId;
      const message = await strapi.db.query(MESSAGE).create({
        data: { conversationId: conversation.id, senderEnterpriseId: principal.enterpriseId, receiverEnterpriseId: other, senderUserId: principal.userId, body, attachmentIds },
      });
      const unreadColumn = mine === 'initiator' ? 'recipient_unread' : 'initiator_unread';
      // one statement, so that concurrent senders never lose a count
      await strapi.db.transaction(({ trx }) => trx('conversations').where({ id: conversation.id }).update({
        [unreadColumn]: trx.raw('?? + 1', [unreadColumn]), message_count: trx.raw('message_count + 1'),
        last_message_at: now, last_message_preview: body.slice(0, 100), updated_at: now,
      }));
      // a chat message belongs to 我的交流 alone (its unread counter and badge): no message-centre row, so the bell stays quiet
      events().publish([other, principal.enterpriseId], { type: 'message', conversationId: conversation.id });
      return message;
    },

    /** My enterprise has read the thread. */
    async markRead(principal: Principal, conversation: Record<string, any>) {
      const mine = side(conversation, principal.enterpriseId);
      if (!mine) throw errors.notFound('conversation', conversation.id);
      await strapi.db.query(CONVERSATION).update({ where: { id: conversation.id }, data: { [mine === 'initiator' ? 'initiatorUnread' : 'recipientUnread']: 0 } });
      events().publish([principal.enterpriseId], { type: 'message', conversationId: conversation.id });
    },

    /** Σ unread over my enterprise's threads. */
    async unreadTotal(enterpriseId: number) {
      const knex = strapi.db.connection;
      const [a] = await knex('conversations').where({ initiator_id: enterpriseId }).sum({ n: 'initiator_unread' });
      const [b] = await knex('conversations').where({ recipient_id: enterpriseId }).sum({ n: 'recipient_unread' });
      return Number((a as any)?.n ?? 0) + Number((b as any)?.n ?? 0);
    },
  };
};
