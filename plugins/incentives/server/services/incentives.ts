import { createHash } from 'crypto';
import type { Core } from '@strapi/types';
import { shanghaiDay } from '@cop/config';

export const RULE = 'plugin::incentives.incentive-rule';
export const RECORD = 'plugin::incentives.incentive-record';

export type PointsKind = 'collaboration' | 'bonus';
export type Side = 'seller' | 'supplier';
export type GrantEvent = 'order_paid' | 'order_fulfilled';
export const POINTS_KINDS: PointsKind[] = ['collaboration', 'bonus'];
const SIDES: Side[] = ['seller', 'supplier'];

export interface Rule {
  id: number; name: string; pointsKind: PointsKind; beneficiary: Side | 'both'; event: GrantEvent;
  method: 'per_order' | 'per_unit' | 'basis_points'; amount: number; supplierId: number | null;
  category: string | null; productId: number | null; channel: string | null;
  validFrom: string; validTo: string; priority: number; active: boolean;
}
export interface OrderFacts {
  id: number; number: string; channel: string; sellerId: number; supplierId: number;
  paidAmount: number; refundedAmount: number;
  lines: {
    id: number; productId: number; category: string | null; quantity: number; amount: number; fulfilmentStatus?: string;
    /** Units refunded so far and their amount (refunds by quantity). */
    refundedQuantity?: number; refundedAmount?: number;
  }[];
}

/** A record's points never exceed this (a saturating cap keeps an absurd order from failing its payment). */
export const MAX_POINTS = 1_000_000_000;

/** How specific a rule's scope is: product > category > supplier > channel > none. */
export const specificity = (rule: Pick<Rule, 'productId' | 'category' | 'supplierId' | 'channel'>) =>
  (rule.productId ? 8 : 0) + (rule.category ? 4 : 0) + (rule.supplierId ? 2 : 0) + (rule.channel ? 1 : 0);

const matches = (rule: Rule, order: OrderFacts, line: OrderFacts['lines'][number]) =>
  (!rule.supplierId || rule.supplierId === order.supplierId)
  && (!rule.channel || rule.channel === order.channel)
  && (!rule.category || rule.category === line.category)
  && (!rule.productId || rule.productId === line.productId);

/** Higher wins: specificity, then priority, then the older rule. */
const better = (a: Rule, b: Rule) =>
  specificity(a) !== specificity(b) ? specificity(a) > specificity(b)
    : a.priority !== b.priority ? a.priority > b.priority : a.id < b.id;

/**
 * The points of one event, per (side, kind, rule): each line goes to the best rule matching it;
 * a rule then grants per order (once), per unit (Σ quantity × amount) or in basis points of the
 * amount of its lines in yuan (Σ fen × bp / 1,000,000, rounded down). Pure: tested on its own.
 */
export function grants(rules: Rule[], order: OrderFacts, event: GrantEvent, day: string) {
  const live = rules.filter((r) => r.active && r.event === event && r.validFrom <= day && day <= r.validTo);
  const out = new Map<string, { side: Side; kind: PointsKind; rule: Rule; units: number; amount: number; lineIds: number[] }>();
  // refunded units earn nothing (a fulfilment after a partial refund counts what is left)
  const lines = order.lines.filter((line) => line.fulfilmentStatus !== 'refunded')
    .map((line) => ({ ...line, quantity: line.quantity - (line.refundedQuantity ?? 0), amount: line.amount - (line.refundedAmount ?? 0) }))
    .filter((line) => line.quantity > 0);
  for (const side of SIDES) {
    for (const kind of POINTS_KINDS) {
      const candidates = live.filter((r) => r.pointsKind === kind && (r.beneficiary === side || r.beneficiary === 'both'));
      if (!candidates.length) continue;
      for (const line of lines) {
        const winner = candidates.filter((r) => matches(r, order, line)).reduce<Rule | null>((best, r) => (!best || better(r, best) ? r : best), null);
        if (!winner) continue;
        const key = `${side}:${kind}:${winner.id}`;
        const entry = out.get(key) ?? { side, kind, rule: winner, units: 0, amount: 0, lineIds: [] };
        entry.units += line.quantity;
        entry.amount += line.amount;
        entry.lineIds.push(line.id);
        out.set(key, entry);
      }
    }
  }
  return [...out.values()].map(({ side, kind, rule, units, amount, lineIds }) => ({
    side, kind, rule, basisAmount: amount, lineIds,
    points: Math.min(MAX_POINTS, rule.method === 'per_order' ? rule.amount
      : rule.method === 'per_unit' ? units * rule.amount
        // fen × bp / 1,000,000 in BigInt: 10^12 fen × 10^4 bp is past 2^53
        : Number((BigInt(amount) * BigInt(rule.amount)) / 1_000_000n)),
  })).filter((grant) => grant.points > 0);
}

