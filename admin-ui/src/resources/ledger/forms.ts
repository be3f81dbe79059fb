import type { Validator } from 'react-admin';
import { formatFen } from '../shared';
import { MAX_AMOUNT_FEN, type AccountRecord } from './types';

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Optional texts are sent only when filled in. */
function withTexts(body: Record<string, unknown>, values: Record<string, unknown>, fields: readonly string[]) {
  for (const field of fields) {
    const text = trimmed(values[field]);
    if (text) body[field] = text;
  }
  return body;
}

/** The body of top-up and repay: { amount (fen), reference?, note? }. */
export const amountBody = (values: Record<string, unknown>): Record<string, unknown> =>
  withTexts({ amount: values.amount }, values, ['reference', 'note']);

/** The body of set-limit: { creditLimit (fen), validFrom, validTo, note? }. */
export const limitBody = (values: Record<string, unknown>): Record<string, unknown> =>
  withTexts(
    { creditLimit: values.creditLimit, validFrom: values.validFrom || null, validTo: values.validTo || null },
    values,
    ['note'],
  );

/** What a credit account has used (total limit − available limit): the lowest limit it accepts. */
export const limitUsed = (record: Pick<AccountRecord, 'creditLimit' | 'available'>) =>
  Math.max(0, (record.creditLimit ?? 0) - (record.available ?? 0));

const empty = (value: unknown) => value === null || value === undefined || value === '';

/** A posting amount in fen: a whole number above 0 and at most `max` (the message for too much is `tooMuch`). */
export const validateAmount =
  (max: number = MAX_AMOUNT_FEN, tooMuch = 'cop.ledger.amount_too_large'): Validator =>
  (value: unknown) => {
    if (empty(value)) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) return 'cop.ledger.amount_positive';
    if (value > max) return { message: tooMuch, args: { amount: formatFen(max) } };
    return undefined;
  };

/** A credit limit in fen: a whole number, not below what is used, at most 10^12 fen. */
export const validateLimit =
  (used: number): Validator =>
  (value: unknown) => {
    if (empty(value)) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return 'cop.ledger.limit_negative';
    if (value < used) return { message: 'cop.ledger.limit_below_used', args: { amount: formatFen(used) } };
    if (value > MAX_AMOUNT_FEN) return { message: 'cop.ledger.amount_too_large', args: { amount: formatFen(MAX_AMOUNT_FEN) } };
    return undefined;
  };
