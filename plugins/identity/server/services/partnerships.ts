import type { Core } from '@strapi/types';
import { errors, fieldError, invalid, titled } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { ENTERPRISE, PARTNERSHIP, PARTNERSHIP_EVENT, USER } from '../uids';

const t = errors.text;

/** What a module does when a partnership stops (orders: close the pair's unpaid orders), inside the stop's transaction. */
export type PartnershipStopListener =
  (pair: { supplierId: number; sellerId: number; reason: string; principal: Principal }) => Promise<unknown>;

/**
 * Supplier ↔ seller cooperation. Ordering, accounts and agreements ask `isActive` before acting.
 * Modules that identity must not import (orders) register a listener with `onStop`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const stopListeners: PartnershipStopListener[] = [];
  return {
    /** Run `listener` in the transaction of every stop; a throw rolls the stop back. */
    onStop(listener: PartnershipStopListener) {
      stopListeners.push(listener);
    },

    async isActive(supplierId: number, sellerId: number): Promise<boolean> {
      return (await strapi.db.query(PARTNERSHIP).count({ where: { supplierId, sellerId, state: 'active' } })) > 0;
    },

    /** Suppliers a seller may currently order from. */
    async activeSuppliersOf(sellerId: number): Promise<number[]> {
      const rows = await strapi.db.query(PARTNERSHIP).findMany({ where: { sellerId, state: 'active' }, select: ['supplierId'] });
      return (rows as { supplierId: number }[]).map((row) => row.supplierId);
    },

    async create(principal: Principal, sellerId: number) {
      if (sellerId === principal.enterpriseId) throw fieldError('sellerId', '不能与自己建立供销关系', 'cannot be your own enterprise');
      const seller = await strapi.db.query(ENTERPRISE).findOne({ where: { id: sellerId } });
      if (!seller || seller.state !== 'active' || !['seller', 'both'].includes(seller.kind)) {
        throw fieldError('sellerId', '不是可合作的销售方企业', 'is not an active seller enterprise');
      }
      const existing = await strapi.db.query(PARTNERSHIP).findOne({ where: { supplierId: principal.enterpriseId, sellerId } });
      if (existing) {
        throw invalid({ sellerId: existing.state === 'stopped'
          ? t('已存在已停止的合作，请恢复合作', 'a stopped partnership exists: resume it instead')
          : t('已是合作销售方', 'is already a partner') });
      }
      const row = await strapi.db.query(PARTNERSHIP).create({ data: { supplierId: principal.enterpriseId, sellerId, state: 'active' } });
      await this.record(row.id, 'add', principal.userId);
      await strapi.plugin('messaging').service('notifications').notifyEnterprise(sellerId, {
        type: 'system', ...titled('partnership_added', { enterprise: principal.enterpriseName }), link: '/my-suppliers',
      }, 'partnerships.read');
      return row;
    },

    /** Stop: the partnership, what listeners stop with it (the pair's unpaid orders) and the notice, in one transaction. */
    async stop(principal: Principal, row: { id: number; state: string; sellerId: number; supplierId?: number }, reason: unknown) {
      if (typeof reason !== 'string' || !reason.trim() || reason.length > 200) {
        throw invalid({ reason: t('请填写停止合作的原因（不超过 200 字）', 'is required (at most 200 characters)') });
      }
      const why = reason.trim();
      return strapi.db.transaction(async () => {
        const { count } = await strapi.db.query(PARTNERSHIP).updateMany({
          where: { id: row.id, state: 'active' }, data: { state: 'stopped', stoppedAt: new Date(), stopReason: why },
        });
        if (!count) throw errors.conflict('合作已处于停止状态', 'The partnership is already stopped');
        await this.record(row.id, 'stop', principal.userId, why);
        const supplierId = row.supplierId ?? principal.enterpriseId;
        for (const listener of stopListeners) await listener({ supplierId, sellerId: row.sellerId, reason: why, principal });
        await strapi.plugin('messaging').service('notifications').notifyEnterprise(row.sellerId, {
          type: 'system', ...titled('partnership_stopped', { enterprise: principal.enterpriseName }), body: why, link: '/my-suppliers',
        }, 'partnerships.read');
        return strapi.db.query(PARTNERSHIP).findOne({ where: { id: row.id } });
      });
    },

    async resume(principal: Principal, row: { id: number; sellerId: number }) {
      return strapi.db.transaction(async () => {
        const { count } = await strapi.db.query(PARTNERSHIP).updateMany({
          where: { id: row.id, state: 'stopped' }, data: { state: 'active', stoppedAt: null, stopReason: null },
        });
        if (!count) throw errors.conflict('合作未处于停止状态', 'The partnership is not stopped');
        await this.record(row.id, 'resume', principal.userId);
        await strapi.plugin('messaging').service('notifications').notifyEnterprise(row.sellerId, {
          type: 'system', ...titled('partnership_resumed', { enterprise: principal.enterpriseName }), link: '/my-suppliers',
        }, 'partnerships.read');
        return strapi.db.query(PARTNERSHIP).findOne({ where: { id: row.id } });
      });
    },

    record(partnershipId: number, action: 'add' | 'stop' | 'resume', operatorId: number, reason?: string) {
      return strapi.db.query(PARTNERSHIP_EVENT).create({ data: { partnershipId, action, operatorId, reason: reason ?? null } });
    },

    async history(partnershipId: number) {
      const events = await strapi.db.query(PARTNERSHIP_EVENT).findMany({ where: { partnershipId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      const operators = await this.namesOf(USER, (events as any[]).map((e) => e.operatorId), 'displayName');
      return (events as any[]).map((e) => ({ action: e.action, reason: e.reason, operatorName: operators.get(e.operatorId) ?? null, at: e.createdAt }));
    },

    /** Add supplierName and sellerName to records that carry supplierId / sellerId (one query). */
    async nameParties(records: Record<string, any>[]) {
      const names = await this.namesOf(ENTERPRISE, records.flatMap((r) => [r.supplierId, r.sellerId]));
      for (const record of records) {
        if ('supplierId' in record) record.supplierName = names.get(record.supplierId) ?? null;
        if ('sellerId' in record) record.sellerName = names.get(record.sellerId) ?? null;
      }
    },

    /** id → name for a set of ids, in one query. */
    async namesOf(uid: string, ids: unknown[], field = 'name'): Promise<Map<number, string>> {
      const unique = [...new Set(ids.filter((id): id is number => Number.isSafeInteger(id)))];
      if (!unique.length) return new Map();
      const rows = await strapi.db.query(uid as any).findMany({ where: { id: { $in: unique } }, select: ['id', field, ...(field === 'name' ? [] : ['username'])] });
      return new Map((rows as any[]).map((row) => [row.id, row[field] ?? row.username]));
    },
  };
};
