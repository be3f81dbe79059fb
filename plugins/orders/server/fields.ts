import { errors } from '@cop/config';
import type { FieldSpec } from '@cop/plugin-console';

const t = errors.text;

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

/** What a seller fills in for the customer of an order (console order form and cart checkout alike). */
export const ORDER_FORM: Record<string, FieldSpec> = {
  paymentMode: { type: 'enum', values: ['prepaid', 'credit'], required: true },
  customerName: { type: 'string', required: true, maxLength: 50 },
  customerPhone: { type: 'string', maxLength: 20, pattern: /^[0-9+\-() ]{5,20}$/, patternText: t('电话格式不正确', 'is not a phone number') },
  customerIdNo: { type: 'string', maxLength: 32 },
  companyName: { type: 'string', maxLength: 100 },
  invoiceTitle: { type: 'string', maxLength: 100 },
  invoiceTaxNo: { type: 'string', maxLength: 32 },
  visitDate: { type: 'date' },
  remarks: { type: 'string', maxLength: 500 },
};

/** Cart checkout: the chosen lines of one cart, and the order form. */
export const CHECKOUT: Record<string, FieldSpec> = {
  ids: { type: 'ids', required: true, max: 100 },
  channel: { type: 'enum', values: ['individual', 'gov'], required: true },
  ...ORDER_FORM,
};
