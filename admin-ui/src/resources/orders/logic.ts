import { ORDER_TRANSITIONS as SHARED_TRANSITIONS } from '@cop/config';
import type { OrderAction as SharedOrderAction } from '@cop/config';
import type {
  BusinessMode,
  CatalogueRecord,
  Offer,
  OrderLine,
  OrderRecord,
  OrderStatus,
  PaymentMode,
  SellerChannel,
} from './types';

/* ---------- the state machine, as the console needs it ---------- */

export type OrderSide = 'seller' | 'supplier';
/** The verbs of POST /orders/<id>/<verb> (every action but the timeout's close). */
export type OrderAction = Exclude<SharedOrderAction, 'close'>;

/**
 * The state machine the server enforces (@cop/config), as the console needs it: the statuses each
 * verb starts from and the side that takes it (the server decides; the console only offers the
 * buttons that can succeed).
 */
export const ORDER_TRANSITIONS = Object.fromEntries(
  Object.entries(SHARED_TRANSITIONS).filter(([, rule]) => rule.side !== 'system'),
) as Record<OrderAction, { from: readonly OrderStatus[]; side: OrderSide }>;

export const ORDER_ACTIONS = Object.keys(ORDER_TRANSITIONS) as OrderAction[];

type OrderLike = Pick<OrderRecord, 'status' | 'channel'> & {
  lines?: (Pick<OrderLine, 'id' | 'fulfilmentStatus'> & Partial<Pick<OrderLine, 'quantity' | 'refundedQuantity' | 'remainingQuantity'>>)[];
};

/** A line whose fulfilment may be corrected: fulfilled, partly used or failed, with units left. */
const isCorrectable = (line: LineUnits) =>
  ['fulfilled', 'partial', 'failed'].includes(line.fulfilmentStatus) && remainingOf(line) > 0;

/** Lines still to fulfil. */
export const pendingLines = <L extends Pick<OrderLine, 'fulfilmentStatus'>>(order: { lines?: L[] }): L[] =>
  (order.lines ?? []).filter((line) => line.fulfilmentStatus === 'pending');

/** Units of a line not refunded yet (the server's `remainingQuantity`; none once refunded, cancelled or closed). */
type LineUnits = Pick<OrderLine, 'fulfilmentStatus'> & Partial<Pick<OrderLine, 'quantity' | 'refundedQuantity' | 'remainingQuantity'>>;
const LIVE_LINE: string[] = ['pending', 'fulfilled', 'partial', 'failed'];
export const remainingOf = (line: LineUnits) =>
  !LIVE_LINE.includes(line.fulfilmentStatus)
    ? 0
    : (line.remainingQuantity ?? (line.quantity ?? 1) - (line.refundedQuantity ?? 0));

/** Units neither used nor refunded (the server's `unusedQuantity`): all of a pending or failed line, none of a fulfilled one. */
export const unusedOf = (line: LineUnits & Partial<Pick<OrderLine, 'unusedQuantity'>>) =>
  line.unusedQuantity ?? (line.fulfilmentStatus === 'pending' || line.fulfilmentStatus === 'failed' ? remainingOf(line) : 0);

/** The units of a line the seller may ask to refund: individual orders their unused units, gov orders (audited) all left. */
export const refundableOf = (channel: string, line: LineUnits & Partial<Pick<OrderLine, 'unusedQuantity'>>) =>
  channel === 'gov' ? remainingOf(line) : unusedOf(line);

/**
 * Lines the seller may ask to refund: those with units left; individual orders refund unused units
 * at once (pending, failed, the unused part of a partly used line); used ones only through a gov order's audit.
 */
export const refundableLines = <L extends Pick<OrderLine, 'fulfilmentStatus'> & Partial<OrderLine>>(order: {
  channel: string;
  lines?: L[];
}): L[] => (order.lines ?? []).filter((line) => refundableOf(order.channel, line) > 0);

/** The refund dialog's field holding the units to refund of one line. */
export const refundQuantityField = (lineId: number) => `quantity_${lineId}`;

/** The body of request-refund from the dialog: the lines with a quantity over 0, in the order's order. */
export function refundBody(
  order: { channel: string; lines?: (Pick<OrderLine, 'id' | 'fulfilmentStatus'> & Partial<OrderLine>)[] },
  values: Record<string, unknown>,
) {
  const lines = refundableLines(order)
    .map((line) => ({ lineId: line.id, quantity: Number(values[refundQuantityField(line.id)] ?? 0) }))
    .filter((line) => Number.isFinite(line.quantity) && line.quantity > 0);
  return { lines, reason: typeof values.reason === 'string' ? values.reason.trim() : '' };
}

/**
 * What to say once request-refund answers, from the order it returns: a gov request waits for the
 * supplier's audit (refund_pending); otherwise the money went back at once (the amount is what the
 * order's refunded amount grew by).
 */
