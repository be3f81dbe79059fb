import { DomainError, errors, invalid } from './errors';

const t = errors.text;

/** The request header that makes a client's retry safe (Stripe's convention). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_MAX = 100;

/**
 * The Idempotency-Key header's value, checked: absent or empty → undefined; otherwise 1–100 printable
 * ASCII characters (no NUL, no control or non-ASCII bytes), else a 400 naming the header. A key is
 * always scoped by the server (to the caller's enterprise, employee or action) before it is used.
 */
export function idempotencyKeyOf(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || raw.length > IDEMPOTENCY_KEY_MAX || !/^[\x20-\x7e]+$/.test(raw)) {
    throw invalid({
      [IDEMPOTENCY_HEADER]: t(`应为 1–${IDEMPOTENCY_KEY_MAX} 个可打印 ASCII 字符`,
        `must be 1 to ${IDEMPOTENCY_KEY_MAX} printable ASCII characters`),
    });
  }
  return raw;
}

/** 422: the key was already used by this caller for a request with a different body. */
export function idempotencyKeyReused(): DomainError {
  return new DomainError(422, 'IDEMPOTENCY_KEY_REUSED',
    t('该 Idempotency-Key 已用于内容不同的请求，请换一个新的键', 'This Idempotency-Key was already used for a request with a different body: use a new key'),
    { [IDEMPOTENCY_HEADER]: t('已用于另一个请求', 'was already used for a different request') });
}
