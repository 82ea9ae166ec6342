import { accountUpdated } from './account.ts';
import { chargeRefunded } from './charge.ts';
import { disputeClosed, disputeCreated } from './dispute.ts';
import { payoutChanged } from './payout.ts';
import {
  paymentIntentCanceled,
  paymentIntentFailed,
  paymentIntentSucceeded,
  prefetchPaymentIntent,
} from './payment-intent.ts';
import { refundUpdated } from './refund.ts';
import { transferCreated, transferReversed } from './transfer.ts';
import type { StripeEventHandler } from './types.ts';

export type { StripeEventHandler } from './types.ts';

/** Stripe reads an event's handler needs, made before its transaction opens. */
export const prefetchStripeEvent = prefetchPaymentIntent;

/**
 * Stripe event type → its effect. Types not listed are stored with outcome 'ignored'. Other
 * modules (Connect accounts, payouts) add their types here, one line each.
 */
export const stripeEventHandlers: Record<string, StripeEventHandler> = {
  'payment_intent.succeeded': paymentIntentSucceeded,
  'payment_intent.payment_failed': paymentIntentFailed,
  'payment_intent.canceled': paymentIntentCanceled,
  'charge.refunded': chargeRefunded,
  'refund.created': refundUpdated,
  'refund.updated': refundUpdated,
  'refund.failed': refundUpdated,
  'transfer.created': transferCreated,
  'transfer.reversed': transferReversed,
  'transfer.updated': transferReversed,
  'charge.dispute.created': disputeCreated,
  'charge.dispute.closed': disputeClosed,
  // Connect events (event.account is the partner's account).
  'account.updated': accountUpdated,
  'payout.created': payoutChanged,
  'payout.updated': payoutChanged,
  'payout.paid': payoutChanged,
  'payout.failed': payoutChanged,
  'payout.canceled': payoutChanged,
};
