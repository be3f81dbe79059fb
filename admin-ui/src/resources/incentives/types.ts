import { enumChoices } from '../shared';
import { ORDER_CHANNELS, orderShowPath, type OrderChannel } from '../orders/types';

/** The two kinds of points: 协同值 and 奖金值, each with a page of its own. */
export const POINTS_KINDS = ['collaboration', 'bonus'] as const;
export type PointsKind = (typeof POINTS_KINDS)[number];

/** The console page of each kind (MENU path without the leading slash; server resource incentive-records). */
export const INCENTIVE_PAGES: Record<PointsKind, string> = {
  collaboration: 'incentives/collaboration',
  bonus: 'incentives/bonus',
};

/** The order events that grant points (paid, fulfilled) or take them back (refunded). */
export const INCENTIVE_EVENTS = ['order_paid', 'order_fulfilled', 'order_refunded'] as const;
export type IncentiveEvent = (typeof INCENTIVE_EVENTS)[number];
export const incentiveEventChoices = enumChoices('incentive_event', INCENTIVE_EVENTS);
export const incentiveEventColors = { order_paid: 'info', order_fulfilled: 'success', order_refunded: 'error' } as const;

/** A record as GET /incentive-records answers it (points are whole numbers, negative for reversals). */
export interface IncentiveRecord {
  id: number;
  kind: PointsKind;
  event: IncentiveEvent;
  points: number;
  /** The balance of this kind after this record. */
  runningTotal: number | null;
  side: 'seller' | 'supplier';
  counterpartyId?: number | null;
  counterpartyName?: string | null;
  ruleId?: number | null;
  ruleName?: string | null;
  orderId?: number | null;
  orderNumber?: string | null;
  channel?: string | null;
  /** The money the points were computed from (fen). */
  basisAmount?: number | null;
  createdAt: string;
}

/** A rule as GET /incentive-rules answers it (only what the rule filter needs). */
export interface IncentiveRule {
  id: number;
  name: string;
  pointsKind: PointsKind;
}

/**
 * The order page a record links to: the seller's 我的订单, the supplier's order list of the order's
 * channel; null without an order (or an unknown channel on the supplier side).
 */
export function incentiveOrderPage(record: Pick<IncentiveRecord, 'side' | 'channel'>): string | null {
  if (record.side === 'seller') return 'my-orders';
  return ORDER_CHANNELS.includes(record.channel as OrderChannel) ? `orders/${record.channel}` : null;
}

export function incentiveOrderPath(record: Pick<IncentiveRecord, 'side' | 'channel' | 'orderId'>): string | null {
  if (record.orderId === null || record.orderId === undefined || !incentiveOrderPage(record)) return null;
  return orderShowPath(record.side, { id: record.orderId, channel: record.channel as OrderChannel });
}

/** Points as shown: grouped, with their sign ('+1,200', '-30', '0'); '' when not a number. */
export function formatPoints(points: number | null | undefined, signed = true): string {
  if (typeof points !== 'number' || !Number.isFinite(points)) return '';
  const text = Math.abs(points).toLocaleString('en-US');
  if (points < 0) return `-${text}`;
  return signed && points > 0 ? `+${text}` : text;
}

/** The choices of the rule filter: the rules of one kind, by name. */
export const ruleChoices = (rules: IncentiveRule[] | undefined, kind: PointsKind) =>
  (rules ?? [])
    .filter((rule) => rule.pointsKind === kind)
    .map((rule) => ({ id: rule.id, name: rule.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
