import type { Core } from '@strapi/types';
import { isDay } from '@cop/config';
import { RULE, specificity } from './incentives';

const LIMITS: Record<string, number> = { per_order: 100_000, per_unit: 10_000, basis_points: 10_000 };

/**
 * Rules are kept by the platform operator in the Strapi admin panel; every write (admin panel, API,
 * seed) passes here through a lifecycle hook, so a bad rule is a 400 with the field named.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Problems of a rule as it would be after the write, by field; empty when it is fine. */
  async problems(rule: Record<string, any>, selfId?: number): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const amount = Number(rule.amount);
    if (!Number.isInteger(amount) || amount < 1) out.amount = 'must be a whole number ≥ 1 / 应为不小于 1 的整数';
    else if (amount > (LIMITS[rule.method] ?? 0)) out.amount = `must be at most ${LIMITS[rule.method]} for ${rule.method} / 不能超过 ${LIMITS[rule.method]}`;
    const from = String(rule.validFrom ?? '').slice(0, 10);
    const to = String(rule.validTo ?? '').slice(0, 10);
    if (!isDay(from)) out.validFrom = 'is required (YYYY-MM-DD) / 请填写开始日期';
    if (!isDay(to)) out.validTo = 'is required (YYYY-MM-DD) / 请填写结束日期';
    else if (to < from) out.validTo = 'must not be before validFrom / 不能早于开始日期';
    else if (Date.parse(to) - Date.parse(from) > 10 * 366 * 86_400_000) out.validTo = 'must be within 10 years of validFrom / 有效期不能超过 10 年';
    if (Object.keys(out).length || rule.active === false) return out;
    // the same scope, kind, event and a beneficiary in common may not overlap in time: precedence is by scope only
    const others = await strapi.db.query(RULE).findMany({
      where: {
        active: true, pointsKind: rule.pointsKind, event: rule.event,
        supplierId: rule.supplierId ?? null, category: rule.category ?? null, productId: rule.productId ?? null, channel: rule.channel ?? null,
        ...(selfId ? { id: { $ne: selfId } } : {}),
      },
    });
    const clash = (others as any[]).find((other) => (other.beneficiary === 'both' || rule.beneficiary === 'both' || other.beneficiary === rule.beneficiary)
      && String(other.validFrom).slice(0, 10) <= to && from <= String(other.validTo).slice(0, 10));
    if (clash) out.validFrom = `overlaps rule #${clash.id} "${clash.name}" with the same scope (specificity ${specificity(rule as any)}) / 与同范围的规则 #${clash.id}「${clash.name}」时间重叠`;
    return out;
  },
});
