import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { applyBookingExpired } from '../domain/payment-cancel.ts';

/** bundling.booking.expired.v1: the hold ran out → the booking's PaymentIntent is cancelled unless paid. */
export function bookingExpiredHandler(ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.booking.expired.v1',
    durable: 'billing-booking-expired',
    batchSize: 1,
    handle: (tx, expired) => applyBookingExpired(ctx, tx, expired.bookingId),
  });
}
