import type { Core } from '@strapi/types';
import { errors, FieldErrors, invalid, shanghaiDay, titled } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { OPPORTUNITY, RESPONSE } from '../uids';

const t = errors.text;

/**
 * Opportunities 商机 (F12, F13): published to an audience until closed; each other enterprise of the
 * audience responds once (withdrawable, and renewable, until the deadline). The publisher is notified
 * of every response.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audience = () => strapi.plugin('identity').service('audience');
  const notify = (enterpriseId: number, input: Record<string, unknown>) =>
    strapi.plugin('messaging').service('notifications').notifyEnterprise(enterpriseId, input, 'opportunities.read');

  return {
    async check(principal: Principal, merged: Record<string, any>, creating: boolean, now: Date) {
      const problems: FieldErrors = {};
      if (merged.budgetMin != null && merged.budgetMax != null && Number(merged.budgetMax) < Number(merged.budgetMin)) {
        problems.budgetMax = t('预算上限不能低于下限', 'must not be below budgetMin');
      }
      if (creating && merged.deadline < shanghaiDay(now)) problems.deadline = t('截止日期不能早于今天', 'cannot be in the past');
      if (Object.keys(problems).length) throw invalid(problems);
      await strapi.plugin('files').service('files').assertOwned(principal.enterpriseId, merged.attachmentIds ?? [], 'attachmentIds');
      return audience().normalise(merged);
    },

    async create(principal: Principal, data: Record<string, any>, now = new Date()) {
      const audienceValues = await this.check(principal, data, true, now);
      return strapi.db.query(OPPORTUNITY).create({
        data: { ...data, ...audienceValues, attachmentIds: data.attachmentIds ?? [], publisherId: principal.enterpriseId, state: 'open', responseCount: 0 },
      });
    },

    /** Editable while open and nobody has responded: responders answered what they saw. */
    async update(principal: Principal, existing: Record<string, any>, data: Record<string, any>, now = new Date()) {
      const audienceValues = await this.check(principal, { ...existing, ...data }, data.deadline !== undefined && data.deadline !== existing.deadline, now);
      const { count } = await strapi.db.query(OPPORTUNITY).updateMany({ where: { id: existing.id, state: 'open', responseCount: 0 }, data: { ...data, ...audienceValues } });
      if (!count) throw errors.conflict('已有企业响应或已关闭的商机不能修改', 'An opportunity that is closed or has responses cannot be edited');
      return strapi.db.query(OPPORTUNITY).findOne({ where: { id: existing.id } });
    },

    async remove(existing: Record<string, any>) {
      const { count } = await strapi.db.query(OPPORTUNITY).deleteMany({ where: { id: existing.id, responseCount: 0 } });
      if (!count) throw errors.conflict('已有企业响应的商机不能删除，可以关闭', 'An opportunity with responses cannot be deleted; close it instead');
    },

    async close(existing: Record<string, any>, now = new Date()) {
      const { count } = await strapi.db.query(OPPORTUNITY).updateMany({ where: { id: existing.id, state: 'open' }, data: { state: 'closed', closedAt: now } });
      if (!count) throw errors.conflict('商机已关闭', 'The opportunity is already closed');
      return strapi.db.query(OPPORTUNITY).findOne({ where: { id: existing.id } });
    },

    /**
     * Respond to a visible opportunity (the caller reached it through its audience view): once per
     * enterprise, before the deadline, never to one's own. The count moves with the row, under the
     * opportunity's row lock so that a closing publisher and a responder do not cross.
     */
    async respond(principal: Principal, opportunity: Record<string, any>, message: unknown, now = new Date()) {
      const text = typeof message === 'string' ? message.trim() : '';
      if (!text || text.length > 1000) throw invalid({ message: t('请填写响应内容（1–1000 字）', 'is required (1–1000 characters)') });
      if (opportunity.publisherId === principal.enterpriseId) throw invalid({ id: t('不能响应本企业发布的商机', 'is your own opportunity') });
      if (opportunity.deadline < shanghaiDay(now)) throw invalid({ deadline: t('商机已过截止日期，不能再响应', 'has passed: responses are closed') });
      const previous = await strapi.db.query(RESPONSE).findOne({ where: { opportunityId: opportunity.id, responderId: principal.enterpriseId } });
      if (previous?.state === 'active') throw errors.conflict('本企业已响应过该商机', 'Your enterprise has already responded to this opportunity');
      const { count } = await strapi.db.query(OPPORTUNITY).updateMany({
        where: { id: opportunity.id, state: 'open' },
        data: { responseCount: Number(opportunity.responseCount ?? 0) + 1 },
      });
      if (!count) throw errors.conflict('商机已关闭', 'The opportunity is closed');
      const data = { message: text, state: 'active', withdrawnAt: null, responderUserId: principal.userId };
      let response;
      if (previous) {
        // a withdrawn response is renewed in place: still one row per enterprise
        const renewed = await strapi.db.query(RESPONSE).updateMany({ where: { id: previous.id, state: 'withdrawn' }, data });
        if (!renewed.count) throw errors.conflict('本企业已响应过该商机', 'Your enterprise has already responded to this opportunity');
        response = await strapi.db.query(RESPONSE).findOne({ where: { id: previous.id } });
      } else {
        response = await strapi.db.query(RESPONSE).create({ data: { ...data, opportunityId: opportunity.id, publisherId: opportunity.publisherId, responderId: principal.enterpriseId } });
      }
      await this.recount(opportunity.id);
      await notify(opportunity.publisherId, {
        type: 'opportunity', ...titled('opportunity_response', { enterprise: principal.enterpriseName, title: opportunity.title }), body: text.slice(0, 200), link: `/opportunities/${opportunity.id}/show`,
      });
      return response;
    },

    async withdraw(principal: Principal, opportunity: Record<string, any>, now = new Date()) {
      if (opportunity.deadline < shanghaiDay(now)) throw invalid({ deadline: t('已过截止日期，不能撤回响应', 'has passed: the response can no longer be withdrawn') });
      const { count } = await strapi.db.query(RESPONSE).updateMany({
        where: { opportunityId: opportunity.id, responderId: principal.enterpriseId, state: 'active' },
        data: { state: 'withdrawn', withdrawnAt: now },
      });
      if (!count) throw errors.conflict('没有可撤回的响应', 'There is no active response to withdraw');
      await this.recount(opportunity.id);
    },

    /** responseCount = active responses, recomputed inside the caller's transaction. */
    async recount(opportunityId: number) {
      const active = await strapi.db.query(RESPONSE).count({ where: { opportunityId, state: 'active' } });
      await strapi.db.query(OPPORTUNITY).update({ where: { id: opportunityId }, data: { responseCount: active } });
    },
  };
};
