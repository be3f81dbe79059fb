/**
 * Idempotency-Key of money postings (充值 top-up, 还款 repayment). The server scopes the key to the
 * caller's enterprise and makes the transfer id from it: a second request with the same key replays the
 * first result instead of posting again, and the same key with a different body is refused (422
 * IDEMPOTENCY_KEY_REUSED). Keys are 1–100 printable ASCII characters (a UUID here).
 */

/** A random UUID v4. crypto.randomUUID exists only in secure contexts (https, localhost); the console
 * may be opened over plain http on a LAN, where getRandomValues still works. */
export function newIdempotencyKey(cryptoImpl: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Whether a failed request may still have been carried out: no answer at all (network error, the
 * connection dropped: fetch rejects without an HTTP status), a timeout, or a server / gateway error.
 * A 4xx answer means the server refused and wrote nothing.
 */
export function outcomeUnknown(error: unknown): boolean {
  const status = (error as { status?: unknown } | null | undefined)?.status;
  return typeof status !== 'number' || status === 0 || status === 408 || status >= 500;
}

/** JSON with object keys sorted, so that two equal bodies always compare equal. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, (inner as Record<string, unknown>)[key]]))
      : inner,
  );
}

/**
 * The key of one dialog's submissions. Every submission gets a fresh key, except:
 * - a submission while the previous one of the same body is still under way (a double click), and
 * - a retry of the same body after a failure whose outcome is unknown (network error, 5xx),
 * which resend the pending key, so that the server posts the money at most once. A success or a
 * refusal (4xx) ends the key; changing the body (another amount, reference or note) starts a new one.
 */
export class IdempotencyKeeper {
  private pending: { key: string; body: string } | null = null;

  constructor(private readonly generate: () => string = () => newIdempotencyKey()) {}

  /** The key to send with this body. */
  keyFor(body: unknown): string {
    const text = stableStringify(body);
    if (this.pending && this.pending.body === text) return this.pending.key;
    const key = this.generate();
    this.pending = { key, body: text };
    return key;
  }

  /** The posting succeeded: the next submission is a new one. */
  succeeded(): void {
    this.pending = null;
  }

  /** The posting failed: a refusal drops the key, an unknown outcome keeps it for the retry. */
  failed(error: unknown): void {
    if (!outcomeUnknown(error)) this.pending = null;
  }

  /** The key a retry of the pending body would resend (for tests and diagnostics). */
  get pendingKey(): string | null {
    return this.pending?.key ?? null;
  }
}
