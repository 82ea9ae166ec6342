import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import { applyBookingConfirmed } from '../domain/transfer-schedule.ts';
import type { BillingContext } from '../domain/context.ts';

/** bundling.booking.confirmed.v1: the booking is sold → its partners' transfers are scheduled. */
export function bookingConfirmedHandler(ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.booking.confirmed.v1',
    durable: 'billing-booking-confirmed',
    batchSize: 1,
    handle: (tx, confirmed, envelope) => applyBookingConfirmed(ctx, tx, confirmed, envelope.correlationId),
  });
}
