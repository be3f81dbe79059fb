import type { PermissionKey } from './permissions';

/** Order statuses, in lifecycle order. */
export const ORDER_STATUSES = [
  'pending_audit', 'pending_payment', 'paid', 'fulfilling', 'fulfilled', 'refund_pending',
  'partially_refunded', 'refunded', 'cancelled', 'rejected', 'closed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What each order status is called, in both languages: server messages and the console share these. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, { zh: string; en: string }> = {
  pending_audit: { zh: '待审核', en: 'Awaiting audit' },
  pending_payment: { zh: '待支付', en: 'Awaiting payment' },
  paid: { zh: '已支付', en: 'Paid' },
  fulfilling: { zh: '履约中', en: 'Fulfilling' },
  fulfilled: { zh: '已履约', en: 'Fulfilled' },
  refund_pending: { zh: '退款审核中', en: 'Refund under audit' },
  partially_refunded: { zh: '部分退款', en: 'Partially refunded' },
  refunded: { zh: '已退款', en: 'Refunded' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  // closed unpaid: by the payment timeout or a stopped partnership (the order's events say which)
  closed: { zh: '已关闭', en: 'Closed' },
};

/**
 * The fulfilment states of an order line. A line follows its order when the order ends unpaid
 * (cancelled or rejected → cancelled, timed out → closed); it is `refunded` once all its units are.
 * The supplier's fulfilment (F92) ends a pending line as fulfilled (every unit used or delivered),
 * partial (some units of a multi-unit line used: the others stay refundable) or failed (nothing
 * delivered, with a reason: every unit stays refundable).
 */
export const LINE_STATUSES = ['pending', 'fulfilled', 'partial', 'failed', 'refunded', 'cancelled', 'closed'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const LINE_STATUS_LABELS: Record<LineStatus, { zh: string; en: string }> = {
  pending: { zh: '待履约', en: 'To fulfil' },
  fulfilled: { zh: '已履约', en: 'Fulfilled' },
  partial: { zh: '部分使用', en: 'Partly used' },
  failed: { zh: '履约失败', en: 'Fulfilment failed' },
  refunded: { zh: '已退款', en: 'Refunded' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** The outcomes a supplier chooses when fulfilling a line or correcting its fulfilment. */
export const FULFILMENT_OUTCOMES = ['fulfilled', 'partial', 'failed'] as const;
export type FulfilmentOutcome = (typeof FULFILMENT_OUTCOMES)[number];

/**
 * A receiver's phone for goods sent by courier: a mainland mobile number (11 digits, 1[3-9]…, optionally
 * +86) or a landline with its area code (0571-88886666, an extension after another dash). Server and
 * console check with this one pattern.
 */
export const RECEIVER_PHONE_PATTERN = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;

/** One language's labels of a vocabulary, e.g. `labelsIn(ORDER_STATUS_LABELS, 'zh')` for the console's texts. */
export function labelsIn<K extends string>(labels: Record<K, { zh: string; en: string }>, lang: 'zh' | 'en'): Record<K, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, (v as { zh: string; en: string })[lang]])) as Record<K, string>;
}

/** The channels: the two of the console plus the employees' internal purchases (mini-program). */
export const ORDER_CHANNELS = ['individual', 'gov', 'employee'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export type OrderAction = 'approve' | 'reject' | 'pay' | 'cancel' | 'close' | 'fulfil' | 'correct-fulfilment' | 'request-refund' | 'approve-refund' | 'reject-refund';

/**
 * The order state machine: each action, the statuses it may start from, who takes it, and with which
 * permission. The orders plugin enforces it; the console reads it to offer only the buttons that can
 * succeed. One table for both.
 */
export const ORDER_TRANSITIONS: Record<OrderAction, { from: readonly OrderStatus[]; side: 'seller' | 'supplier' | 'system'; permission?: PermissionKey }> = {
  approve: { from: ['pending_audit'], side: 'supplier', permission: 'orders.audit' },
  reject: { from: ['pending_audit'], side: 'supplier', permission: 'orders.audit' },
  pay: { from: ['pending_payment'], side: 'seller', permission: 'orders.place' },
  cancel: { from: ['pending_audit', 'pending_payment'], side: 'seller', permission: 'orders.place' },
  close: { from: ['pending_audit', 'pending_payment'], side: 'system' },
  fulfil: { from: ['paid', 'fulfilling', 'partially_refunded'], side: 'supplier', permission: 'orders.fulfil' },
  // a line already fulfilled, partly used or failed is corrected; the order keeps its status (not while a refund is audited)
  'correct-fulfilment': { from: ['fulfilling', 'fulfilled', 'partially_refunded'], side: 'supplier', permission: 'orders.fulfil' },
  'request-refund': { from: ['paid', 'fulfilling', 'fulfilled', 'partially_refunded'], side: 'seller', permission: 'orders.refund' },
  'approve-refund': { from: ['refund_pending'], side: 'supplier', permission: 'orders.audit' },
  'reject-refund': { from: ['refund_pending'], side: 'supplier', permission: 'orders.audit' },
};

/** A sales report covers at most this many days (the server refuses more; the console checks first). */
export const REPORT_MAX_DAYS = 366;

/** The groupings of a sales report (GET /orders/report?groupBy=). */
export const REPORT_GROUPS = ['product', 'counterparty', 'channel', 'day'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
