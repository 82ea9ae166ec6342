import type { Tx } from '@tourconnect/db';
import { appendBillingAudit } from '../db/bookings.repository.ts';
import { findPaymentByBooking, updatePayment } from '../db/payments.repository.ts';
import { projectBookingExpired } from './booking-projection.ts';
import type { BillingContext } from './context.ts';

/** bundling.booking.expired.v1: held → expired, and its PaymentIntent cancelled unless it was paid. */
export async function applyBookingExpired(ctx: BillingContext, tx: Tx, bookingId: string): Promise<void> {
  await projectBookingExpired(tx, bookingId);
  await cancelOpenIntent(ctx, tx, bookingId, 'abandoned');
}

/**
 * Cancels the booking's PaymentIntent at Stripe when it has not succeeded, so a late card
 * confirmation cannot charge a booking that is over. An intent that succeeded meanwhile stays:
 * bundling decides then (confirms it again or cancels it with a full refund).
 */
export async function cancelOpenIntent(
  ctx: BillingContext,
  tx: Tx,
  bookingId: string,
  reason: 'abandoned' | 'requested_by_customer',
): Promise<void> {
  const payment = await findPaymentByBooking(tx, bookingId);
  if (!payment || payment.status === 'succeeded' || payment.status === 'canceled') return;
  try {
    await ctx.stripe.paymentIntents.cancel(
      payment.paymentIntentId,
      { cancellation_reason: reason },
      { idempotencyKey: `cancel:${bookingId}` },
    );
  } catch (error) {
    if ((error as { code?: string }).code !== 'payment_intent_unexpected_state') throw error;
    const intent = await ctx.stripe.paymentIntents.retrieve(payment.paymentIntentId);
    if (intent.status !== 'canceled') return;
  }
  const canceled = await updatePayment(tx, payment.id, ['requires_payment_method', 'failed', 'processing'], {
    status: 'canceled',
  });
  if (!canceled) return;
  await appendBillingAudit(tx, {
    action: 'payment.canceled',
    entityType: 'payment',
    entityId: payment.id,
    actorRole: 'system',
    data: { bookingId, paymentIntentId: payment.paymentIntentId, reason },
  });
}
