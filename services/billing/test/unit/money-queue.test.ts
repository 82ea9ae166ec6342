import { describe, expect, it } from 'vitest';
import { backoffAfter, isTransient } from '../../src/domain/money-queue.ts';
import { paymentStatusOf } from '../../src/domain/payment-status.ts';

describe('money queues: what is retried, and when', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const delay = (attempts: number) => backoffAfter(attempts, now).getTime() - now.getTime();

  it('doubles the wait from 2 s and never waits more than an hour', () => {
    expect([1, 2, 3, 4].map(delay)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(delay(30)).toBe(3_600_000);
  });

  it('retries rate limits, Stripe’s own failures and lost connections, not refusals', () => {
    expect(isTransient({ type: 'StripeRateLimitError', statusCode: 429 })).toBe(true);
    expect(isTransient({ type: 'StripeAPIError', statusCode: 500 })).toBe(true);
    expect(isTransient({ type: 'StripeConnectionError' })).toBe(true);
    expect(isTransient({ type: 'StripeInvalidRequestError', statusCode: 429, code: 'rate_limit' })).toBe(true);
    expect(isTransient({ type: 'StripeIdempotencyError', statusCode: 409 })).toBe(true);
    expect(isTransient({ type: 'StripeInvalidRequestError', statusCode: 400, code: 'balance_insufficient' })).toBe(
      false,
    );
    expect(isTransient({ type: 'StripeCardError', statusCode: 402 })).toBe(false);
    expect(isTransient(new Error('boom'))).toBe(false);
  });

  it('names a PaymentIntent’s state in the payments row’s words', () => {
    expect(paymentStatusOf('succeeded')).toBe('succeeded');
    expect(paymentStatusOf('requires_confirmation')).toBe('requires_payment_method');
    expect(paymentStatusOf('requires_action')).toBe('requires_payment_method');
    expect(paymentStatusOf('requires_capture')).toBe('processing');
    expect(paymentStatusOf('canceled')).toBe('canceled');
  });
});
