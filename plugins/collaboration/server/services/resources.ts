import type { Core } from '@strapi/types';
import { errors, FieldErrors, invalid, shanghaiDay } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { FAVOURITE, RESOURCE } from '../uids';

const t = errors.text;
const IMAGE = /^image\//;

/**
 * Resources 资源在线 (F10, F11): an enterprise's offers, drafted, listed to an audience while valid,
 * unlisted to edit again. Listed resources are frozen: unlist first. Favourites are per user.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const files = () => strapi.plugin('files').service('files');
  const audience = () => strapi.plugin('identity').service('audience');

  return {
    async check(principal: Principal, merged: Record<string, any>) {
      const problems: FieldErrors = {};
      if (merged.validTo < merged.validFrom) problems.validTo = t('结束日期不能早于开始日期', 'must not be before validFrom');
      if (Object.keys(problems).length) throw invalid(problems);
      await files().assertOwned(principal.enterpriseId, merged.attachmentIds ?? [], 'attachmentIds');
      await files().assertOwned(principal.enterpriseId, merged.pictureIds ?? [], 'pictureIds');
      const pictures = await files().describe(merged.pictureIds ?? []);
      if (pictures.some((file: { mime: string }) => !IMAGE.test(file.mime))) throw invalid({ pictureIds: t('图片只能是 png、jpg、gif 或 webp', 'must be images (png, jpg, gif, webp)') });
      return audience().normalise(merged);
    },

    async create(principal: Principal, data: Record<string, any>) {
      const audienceValues = await this.check(principal, data);
      return strapi.db.query(RESOURCE).create({
        data: { ...data, ...audienceValues, pictureIds: data.pictureIds ?? [], attachmentIds: data.attachmentIds ?? [], ownerId: principal.enterpriseId, state: 'draft' },
      });
    },

    async update(principal: Principal, existing: Record<string, any>, data: Record<string, any>) {
      if (existing.state === 'listed') throw errors.conflict('已上架的资源不能修改，请先下架', 'A listed resource cannot be edited; unlist it first');
      const audienceValues = await this.check(principal, { ...existing, ...data });
      const { count } = await strapi.db.query(RESOURCE).updateMany({ where: { id: existing.id, state: { $ne: 'listed' } }, data: { ...data, ...audienceValues } });
      if (!count) throw errors.conflict('已上架的资源不能修改，请先下架', 'A listed resource cannot be edited; unlist it first');
      return strapi.db.query(RESOURCE).findOne({ where: { id: existing.id } });
    },

    async remove(existing: Record<string, any>) {
      const { count } = await strapi.db.query(RESOURCE).deleteMany({ where: { id: existing.id, state: { $ne: 'listed' } } });
      if (!count) throw errors.conflict('已上架的资源不能删除，请先下架', 'A listed resource cannot be deleted; unlist it first');
      await strapi.db.query(FAVOURITE).deleteMany({ where: { resourceId: existing.id } });
    },

    async list(existing: Record<string, any>, now = new Date()) {
      if (existing.validTo < shanghaiDay(now)) throw invalid({ validTo: t('资源已过有效期，不能上架', 'is past: the resource cannot be listed') });
      const { count } = await strapi.db.query(RESOURCE).updateMany({ where: { id: existing.id, state: { $in: ['draft', 'unlisted'] } }, data: { state: 'listed', listedAt: now } });
      if (!count) throw errors.conflict('资源已上架', 'The resource is already listed');
      return strapi.db.query(RESOURCE).findOne({ where: { id: existing.id } });
    },

    async unlist(existing: Record<string, any>) {
      const { count } = await strapi.db.query(RESOURCE).updateMany({ where: { id: existing.id, state: 'listed' }, data: { state: 'unlisted' } });
      if (!count) throw errors.conflict('只有已上架的资源可以下架', 'Only listed resources can be unlisted');
      return strapi.db.query(RESOURCE).findOne({ where: { id: existing.id } });
    },

    /** A new draft with the same content (title marked as a copy), for the owner to edit. */
    async copy(existing: Record<string, any>) {
      const { id: _id, documentId: _doc, createdAt: _c, updatedAt: _u, publishedAt: _p, locale: _l, listedAt: _la, state: _s, ...content } = existing;
      const suffix = '（副本）';
      return strapi.db.query(RESOURCE).create({ data: { ...content, title: `${String(content.title).slice(0, 100 - suffix.length)}${suffix}`, state: 'draft' } });
    },

    /** Favourite a resource the caller may see; a second time answers the first row. */
    async favourite(principal: Principal, resourceId: number) {
      const visible = await strapi.plugin('console').service('tenancy').findVisible('all-resources', principal, resourceId);
      if (!visible) throw invalid({ resourceId: t('资源不存在或不可见', 'does not exist or is not visible to you') });
      const existing = await strapi.db.query(FAVOURITE).findOne({ where: { userId: principal.userId, resourceId } });
      if (existing) return { row: existing, created: false };
      // a concurrent favourite of the same resource loses on the unique index (409 from the errors middleware)
      return { row: await strapi.db.query(FAVOURITE).create({ data: { userId: principal.userId, enterpriseId: principal.enterpriseId, resourceId } }), created: true };
    },
  };
};
