import type Stripe from 'stripe';
import { createTokenBucket } from './token-bucket.ts';

/**
 * Stripe's side of a booking, read for reconciliation under a request budget. Reads are
 * retried on 429 and 5xx (and network errors) with exponential backoff; anything else is the
 * answer.
 */

export interface StripeBookingFacts {
  paymentIntentId: string;
  status: string;
  amountReceived: number;
  currency: string;
  chargeId: string | null;
  amountRefunded: number;
  /** The charge's processing fee from its balance transaction, when Stripe reports one. */
  stripeFee: number | null;
  transfers: { id: string; amount: number; amountReversed: number; currency: string }[];
  /** The charge's disputes (read only when Stripe marks the charge disputed). */
  disputes: StripeDisputeFacts[];
}

export interface StripeDisputeFacts {
  id: string;
  status: string;
  amount: number;
  currency: string;
  /** Net of its balance transactions: what left the platform's balance (withdrawn − reinstated). */
  withdrawnMinor: number;
  /** Net of its balance transactions' fees: Stripe's dispute fee kept (0 once reinstated). */
  feeMinor: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stripe answered, but not with something a retry can change (404, 400, 401…). */
export class StripeReadError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
  ) {
    super(message);
  }
}

function retryable(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode;
  if (status === undefined) return true; // network error or timeout
  return status === 429 || status >= 500;
}

export interface StripeReader {
  booking(paymentIntentId: string, bookingId: string): Promise<StripeBookingFacts>;
}

export function createStripeReader(
  stripe: Stripe,
  options: { perSecond: number; attempts?: number; baseDelayMs?: number },
): StripeReader {
  const bucket = createTokenBucket(options.perSecond);
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 200;

  async function call<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      await bucket.take();
      try {
        return await request();
      } catch (error) {
        if (!retryable(error)) {
          const e = error as { message?: string; statusCode?: number };
          throw new StripeReadError(e.message ?? 'Stripe refused the request', e.statusCode);
        }
        if (attempt >= attempts) throw error;
        await sleep(baseDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  async function listTransfers(bookingId: string): Promise<StripeBookingFacts['transfers']> {
    const found: StripeBookingFacts['transfers'] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const page = await call(() =>
        stripe.transfers.list({
          transfer_group: bookingId,
          limit: 100,
          ...(startingAfter ? { starting_after: startingAfter } : {}),
        }),
      );
      for (const t of page.data) {
        found.push({
          id: t.id,
          amount: t.amount,
          amountReversed: t.amount_reversed,
          currency: t.currency.toUpperCase(),
        });
      }
      if (!page.has_more || page.data.length === 0) return found;
      startingAfter = page.data[page.data.length - 1]!.id;
    }
  }

  async function listDisputes(chargeId: string): Promise<StripeDisputeFacts[]> {
    const page = await call(() => stripe.disputes.list({ charge: chargeId, limit: 100 }));
    return page.data.map((d) => {
      const txns = d.balance_transactions.filter((b) => typeof b === 'object');
      return {
        id: d.id,
        status: d.status,
        amount: d.amount,
        currency: d.currency.toUpperCase(),
        withdrawnMinor: 0 - txns.reduce((sum, b) => sum + b.amount, 0),
        feeMinor: txns.reduce((sum, b) => sum + b.fee, 0),
      };
    });
  }

  return {
    async booking(paymentIntentId, bookingId) {
      const intent = await call(() =>
        stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge.balance_transaction'] }),
      );
      const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
      const balance = charge && typeof charge.balance_transaction === 'object' ? charge.balance_transaction : null;
      return {
        paymentIntentId,
        status: intent.status,
        amountReceived: intent.amount_received,
        currency: intent.currency.toUpperCase(),
        chargeId: charge?.id ?? (typeof intent.latest_charge === 'string' ? intent.latest_charge : null),
        amountRefunded: charge?.amount_refunded ?? 0,
        stripeFee: balance ? balance.fee : null,
        transfers: await listTransfers(bookingId),
        disputes: charge?.disputed ? await listDisputes(charge.id) : [],
      };
    },
  };
}
