import type { Core } from '@strapi/types';
import { errors, FieldErrors, invalid, titled } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { AGREEMENT, dayIn } from '../uids';

const t = errors.text;

/**
 * Internal e-agreements between a supplier and a partner seller: draft → confirmed → effective (on its
 * start date, by the job or at once when confirmed on/after it) → expired (after its end date);
 * confirmed or effective ones can be terminated early with a reason. Ordering needs an effective one.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(principal: Principal, merged: Record<string, any>, selfId?: number) {
    const problems: FieldErrors = {};
    if (merged.validTo < merged.validFrom) problems.validTo = t('结束日期不能早于开始日期', 'must not be before validFrom');
    if (!selfId && !(await strapi.plugin('identity').service('partnerships').isActive(principal.enterpriseId, merged.sellerId))) {
      problems.sellerId = t('不是处于合作中的销售方', 'is not an active partner');
    }
    const taken = await strapi.db.query(AGREEMENT).findOne({ where: { supplierId: principal.enterpriseId, number: merged.number, ...(selfId ? { id: { $ne: selfId } } : {}) }, select: ['id'] });
    if (taken) problems.number = t('协议编号已存在', 'is already used by another agreement');
    if (Object.keys(problems).length) throw invalid(problems);
    await strapi.plugin('files').service('files').assertOwned(principal.enterpriseId, merged.attachmentIds ?? [], 'attachmentIds');
  },

  async create(principal: Principal, data: Record<string, any>) {
    await this.check(principal, data);
    return strapi.db.query(AGREEMENT).create({ data: { ...data, attachmentIds: data.attachmentIds ?? [], supplierId: principal.enterpriseId, state: 'draft' } });
  },

  async update(principal: Principal, existing: Record<string, any>, data: Record<string, any>) {
    if (existing.state !== 'draft') throw errors.conflict('只有草稿状态的协议可以修改', 'Only draft agreements can be edited');
    await this.check(principal, { ...existing, ...data }, existing.id);
    return strapi.db.query(AGREEMENT).update({ where: { id: existing.id }, data });
  },

  async remove(existing: Record<string, any>) {
    if (existing.state !== 'draft') throw errors.conflict('只有草稿状态的协议可以删除', 'Only draft agreements can be deleted');
    await strapi.db.query(AGREEMENT).delete({ where: { id: existing.id } });
  },

  async confirm(principal: Principal, existing: Record<string, any>, now = new Date()) {
    if (!(await strapi.plugin('identity').service('partnerships').isActive(principal.enterpriseId, existing.sellerId))) {
      throw invalid({ sellerId: t('合作已停止，不能确认协议', 'the partnership is stopped') });
    }
    const today = dayIn(now);
    if (existing.validTo < today) throw invalid({ validTo: t('协议已过有效期，不能确认', 'is already past') });
    const status = existing.validFrom <= today ? 'effective' : 'confirmed';
    const { count } = await strapi.db.query(AGREEMENT).updateMany({ where: { id: existing.id, state: 'draft' }, data: { state: status, confirmedAt: now } });
    if (!count) throw errors.conflict('只有草稿状态的协议可以确认', 'Only draft agreements can be confirmed');
    await strapi.plugin('messaging').service('notifications').notifyEnterprise(existing.sellerId, {
      type: 'agreement', ...titled('agreement_confirmed', { enterprise: principal.enterpriseName, title: existing.title }), link: `/my-agreements/${existing.id}/show`,
    }, 'agreements.read');
    return strapi.db.query(AGREEMENT).findOne({ where: { id: existing.id } });
  },

  async terminate(principal: Principal, existing: Record<string, any>, reason: unknown, now = new Date()) {
    if (typeof reason !== 'string' || !reason.trim() || reason.length > 200) throw invalid({ reason: t('请填写终止原因（不超过 200 字）', 'is required (at most 200 characters)') });
    const { count } = await strapi.db.query(AGREEMENT).updateMany({
      where: { id: existing.id, state: { $in: ['confirmed', 'effective'] } },
      data: { state: 'terminated', terminatedAt: now, terminationReason: reason.trim() },
    });
    if (!count) throw errors.conflict('只有已确认或生效中的协议可以终止', 'Only confirmed or effective agreements can be terminated');
    await strapi.plugin('messaging').service('notifications').notifyEnterprise(existing.sellerId, {
      type: 'agreement', ...titled('agreement_terminated', { enterprise: principal.enterpriseName, title: existing.title }), body: reason.trim(), link: `/my-agreements/${existing.id}/show`,
    }, 'agreements.read');
    return strapi.db.query(AGREEMENT).findOne({ where: { id: existing.id } });
  },

  /** Job: confirmed agreements whose start date has come become effective; past their end, expired. */
  /** Job: expire, then activate, each agreement in its own transaction (a failing one is logged and skipped). */
  async activateAndExpire(now: Date) {
    const today = dayIn(now);
    const jobs = strapi.plugin('scheduler').service('jobs');
    // guarded per row: an agreement terminated meanwhile is left alone
    const step = (where: Record<string, unknown>, status: string) => jobs.eachItem('catalogue.agreements',
      (afterId: number, limit: number) => strapi.db.query(AGREEMENT).findMany({
        where: { id: { $gt: afterId }, ...where }, select: ['id'], limit, orderBy: { id: 'asc' },
      }),
      async ({ id }: { id: number }) => (await strapi.db.query(AGREEMENT).updateMany({ where: { id, ...where }, data: { state: status } })).count,
      500);
    const expired = await step({ state: { $in: ['confirmed', 'effective'] }, validTo: { $lt: today } }, 'expired');
    const activated = await step({ state: 'confirmed', validFrom: { $lte: today }, validTo: { $gte: today } }, 'effective');
    const failed = expired.failed + activated.failed;
    return { activated: activated.done, expired: expired.done, ...(failed ? { failed } : {}) };
  },

  /** Of these suppliers, those with an agreement effective today with the seller (dates checked too, should the job lag). */
  async suppliersWithEffectiveAgreement(sellerId: number, supplierIds: number[], now: Date): Promise<number[]> {
    const today = dayIn(now);
    const rows = await strapi.db.query(AGREEMENT).findMany({
      where: { sellerId, supplierId: { $in: supplierIds }, state: 'effective', validFrom: { $lte: today }, validTo: { $gte: today } },
      select: ['supplierId'],
    });
    return [...new Set((rows as any[]).map((r) => r.supplierId))];
  },
});
