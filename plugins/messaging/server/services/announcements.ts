import type { Core } from '@strapi/types';
import { errors, invalid, titled } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import sanitizeHtml from 'sanitize-html';

export const ANNOUNCEMENT = 'plugin::messaging.announcement';
export const ANNOUNCEMENT_READ = 'plugin::messaging.announcement-read';
const t = errors.text;
const BATCH = 200;

/**
 * The rich text an announcement may carry: formatting, lists, tables, links and images over http(s).
 * Scripts, styles, event handlers, iframes and javascript: URLs never reach the database, whoever
 * writes (console or the Strapi admin panel: a lifecycle hook sanitises every write).
 */
export function sanitizeBody(html: unknown): string {
  if (typeof html !== 'string') return '';
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2', 'span', 'u', 's'],
    allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'], '*': [] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
  });
}

/** Whether a (sanitised) rich-text body holds something to read: text, or a picture; an empty editor's `<p></p>` does not. */
export function bodyHasContent(html: unknown): boolean {
  if (typeof html !== 'string') return false;
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;/g, ' ').trim();
  return text.length > 0 || /<img\s[^>]*src=/i.test(html);
}

/** The announcement body is required: on every write of the console (create, edit) and again on publishing. */
const assertBody = (html: unknown) => {
  if (!bodyHasContent(html)) throw invalid({ body: t('正文不能为空', 'is required') });
};

/**
 * Announcements 公告 (F40, F41): an enterprise (or the platform, from the admin panel) drafts an
 * announcement, publishes it now or at a time (a cluster-safe job publishes due ones), and may
 * withdraw it. Publishing notifies every enterprise of the audience; each user marks it read.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audience = () => strapi.plugin('identity').service('audience');

  return {
    async prepare(principal: Principal, merged: Record<string, any>) {
      await strapi.plugin('files').service('files').assertOwned(principal.enterpriseId, merged.attachmentIds ?? [], 'attachmentIds');
      return audience().normalise(merged);
    },

    async create(principal: Principal, data: Record<string, any>) {
      assertBody(sanitizeBody(data.body));
      const audienceValues = await this.prepare(principal, data);
      return strapi.db.query(ANNOUNCEMENT).create({
        data: { ...data, ...audienceValues, body: sanitizeBody(data.body), attachmentIds: data.attachmentIds ?? [], pinned: data.pinned ?? false, publisherId: principal.enterpriseId, state: 'draft' },
      });
    },

    async update(principal: Principal, existing: Record<string, any>, data: Record<string, any>) {
      if (data.body !== undefined) assertBody(sanitizeBody(data.body));
      const audienceValues = await this.prepare(principal, { ...existing, ...data });
      const changes = { ...data, ...audienceValues, ...(data.body !== undefined ? { body: sanitizeBody(data.body) } : {}) };
      // a scheduled one goes back to draft: the new content is published by publishing again
      const { count } = await strapi.db.query(ANNOUNCEMENT).updateMany({ where: { id: existing.id, state: { $in: ['draft', 'scheduled'] } }, data: { ...changes, state: 'draft' } });
      if (!count) throw errors.conflict('已发布或已撤回的公告不能修改', 'A published or withdrawn announcement cannot be edited');
      return strapi.db.query(ANNOUNCEMENT).findOne({ where: { id: existing.id } });
    },

    async remove(existing: Record<string, any>) {
      const { count } = await strapi.db.query(ANNOUNCEMENT).deleteMany({ where: { id: existing.id, state: 'draft' } });
      if (!count) throw errors.conflict('只有草稿可以删除，已发布的公告请撤回', 'Only drafts can be deleted; withdraw a published announcement');
    },

    /** Publish now, or schedule when publishAt is still ahead. */
    async publish(existing: Record<string, any>, now = new Date()) {
      if (!bodyHasContent(existing.body)) throw invalid({ body: t('正文不能为空', 'is required to publish') });
      if (!existing.title) throw invalid({ title: t('标题不能为空', 'is required to publish') });
      const at = existing.publishAt ? new Date(existing.publishAt) : null;
      if (at && at.getTime() > now.getTime()) {
        const { count } = await strapi.db.query(ANNOUNCEMENT).updateMany({ where: { id: existing.id, state: 'draft' }, data: { state: 'scheduled' } });
        if (!count) throw errors.conflict('只有草稿可以发布', 'Only drafts can be published');
      } else if (!(await this.publishOne(existing.id, now, ['draft']))) {
        throw errors.conflict('只有草稿可以发布', 'Only drafts can be published');
      }
      return strapi.db.query(ANNOUNCEMENT).findOne({ where: { id: existing.id } });
    },

    /** The guarded step both publishing paths share: status change, then the audience's notifications. */
    async publishOne(id: number, now: Date, from: string[]) {
      const { count } = await strapi.db.query(ANNOUNCEMENT).updateMany({ where: { id, state: { $in: from } }, data: { state: 'published', releasedAt: now } });
      if (!count) return false;
      await this.announce(id);
      return true;
    },

    /** Tell the audience of a published announcement (every enterprise it reaches, in slices). */
    async announce(id: number) {
      const row = await strapi.db.query(ANNOUNCEMENT).findOne({ where: { id } });
      await strapi.plugin('messaging').service('notifications').notifyEnterprises(await audience().members(row, row.publisherId),
        { type: 'announcement', ...titled('announcement_published', { title: row.title }), link: `/received-announcements/${row.id}/show` }, 'announcements.read');
    },

    async withdraw(existing: Record<string, any>, now = new Date()) {
      const { count } = await strapi.db.query(ANNOUNCEMENT).updateMany({ where: { id: existing.id, state: { $in: ['scheduled', 'published'] } }, data: { state: 'withdrawn', withdrawnAt: now } });
      if (!count) throw errors.conflict('只有已排期或已发布的公告可以撤回', 'Only scheduled or published announcements can be withdrawn');
      return strapi.db.query(ANNOUNCEMENT).findOne({ where: { id: existing.id } });
    },

    /** Job: publish what is due, each announcement in its own transaction; a failing one is logged and skipped. */
    async publishDue(now: Date) {
      const { done, failed } = await strapi.plugin('scheduler').service('jobs').eachItem('messaging.publish-announcements',
        (afterId: number, limit: number) => strapi.db.query(ANNOUNCEMENT).findMany({
          where: { id: { $gt: afterId }, state: 'scheduled', publishAt: { $lte: now } }, select: ['id'], limit, orderBy: { id: 'asc' },
        }),
        ({ id }: { id: number }) => this.publishOne(id, now, ['scheduled']), BATCH);
      return { published: done, ...(failed ? { failed } : {}) };
    },

    async markRead(userId: number, announcementId: number) {
      const existing = await strapi.db.query(ANNOUNCEMENT_READ).findOne({ where: { userId, announcementId }, select: ['id'] });
      if (!existing) await strapi.db.query(ANNOUNCEMENT_READ).create({ data: { userId, announcementId } });
    },
  };
};