export function refundOutcome(
  before: Pick<OrderRecord, 'refundedAmount'>,
  after: Pick<OrderRecord, 'status' | 'refundedAmount'>,
): { key: string; amount?: number } {
  if (after.status === 'refund_pending') return { key: 'cop.orders.refund_requested' };
  return { key: 'cop.orders.refund_done', amount: (after.refundedAmount ?? 0) - (before.refundedAmount ?? 0) };
}

/** The buttons a side sees on an order: its verbs whose start status matches, and that have something to act on. */
export function orderActions(side: OrderSide, order: OrderLike | undefined | null): OrderAction[] {
  if (!order) return [];
  return ORDER_ACTIONS.filter((action) => {
    const rule = ORDER_TRANSITIONS[action];
    if (rule.side !== side || !rule.from.includes(order.status)) return false;
    if (action === 'approve' || action === 'reject') return order.channel === 'gov';
    if (action === 'fulfil') return pendingLines(order).length > 0;
    if (action === 'correct-fulfilment') return (order.lines ?? []).some(isCorrectable);
    if (action === 'request-refund') return refundableLines(order).length > 0;
    return true;
  });
}

export const canTake = (side: OrderSide, action: OrderAction) => (order: OrderLike | undefined | null) =>
  orderActions(side, order).includes(action);

/** The 订单履约 button of one line: the order may be fulfilled and the line is still pending. */
export const canFulfilLine = (order: OrderLike | undefined | null, line: Pick<OrderLine, 'fulfilmentStatus'>) =>
  canTake('supplier', 'fulfil')(order) && line.fulfilmentStatus === 'pending';

/** The 更正履约 button of one line: the supplier may correct it (fulfilled, partly used or failed, units left). */
export const canCorrectLine = (order: OrderLike | undefined | null, line: LineUnits) =>
  canTake('supplier', 'correct-fulfilment')(order) && isCorrectable(line);

/**
 * The body of fulfil and correct-fulfilment: the outcome; what was delivered (a confirmation code, else
 * a courier and a tracking number) unless it failed; the units used when partly used; the reason.
 */
export function fulfilBody(lineId: number, values: Record<string, unknown>): Record<string, unknown> {
  const text = (field: string) => (typeof values[field] === 'string' ? (values[field] as string).trim() : '');
  const status = (values.status as string) || 'fulfilled';
  const body: Record<string, unknown> = { lineId, status };
  const code = text('confirmationCode');
  if (code) body.confirmationCode = code;
  else if (status !== 'failed' || text('courierCompany') || text('trackingNumber')) {
    body.courierCompany = text('courierCompany');
    body.trackingNumber = text('trackingNumber');
  }
  if (status === 'partial') body.usedQuantity = Number(values.usedQuantity);
  if (text('reason')) body.reason = text('reason');
  return body;
}

/** Client check of the fulfil dialog: unless it failed, a code or both courier and tracking number. */
export function fulfilProblem(values: Record<string, unknown>): string | undefined {
  if (values.status === 'failed') return undefined;
  const filled = (field: string) => typeof values[field] === 'string' && !!(values[field] as string).trim();
  if (filled('confirmationCode')) return undefined;
  if (filled('courierCompany') && filled('trackingNumber')) return undefined;
  return 'cop.orders.fulfil_missing';
}

/* ---------- offers, quantities and totals ---------- */

/** The offers of a product in one channel, cheapest first. */
export const channelOffers = (product: Pick<CatalogueRecord, 'offers'> | undefined | null, channel: SellerChannel): Offer[] =>
  (product?.offers ?? [])
    .filter((offer) => offer.channel === channel)
    .sort((a, b) => a.price - b.price || a.strategyId - b.strategyId);

/** The lowest price of a product's offers in a channel (fen), or null without offers. */
export const lowestPrice = (
  product: Pick<CatalogueRecord, 'offers'> | undefined | null,
  channel: SellerChannel,
): number | null => {
  const offers = channelOffers(product, channel);
  return offers.length ? offers[0].price : null;
};

/** Daily-stock products and combos are ordered for a day. */
export const needsDay = (product: Pick<CatalogueRecord, 'stockMode' | 'isCombo'> | undefined | null) =>
  !!product && (product.stockMode === 'daily' || !!product.isCombo);

/** The quantity range of an offer (max null: no limit). */
export const quantityRange = (offer: Pick<Offer, 'minQuantity' | 'maxQuantity'>) => ({
  min: Math.max(1, offer.minQuantity ?? 1),
  max: offer.maxQuantity ?? null,
});

/** The largest quantity the server takes in a line. */
export const MAX_QUANTITY = 100_000;

/** Why a quantity cannot be ordered through an offer: a message key with its args, or null. */
export function quantityProblem(
  offer: Pick<Offer, 'minQuantity' | 'maxQuantity'>,
  quantity: unknown,
): { message: string; args?: Record<string, unknown> } | null {
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1)
    return { message: 'cop.ordering.quantity_whole' };
  const { min, max } = quantityRange(offer);
  if (quantity < min) return { message: 'cop.ordering.quantity_min', args: { min } };
  if (max !== null && quantity > max) return { message: 'cop.ordering.quantity_max', args: { max } };
  if (quantity > MAX_QUANTITY) return { message: 'cop.ordering.quantity_max', args: { max: MAX_QUANTITY } };
  return null;
}