/** What the orders plugin says of a refund: its key (the refunded line ids) and those lines. */
export interface RefundEvent { refundKey?: string; lineIds?: number[] }

/**
 * The key of a refund event, derived from the event alone so that a redelivery gives the same key:
 * the key orders sent (`refundLines`: the refunded line ids joined by '-', `<id>.<units before>.<units>` for
 * part of a line), else the line ids the event
 * names, else the refunded lines of the order as the event's facts show them. Long keys are digested
 * (an event key holds at most 160 characters).
 */
export function refundKeyOf(order: Pick<OrderFacts, 'lines'>, event: RefundEvent = {}): string {
  const ids = (list: number[]) => [...new Set(list)].sort((a, b) => a - b).join('-');
  // lines refunded in part (by quantity) add their id and units, so each partial refund has its own key
  const partial = (lines: OrderFacts['lines']) => lines.filter((l) => l.fulfilmentStatus !== 'refunded' && (l.refundedQuantity ?? 0) > 0)
    .sort((a, b) => a.id - b.id).map((l) => `~${l.id}.${l.refundedQuantity}`).join('');
  const key = typeof event.refundKey === 'string' && event.refundKey ? event.refundKey
    : Array.isArray(event.lineIds) && event.lineIds.length ? ids(event.lineIds)
      : `all-${ids(order.lines.filter((line) => line.fulfilmentStatus === 'refunded').map((line) => line.id))}${partial(order.lines)}`;
  return key.length <= 64 ? key : `h${createHash('sha256').update(key).digest('base64url')}`;
}

