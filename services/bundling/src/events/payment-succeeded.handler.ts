import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import { applyPaymentSucceeded } from '../domain/booking-payment.ts';
import type { BundlingContext } from '../domain/context.ts';

/**
 * `billing.payment.succeeded.v1`: the traveller paid a booking → confirmed (held units sold),
 * or, when its hold expired and the units are gone, cancelled with the payment to refund.
 */
export function paymentSucceededHandler(ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'billing.payment.succeeded.v1',
    durable: 'bundling-payment-succeeded',
    // One booking per transaction: each locks its rows in id order, never two bookings' rows at once.
    batchSize: 1,
    handle: async (tx, payment, envelope) => {
      await applyPaymentSucceeded(ctx, tx, {
        bookingId: payment.bookingId,
        userId: payment.userId,
        paymentIntentId: payment.paymentIntentId,
        amountMinor: Number(payment.amountMinor),
        currency: payment.currency,
        correlationId: envelope.correlationId,
        eventId: envelope.id,
      });
    },
  });
}
