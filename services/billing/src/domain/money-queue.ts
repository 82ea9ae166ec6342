/** Shared by the transfer and refund queues: retry schedule and how errors are classified. */

const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** After this many attempts a request Stripe refuses for a business reason is given up (failed). */
export const MAX_REFUSED_ATTEMPTS = 8;

/** 2 s, 4 s, 8 s … capped at an hour: the next try of a failed Stripe request (same idempotency key). */
export function backoffAfter(attempts: number, now: Date = new Date()): Date {
  const delay = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delay);
}

/** 429, 5xx, a timeout or a lost connection: the request may be repeated as it was. */
export function isTransient(error: unknown): boolean {
  const e = error as { type?: string; statusCode?: number };
  if (['StripeConnectionError', 'StripeAPIError', 'StripeRateLimitError'].includes(e?.type ?? '')) return true;
  return typeof e?.statusCode === 'number' && (e.statusCode === 429 || e.statusCode === 409 || e.statusCode >= 500);
}

export function errorText(error: unknown): string {
  const e = error as { type?: string; code?: string; statusCode?: number; message?: string };
  return [e?.statusCode, e?.type, e?.code, e?.message].filter(Boolean).join(' ').slice(0, 500);
}

export interface QueueLogger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}
