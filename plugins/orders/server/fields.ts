import { errors, FULFILMENT_OUTCOMES, RECEIVER_PHONE_PATTERN } from '@cop/config';
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

/**
 * Who receives goods sent by courier: asked when an order holds a product fulfilled by courier (the
 * orders service requires them then); each message names the field.
 */
export const RECEIVER: Record<string, FieldSpec> = {
  receiverName: { type: 'string', maxLength: 50 },
  receiverPhone: {
    type: 'string', maxLength: 20, pattern: RECEIVER_PHONE_PATTERN,
    patternText: t('收货人电话格式不正确：请填写 11 位手机号或带区号的固定电话（如 0571-88886666）', 'receiver phone must be an 11-digit mobile number or a landline with its area code'),
  },
  receiverAddress: { type: 'string', maxLength: 200 },
};

/** What the mini program's employee sends to place an internal-purchase order. */
export const MINI_ORDER: Record<string, FieldSpec> = {
  paymentMode: { type: 'enum', values: ['prepaid', 'credit'] },
  visitDate: { type: 'date' },
  remarks: { type: 'text', maxLength: 500 },
  ...RECEIVER,
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
  ...RECEIVER,
};

/** Cart checkout: the chosen lines of one cart, and the order form. */
export const CHECKOUT: Record<string, FieldSpec> = {
  ids: { type: 'ids', required: true, max: 100 },
  channel: { type: 'enum', values: ['individual', 'gov'], required: true },
  ...ORDER_FORM,
};

/**
 * Fulfilling a line (F92) or correcting its fulfilment: the outcome (default fulfilled), the units used
 * when partly used, a confirmation code or courier and tracking number, the reason of a failure.
 */
export const FULFILMENT: Record<string, FieldSpec> = {
  lineId: { type: 'id', required: true },
  status: { type: 'enum', values: FULFILMENT_OUTCOMES },
  usedQuantity: { type: 'integer', min: 1, max: 100_000 },
  confirmationCode: { type: 'string', maxLength: 64 },
  courierCompany: { type: 'string', maxLength: 50 },
  trackingNumber: { type: 'string', maxLength: 64 },
  reason: { type: 'text', maxLength: 200 },
};
