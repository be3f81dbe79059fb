import type { Core } from '@strapi/types';
import { shanghaiDay } from '@cop/config';
import { LINE, ORDER } from './orders';

export type OrderEventName = 'paid' | 'fulfilled' | 'refunded';
export interface OrderFacts {
  id: number; number: string; channel: string; sellerId: number; supplierId: number;
  /** The order's day (Asia/Shanghai) by its creation: reports group by it. */
  day: string;
  paidAmount: number; refundedAmount: number;
  lines: {
    id: number; productId: number; productName: string; category: string | null; quantity: number; amount: number; fulfilmentStatus: string;
    /** Units refunded so far and their amount (a line is `refunded` once all its units are). */
    refundedQuantity: number; refundedAmount: number;
  }[];
}
export interface EventDetail {
  now: Date; refundKey?: string; lineIds?: number[];
  /** What this refund returned, per line: units and amount. */
  refunds?: { lineId: number; quantity: number; amount: number }[];
}
export type OrderSubscriber = (facts: OrderFacts, detail: EventDetail) => Promise<unknown>;

/**
 * Other modules (incentives) hear of paid, fulfilled and refunded orders here. Subscribers run inside
 * the transaction that changes the order, so what they write commits or rolls back with it; they
 * must be idempotent (an event may be delivered again).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const subscribers = new Map<OrderEventName, OrderSubscriber[]>();
  return {
    on(name: OrderEventName, subscriber: OrderSubscriber) {
      subscribers.set(name, [...(subscribers.get(name) ?? []), subscriber]);
    },

    /** The order as subscribers see it, read in the current transaction. */
    async facts(orderId: number): Promise<OrderFacts> {
      const order = await strapi.db.query(ORDER).findOne({ where: { id: orderId } });
      const lines = await strapi.db.query(LINE).findMany({ where: { orderId }, orderBy: { id: 'asc' } });
      return {
        id: order.id, number: order.number, channel: order.channel, sellerId: order.sellerId, supplierId: order.supplierId,
        day: shanghaiDay(new Date(order.createdAt)),
        paidAmount: Number(order.paidAmount ?? 0), refundedAmount: Number(order.refundedAmount ?? 0),
        lines: (lines as any[]).map((l) => ({
          id: l.id, productId: l.productId, productName: l.productName, category: l.category ?? null, quantity: l.quantity,
          amount: Number(l.amount), fulfilmentStatus: l.fulfilmentStatus,
          refundedQuantity: l.fulfilmentStatus === 'refunded' ? l.quantity : Number(l.refundedQuantity ?? 0),
          refundedAmount: l.fulfilmentStatus === 'refunded' ? Number(l.amount) : Number(l.unitPrice) * Number(l.refundedQuantity ?? 0),
        })),
      };
    },

    async emit(name: OrderEventName, orderId: number, detail: Partial<EventDetail> = {}) {
      const list = subscribers.get(name) ?? [];
      if (!list.length) return;
      const facts = await this.facts(orderId);
      for (const subscriber of list) await subscriber(facts, { ...detail, now: detail.now ?? new Date() });
    },
  };
};