/**
 * The total of a line in fen: unit price (fen) × quantity, or null when the quantity is not a whole
 * number ≥ 1. Integer arithmetic only; the screen shows it in yuan (formatFen).
 */
export function lineTotal(unitPrice: number | null | undefined, quantity: unknown): number | null {
  if (typeof unitPrice !== 'number' || !Number.isSafeInteger(unitPrice)) return null;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) return null;
  return unitPrice * quantity;
}

/**
 * Why the product drawer cannot add or order this quantity (the buttons are disabled and this shown next
 * to them): outside the strategy's min/max, or above the stock left when it is known (`available` null or
 * undefined: not managed or not known yet). null when the quantity may be ordered.
 */
export function drawerQuantityProblem(
  offer: Pick<Offer, 'minQuantity' | 'maxQuantity'>,
  quantity: unknown,
  available?: number | null,
): { message: string; args?: Record<string, unknown> } | null {
  const problem = quantityProblem(offer, quantity);
  if (problem) return problem;
  if (typeof available === 'number' && (quantity as number) > available) {
    return { message: 'cop.ordering.quantity_over_stock', args: { available } };
  }
  return null;
}

/** A quantity typed in an input: the number, or null when empty or not a number. */
export function parseQuantity(text: string): number | null {
  if (!text.trim()) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Why a day cannot be chosen ('YYYY-MM-DD', today or later in Asia/Shanghai): a message key, or null. */
export function dayProblem(day: string | null | undefined, today: string, required: boolean): string | null {
  if (!day) return required ? 'cop.ordering.day_required' : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return 'cop.ordering.day_required';
  if (day < today) return 'cop.ordering.day_past';
  return null;
}

/** The payment modes one strategy's business mode accepts. */
export const paymentModesOf = (mode: BusinessMode | null | undefined): PaymentMode[] =>
  mode === 'prepaid' ? ['prepaid'] : mode === 'credit' ? ['credit'] : ['prepaid', 'credit'];

/** The payment modes every one of several strategies accepts (unknown strategies accept both). */
export function allowedPaymentModes(modes: (BusinessMode | null | undefined)[]): PaymentMode[] {
  return modes.reduce<PaymentMode[]>(
    (allowed, mode) => allowed.filter((m) => paymentModesOf(mode).includes(m)),
    ['prepaid', 'credit'],
  );
}

/** The price a cart line would be ordered at now, when it differs from the line's (fen), else null. */
export const changedPrice = (item: { available: boolean; unitPrice: number; currentPrice?: number | null }): number | null =>
  item.available && typeof item.currentPrice === 'number' && item.currentPrice !== item.unitPrice ? item.currentPrice : null;

/* ---------- server errors ---------- */

type ErrorBody = { message?: string; code?: string; errors?: Record<string, unknown> };
const bodyOf = (error: unknown): ErrorBody | undefined => (error as { body?: ErrorBody } | undefined)?.body;

/**
 * The errors of a 400 answer to POST /cart-items/checkout: `items.<cartItemId>.<field>` go to their
 * cart line, the others (customer fields, paymentMode, ids…) stay with the form.
 */
export function cartErrors(error: unknown): { lines: Record<number, Record<string, string>>; fields: Record<string, string> } {
  const lines: Record<number, Record<string, string>> = {};
  const fields: Record<string, string> = {};
  const errors = bodyOf(error)?.errors;
  if (errors && typeof errors === 'object') {
    for (const [key, message] of Object.entries(errors)) {
      const match = /^items\.(\d+)\.(.+)$/.exec(key);
      if (match) (lines[Number(match[1])] ??= {})[match[2]] = String(message);
      else fields[key] = String(message);
    }
  }
  return { lines, fields };
}

/** The same for POST /orders: `lines.<index>.<field>` by line index, the rest by field. */
export function orderErrors(error: unknown): { lines: Record<number, Record<string, string>>; fields: Record<string, string> } {
  const lines: Record<number, Record<string, string>> = {};
  const fields: Record<string, string> = {};
  const errors = bodyOf(error)?.errors;
  if (errors && typeof errors === 'object') {
    for (const [key, message] of Object.entries(errors)) {
      const match = /^lines\.(\d+)\.(.+)$/.exec(key);
      if (match) (lines[Number(match[1])] ??= {})[match[2]] = String(message);
      else fields[key] = String(message);
    }
  }
  return { lines, fields };
}

/** The customer part of an order body: trimmed texts, only those filled in (required ones always). */
export function customerBody(values: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    const text = typeof value === 'string' ? value.trim() : '';
    if (text || field === 'customerName' || field === 'companyName') body[field] = text;
  }
  return body;
}
