import type { FieldSpec } from '@cop/plugin-console';

/** One order line as a client sends it: the server prices it (a unitPrice sent must match the offer). */
export const ORDER_LINE: Record<string, FieldSpec> = {
  productId: { type: 'id', required: true },
  strategyId: { type: 'id', required: true },
  quantity: { type: 'integer', required: true, min: 1, max: 100_000 },
  day: { type: 'date' },
  unitPrice: { type: 'money' },
};

export const ORDER_LINES: FieldSpec = { type: 'list', items: ORDER_LINE, max: 50, required: true };

/** What the mini program's employee sends to place an internal-purchase order. */
export const MINI_ORDER: Record<string, FieldSpec> = {
  paymentMode: { type: 'enum', values: ['prepaid', 'credit'] },
  visitDate: { type: 'date' },
  remarks: { type: 'text', maxLength: 500 },
  lines: ORDER_LINES,
};
