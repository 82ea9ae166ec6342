import type Stripe from 'stripe';
import { appendBillingAudit, findBooking } from '../../db/bookings.repository.ts';
import { findPaymentByIntent, updatePayment } from '../../db/payments.repository.ts';
import type { BillingContext } from '../../domain/context.ts';
import { applyPaymentSucceeded, readChargeFacts, type ChargeFacts } from '../../domain/payment-succeeded.ts';
import type { StripeEventHandler } from './types.ts';

const intentOf = (event: Stripe.Event) => event.data.object as Stripe.PaymentIntent;

/** The charge's facts read before the event's transaction opened (prefetchPaymentIntent). */
const prefetched = new WeakMap<Stripe.Event, ChargeFacts>();

/**
 * The one Stripe read payment_intent.succeeded needs (the charge's fee; the event's snapshot
 * does not carry it), done before the webhook opens its transaction so no connection waits on
 * Stripe.
 */
export async function prefetchPaymentIntent(event: Stripe.Event, ctx: BillingContext): Promise<void> {
  if (event.type !== 'payment_intent.succeeded') return;
  const charge = await readChargeFacts(ctx, intentOf(event));
  if (charge) prefetched.set(event, charge);
}

/** The payment succeeded: split, ledger, receipt, billing.payment.succeeded.v1 (once). */
export const paymentIntentSucceeded: StripeEventHandler = async (tx, event, ctx) => {
  const intent = intentOf(event);
  const payment = await findPaymentByIntent(tx, intent.id);
  if (!payment) return `ignored: no payment for ${intent.id}`;
  if (payment.status === 'succeeded') return 'duplicate: payment already succeeded';
  const charge = prefetched.get(event) ?? (await readChargeFacts(ctx, intent));
  if (!charge) throw new Error(`payment intent ${intent.id} succeeded without a charge`);
  return applyPaymentSucceeded(ctx, tx, intent, charge);
};

/** A declined attempt: the booking stays payable; the traveller hears at once (billing.payment.failed.v1). */
export const paymentIntentFailed: StripeEventHandler = async (tx, event, ctx) => {
  const intent = intentOf(event);
  const payment = await findPaymentByIntent(tx, intent.id, { forUpdate: true });
  if (!payment) return `ignored: no payment for ${intent.id}`;
  const error = intent.last_payment_error;
  const failureCode = error?.decline_code ?? error?.code ?? 'payment_failed';
  const updated = await updatePayment(tx, payment.id, ['requires_payment_method', 'processing', 'failed'], {
    status: intent.status === 'requires_payment_method' ? 'requires_payment_method' : 'failed',
    lastErrorCode: failureCode,
  });
  if (!updated) return `ignored: payment already ${payment.status}`;
  const booking = await findBooking(tx, payment.bookingId);
  await ctx.publish(
    tx,
    'billing.payment.failed.v1',
    {
      bookingId: payment.bookingId,
      userId: payment.userId,
      paymentIntentId: intent.id,
      failureCode,
      amountMinor: BigInt(payment.amountMinor),
      currency: booking?.currency ?? payment.currency,
    },
    { audience: [payment.userId] },
  );
  await appendBillingAudit(tx, {
    action: 'payment.failed',
    entityType: 'payment',
    entityId: payment.id,
    actorRole: 'system',
    data: { bookingId: payment.bookingId, paymentIntentId: intent.id, failureCode },
  });
  return 'applied';
};

export const paymentIntentCanceled: StripeEventHandler = async (tx, event) => {
  const intent = intentOf(event);
  const payment = await findPaymentByIntent(tx, intent.id, { forUpdate: true });
  if (!payment) return `ignored: no payment for ${intent.id}`;
  const updated = await updatePayment(tx, payment.id, ['requires_payment_method', 'processing', 'failed'], {
    status: 'canceled',
  });
  if (!updated) return `ignored: payment already ${payment.status}`;
  await appendBillingAudit(tx, {
    action: 'payment.canceled',
    entityType: 'payment',
    entityId: payment.id,
    actorRole: 'system',
    data: { bookingId: payment.bookingId, paymentIntentId: intent.id, reason: intent.cancellation_reason },
  });
  return 'applied';
};
