import type { PermissionKey } from './permissions';

/** Order statuses, in lifecycle order. */
export const ORDER_STATUSES = [
  'pending_audit', 'pending_payment', 'paid', 'fulfilling', 'fulfilled', 'refund_pending',
  'partially_refunded', 'refunded', 'cancelled', 'rejected', 'closed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The channels: the two of the console plus the employees' internal purchases (mini-program). */
export const ORDER_CHANNELS = ['individual', 'gov', 'employee'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export type OrderAction = 'approve' | 'reject' | 'pay' | 'cancel' | 'close' | 'fulfil' | 'request-refund' | 'approve-refund' | 'reject-refund';

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
  'request-refund': { from: ['paid', 'fulfilling', 'fulfilled', 'partially_refunded'], side: 'seller', permission: 'orders.refund' },
  'approve-refund': { from: ['refund_pending'], side: 'supplier', permission: 'orders.audit' },
  'reject-refund': { from: ['refund_pending'], side: 'supplier', permission: 'orders.audit' },
};

/** A sales report covers at most this many days (the server refuses more; the console checks first). */
export const REPORT_MAX_DAYS = 366;

/** The groupings of a sales report (GET /orders/report?groupBy=). */
export const REPORT_GROUPS = ['product', 'counterparty', 'channel', 'day'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
