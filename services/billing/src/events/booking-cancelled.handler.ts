import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { applyBookingCancelled } from '../domain/refund-flow.ts';

/** bundling.booking.cancelled.v1: the booking ends → its refund (if it was paid) is queued. */
export function bookingCancelledHandler(ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.booking.cancelled.v1',
    durable: 'billing-booking-cancelled',
    batchSize: 1,
    handle: (tx, cancelled, envelope) => applyBookingCancelled(ctx, tx, cancelled, envelope),
  });
}
