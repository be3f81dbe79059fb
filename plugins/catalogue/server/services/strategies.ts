import type { Core } from '@strapi/types';
import { errors, FieldErrors, invalid } from '@cop/config';
import type { Principal } from '@cop/plugin-console';
import { PRODUCT, STRATEGY, STRATEGY_LINE, STRATEGY_SELLER, ENTERPRISE, dayIn } from '../uids';

const t = errors.text;
export const MAX_LINES = 500;
const MAX_PRICE = 2_000_000_000;

export interface StrategyLineInput { productId: number; price: number; settlementPrice?: number | null; minQuantity?: number; maxQuantity?: number | null; dailyMax?: number | null }

/**
 * Sales strategies. The rule, checked on every save and enable: for one product, channel and seller,
 * at most one active strategy may be effective on any day (date ranges of strategies that share a
 * product and a seller — or apply to all partners — must not overlap). So the price a seller gets is
 * never ambiguous.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  checkLines(lines: unknown): StrategyLineInput[] {
    if (!Array.isArray(lines) || !lines.length || lines.length > MAX_LINES) throw invalid({ lines: t(`需要 1–${MAX_LINES} 个产品`, `must hold 1 to ${MAX_LINES} products`) });
    const problems: FieldErrors = {};
    const seen = new Set<number>();
    const int = (v: unknown, min: number, max: number) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
    const known = ['productId', 'price', 'settlementPrice', 'minQuantity', 'maxQuantity', 'dailyMax', 'id'];
    (lines as any[]).forEach((line, i) => {
      const at = (f: string) => `lines.${i}.${f}`;
      if (!line || typeof line !== 'object') { problems[`lines.${i}`] = t('格式不正确', 'must be an object'); return; }
      for (const key of Object.keys(line)) if (!known.includes(key)) problems[at(key)] = t('不是可提交的字段', 'is not a known field');
      if (!int(line.productId, 1, Number.MAX_SAFE_INTEGER)) problems[at('productId')] = t('应为产品编号', 'must be a product id');
      else if (seen.has(line.productId)) problems[at('productId')] = t('产品重复', 'is listed twice');
      else seen.add(line.productId);
      if (!int(line.price, 0, MAX_PRICE)) problems[at('price')] = t('应为不小于 0 的整数（分）', 'must be a whole number of fen, at least 0');
      if (line.settlementPrice != null && !int(line.settlementPrice, 0, MAX_PRICE)) problems[at('settlementPrice')] = t('应为不小于 0 的整数（分）', 'must be a whole number of fen, at least 0');
      if (line.minQuantity != null && !int(line.minQuantity, 1, 1_000_000)) problems[at('minQuantity')] = t('应为正整数', 'must be a positive whole number');
      if (line.maxQuantity != null && !int(line.maxQuantity, 1, 1_000_000)) problems[at('maxQuantity')] = t('应为正整数', 'must be a positive whole number');
      else if (line.maxQuantity != null && line.maxQuantity < (line.minQuantity ?? 1)) problems[at('maxQuantity')] = t('不能小于最小购买量', 'must not be below minQuantity');
      if (line.dailyMax != null && !int(line.dailyMax, 1, 1_000_000)) problems[at('dailyMax')] = t('应为正整数', 'must be a positive whole number');
    });
    if (Object.keys(problems).length) throw invalid(problems);
    return (lines as any[]).map((l) => ({ productId: l.productId, price: l.price, settlementPrice: l.settlementPrice ?? null, minQuantity: l.minQuantity ?? 1, maxQuantity: l.maxQuantity ?? null, dailyMax: l.dailyMax ?? null }));
  },

  async check(principal: Principal, merged: Record<string, any>, selfId?: number) {
    const problems: FieldErrors = {};
    if (merged.effectiveTo < merged.effectiveFrom) problems.effectiveTo = t('结束日期不能早于开始日期', 'must not be before effectiveFrom');
    if (merged.channel !== 'gov' && merged.requiresAudit) problems.requiresAudit = t('只有政企渠道可以要求审核', 'only gov strategies can require an audit');
    const sellerIds: number[] = merged.appliesTo === 'named' ? (merged.sellerIds ?? []) : [];
    if (merged.appliesTo === 'named') {
      if (!sellerIds.length) problems.sellerIds = t('请选择适用的销售方', 'choose at least one seller');
      else {
        const partners = new Set(await strapi.db.query('plugin::identity.partnership').findMany({ where: { supplierId: principal.enterpriseId, sellerId: { $in: sellerIds } }, select: ['sellerId'] }).then((rows: any[]) => rows.map((r) => r.sellerId)));
        const strangers = sellerIds.filter((id) => !partners.has(id));
        if (strangers.length) problems.sellerIds = t(`不是本企业的合作销售方：${strangers.join('、')}`, `are not your partners: ${strangers.join(', ')}`);
      }
    }
    const lines = this.checkLines(merged.lines);
    const products = await strapi.db.query(PRODUCT).findMany({ where: { id: { $in: lines.map((l) => l.productId) }, supplierId: principal.enterpriseId }, select: ['id'] });
    const own = new Set((products as any[]).map((p) => p.id));
    lines.forEach((line, i) => { if (!own.has(line.productId)) problems[`lines.${i}.productId`] = t('不是本企业的产品', 'is not one of your products'); });
    if (Object.keys(problems).length) throw invalid(problems);
    if (merged.state !== 'disabled') await this.checkOverlap(principal.enterpriseId, { ...(merged as any), sellerIds, lines }, selfId);
    return { lines, sellerIds };
  },

  /** Another active strategy of the same channel, overlapping dates, a shared product and seller? */
  async checkOverlap(supplierId: number, strategy: { channel: string; effectiveFrom: string; effectiveTo: string; appliesTo: string; sellerIds: number[]; lines: StrategyLineInput[] }, selfId?: number) {
    const others = await strapi.db.query(STRATEGY).findMany({
      where: { supplierId, channel: strategy.channel, state: 'active', effectiveFrom: { $lte: strategy.effectiveTo }, effectiveTo: { $gte: strategy.effectiveFrom }, ...(selfId ? { id: { $ne: selfId } } : {}) },
      select: ['id', 'name', 'appliesTo', 'sellerIds', 'effectiveFrom', 'effectiveTo'],
    });
    const sharing = (others as any[]).filter((other) => strategy.appliesTo === 'all' || other.appliesTo === 'all'
      || (other.sellerIds ?? []).some((id: number) => strategy.sellerIds.includes(id)));
    if (!sharing.length) return;
    const lines = await strapi.db.query(STRATEGY_LINE).findMany({ where: { strategyId: { $in: sharing.map((o) => o.id) }, productId: { $in: strategy.lines.map((l) => l.productId) } }, select: ['strategyId', 'productId'] });
    if (!lines.length) return;
    const problems: FieldErrors = {};
    strategy.lines.forEach((line, i) => {
      const clash = (lines as any[]).find((l) => l.productId === line.productId);
      if (clash) {
        const other = sharing.find((o) => o.id === clash.strategyId);
        problems[`lines.${i}.productId`] = t(`与策略「${other.name}」（${other.effectiveFrom} 至 ${other.effectiveTo}）对同一销售方重叠`, `overlaps strategy "${other.name}" (${other.effectiveFrom} to ${other.effectiveTo}) for the same sellers`);
      }
    });
    throw invalid(problems, t('同一产品、渠道和销售方在同一天只能有一个生效的销售策略', 'One product, channel and seller can have only one effective strategy on a day'));
  },

  async writeChildren(strategyId: number, supplierId: number, lines: StrategyLineInput[], sellerIds: number[]) {
    await strapi.db.query(STRATEGY_LINE).deleteMany({ where: { strategyId } });
    await strapi.db.query(STRATEGY_LINE).createMany({ data: lines.map((line) => ({ ...line, strategyId, supplierId })) });
    await strapi.db.query(STRATEGY_SELLER).deleteMany({ where: { strategyId } });
    if (sellerIds.length) await strapi.db.query(STRATEGY_SELLER).createMany({ data: sellerIds.map((sellerId) => ({ strategyId, sellerId })) });
  },

  /** Strategy writes of one supplier run one at a time, so two saves cannot both pass the overlap check. */
  lockSupplier(supplierId: number) {
    return strapi.db.transaction(({ trx }) => trx('enterprises').where({ id: supplierId }).forUpdate().first('id'));
  },

  async create(principal: Principal, data: Record<string, any>) {
    await this.lockSupplier(principal.enterpriseId);
    const merged: Record<string, any> = { appliesTo: 'all', businessMode: 'prepaid', requiresAudit: false, state: 'active', ...data };
    const { lines, sellerIds } = await this.check(principal, merged);
    const { lines: _l, ...columns } = merged;
    const row = await strapi.db.query(STRATEGY).create({ data: { ...columns, sellerIds, supplierId: principal.enterpriseId } });
    await this.writeChildren(row.id, principal.enterpriseId, lines, sellerIds);
    return row;
  },

  async update(principal: Principal, existing: Record<string, any>, data: Record<string, any>) {
    await this.lockSupplier(principal.enterpriseId);
    const currentLines = data.lines ?? await this.lines(existing.id);
    const merged = { ...existing, ...data, lines: currentLines };
    const { lines, sellerIds } = await this.check(principal, merged, existing.id);
    const { lines: _l, ...columns } = data;
    await strapi.db.query(STRATEGY).update({ where: { id: existing.id }, data: { ...columns, sellerIds } });
    await this.writeChildren(existing.id, principal.enterpriseId, lines, sellerIds);
    return strapi.db.query(STRATEGY).findOne({ where: { id: existing.id } });
  },

  async setStatus(principal: Principal, existing: Record<string, any>, status: 'active' | 'disabled') {
    if (status === 'active') {
      await this.lockSupplier(principal.enterpriseId);
      await this.checkOverlap(principal.enterpriseId, { ...(existing as any), sellerIds: existing.sellerIds ?? [], lines: await this.lines(existing.id) }, existing.id);
    }
    return strapi.db.query(STRATEGY).update({ where: { id: existing.id }, data: { state: status } });
  },

  lines(strategyId: number): Promise<StrategyLineInput[]> {
    return strapi.db.query(STRATEGY_LINE).findMany({ where: { strategyId }, orderBy: { id: 'asc' } })
      .then((rows: any[]) => rows.map(({ productId, price, settlementPrice, minQuantity, maxQuantity, dailyMax }) => ({ productId, price, settlementPrice, minQuantity, maxQuantity, dailyMax })));
  },

  /** Job: strategies past their end date become 'expired' (idempotent). */
  /** Job: expire strategies past their end, each in its own transaction (a failing one is logged and skipped). */
  async expire(now: Date) {
    const where = { state: 'active', effectiveTo: { $lt: dayIn(now) } };
    const { done, failed } = await strapi.plugin('scheduler').service('jobs').eachItem('catalogue.expire-strategies',
      (afterId: number, limit: number) => strapi.db.query(STRATEGY).findMany({
        where: { id: { $gt: afterId }, ...where }, select: ['id'], limit, orderBy: { id: 'asc' },
      }),
      async ({ id }: { id: number }) => (await strapi.db.query(STRATEGY).updateMany({ where: { id, ...where }, data: { state: 'expired' } }))
        .count,
      500);
    return { expired: done, ...(failed ? { failed } : {}) };
  },

  /**
   * The strategies through which a seller may order today: active and effective, applying to it, of
   * suppliers with an active partnership and an effective agreement. Small: a few per supplier.
   */
  async applicableStrategies(sellerId: number, now: Date, channel?: string): Promise<any[]> {
    const today = dayIn(now);
    const suppliers = await strapi.plugin('identity').service('partnerships').activeSuppliersOf(sellerId);
    if (!suppliers.length) return [];
    const agreed = await strapi.plugin('catalogue').service('agreements').suppliersWithEffectiveAgreement(sellerId, suppliers, now);
    if (!agreed.length) return [];
    const named = await strapi.db.query(STRATEGY_SELLER).findMany({ where: { sellerId }, select: ['strategyId'] });
    return strapi.db.query(STRATEGY).findMany({
      where: {
        supplierId: { $in: agreed }, state: 'active', effectiveFrom: { $lte: today }, effectiveTo: { $gte: today },
        ...(channel ? { channel } : {}),
        $or: [{ appliesTo: 'all' }, { id: { $in: (named as any[]).map((n) => n.strategyId) } }],
      },
    });
  },

  /** Ids of the products those strategies offer (one indexed query, no row hydration). */
  async offeredProductIds(strategyIds: number[]): Promise<number[]> {
    if (!strategyIds.length) return [];
    const rows = await strapi.db.connection('strategy_lines').distinct('product_id').whereIn('strategy_id', strategyIds);
    return (rows as any[]).map((r) => r.product_id);
  },

  /** What a seller may order today, per product and channel, with the strategy's price and limits. */
  async offers(sellerId: number, now: Date, options: { channel?: string; productIds?: number[]; strategies?: any[] } = {}) {
    const strategies = options.strategies ?? await this.applicableStrategies(sellerId, now, options.channel);
    if (!strategies.length) return [];
    const byId = new Map((strategies as any[]).map((s) => [s.id, s]));
    const lines = await strapi.db.query(STRATEGY_LINE).findMany({
      where: { strategyId: { $in: [...byId.keys()] }, ...(options.productIds ? { productId: { $in: options.productIds } } : {}) },
    });
    return (lines as any[]).map((line) => {
      const strategy = byId.get(line.strategyId);
      return {
        productId: line.productId, supplierId: strategy.supplierId, strategyId: strategy.id, strategyName: strategy.name, channel: strategy.channel,
        businessMode: strategy.businessMode, requiresAudit: strategy.requiresAudit, effectiveTo: strategy.effectiveTo,
        price: line.price, minQuantity: line.minQuantity, maxQuantity: line.maxQuantity, dailyMax: line.dailyMax,
      };
    });
  },

  enterpriseNames(ids: number[]) {
    return strapi.plugin('identity').service('partnerships').namesOf(ENTERPRISE, ids);
  },
});