/**
 * Incentive points (F95, F96, F99). The orders plugin tells this service of paid, fulfilled and
 * refunded orders inside the transaction that changes the order; each grant is one immutable record
 * keyed by (event, order, rule, side, kind), so a repeated delivery writes nothing. A refund writes
 * negative records so that each grant is reversed in proportion to the money returned since it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = async (): Promise<Rule[]> => (await strapi.db.query(RULE).findMany({ where: { active: true } })) as Rule[];

  /** Insert unless the key is already there (a redelivered event); answers whether it wrote. */
  const writeOnce = async (data: Record<string, unknown>) => {
    if (await strapi.db.query(RECORD).findOne({ where: { eventKey: data.eventKey }, select: ['id'] })) return false;
    await strapi.db.query(RECORD).create({ data });
    return true;
  };

  return {
    async onGrantEvent(event: GrantEvent, order: OrderFacts, now = new Date()) {
      let written = 0;
      for (const grant of grants(await rules(), order, event, shanghaiDay(now))) {
        const enterpriseId = grant.side === 'seller' ? order.sellerId : order.supplierId;
        const ok = await writeOnce({
          eventKey: `${event}:${order.id}:${grant.rule.id}:${grant.side}:${grant.kind}`,
          enterpriseId, counterpartyId: grant.side === 'seller' ? order.supplierId : order.sellerId, side: grant.side,
          kind: grant.kind, event, points: grant.points, ruleId: grant.rule.id, ruleName: grant.rule.name,
          orderId: order.id, orderNumber: order.number, channel: order.channel, basisAmount: grant.basisAmount, refundedBefore: order.refundedAmount,
          lineIds: grant.lineIds,
        });
        if (ok) written += 1;
      }
      return written;
    },

    /**
     * A refund (refundKey names it): each positive record is reversed down to
     * floor(points × refunded amount of the lines it was granted for / its basis), less what earlier
     * refunds reversed — a refund of lines a rule never covered reverses nothing of it, and refunding
     * all its lines reverses it exactly.
     */
    /** The orders plugin's `refunded` subscriber: a refund event, delivered once or more. */
    onRefunded(order: OrderFacts, event: RefundEvent = {}) {
      return this.onRefund(order, refundKeyOf(order, event));
    },

    async onRefund(order: OrderFacts, refundKey: string) {
      // deliveries for one order take turns (PostgreSQL: the order's grants are locked), so a
      // concurrent redelivery sees what the first one reversed and writes nothing
      if (strapi.db.dialect.client === 'postgres') {
        await strapi.db.transaction(({ trx }) => trx('incentive_records')
          .where('order_id', order.id).where('points', '>', 0).orderBy('id').forUpdate().select('id'));
      }
      const granted = await strapi.db.query(RECORD).findMany({ where: { orderId: order.id, points: { $gt: 0 } }, orderBy: { id: 'asc' } });
            // what each line has returned so far, unit by unit (all of it once the line is refunded)
      const refunded = new Map(order.lines.map((line) => [line.id,
        line.fulfilmentStatus === 'refunded' ? line.amount : (line.refundedAmount ?? 0)]));
      let written = 0;
      for (const record of granted as any[]) {
        const basis = Number(record.basisAmount);
        const covered = ((record.lineIds ?? []) as number[]).reduce((sum, id) => sum + (refunded.get(id) ?? 0), 0);
        const target = basis > 0 ? Number((BigInt(record.points) * BigInt(Math.min(covered, basis))) / BigInt(basis)) : 0;
        const reversed = await strapi.db.query(RECORD).findMany({ where: { sourceRecordId: record.id }, select: ['points'] });
        const already = -(reversed as any[]).reduce((sum, r) => sum + r.points, 0);
        if (target - already <= 0) continue;
        const ok = await writeOnce({
          eventKey: `order_refunded:${refundKey}:${record.id}`,
          enterpriseId: record.enterpriseId, counterpartyId: record.counterpartyId, side: record.side, kind: record.kind,
          event: 'order_refunded', points: -(target - already), ruleId: record.ruleId, ruleName: record.ruleName,
          orderId: order.id, orderNumber: order.number, channel: order.channel, basisAmount: basis, refundedBefore: order.refundedAmount,
          sourceRecordId: record.id, lineIds: record.lineIds ?? [],
        });
        if (ok) written += 1;
      }
      return written;
    },

    /** Balance per kind of one enterprise: the sum of its records. */
    async balances(enterpriseId: number) {
      const rows = await strapi.db.connection('incentive_records').where({ enterprise_id: enterpriseId }).select('kind').sum({ total: 'points' }).groupBy('kind');
      const out: Record<PointsKind, number> = { collaboration: 0, bonus: 0 };
      for (const row of rows as any[]) out[row.kind as PointsKind] = Number(row.total ?? 0);
      return out;
    },

    /**
     * Balance after each of these records (all records of the same enterprise and kind up to it, in
     * time order), one correlated aggregate per page.
     */
    async runningTotals(ids: number[]): Promise<Map<number, number>> {
      const knex = strapi.db.connection;
      const out = new Map<number, number>();
      // in slices: an export asks for up to 50,000 rows, past SQLite's limit of bound parameters
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await knex('incentive_records as r').whereIn('r.id', ids.slice(i, i + 500)).select('r.id', knex.raw(`(select sum(x.points) from incentive_records x
          where x.enterprise_id = r.enterprise_id and x.kind = r.kind and (x.created_at < r.created_at or (x.created_at = r.created_at and x.id <= r.id))) as total`));
        for (const row of rows as any[]) out.set(row.id, Number(row.total ?? 0));
      }
      return out;
    },
  };
};
