import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { forgetCancelledBooking } from '../domain/suggest-learning.ts';

/**
 * bundling.booking.cancelled.v1 (bundling's own event): a confirmed booking cancelled later is
 * taken out of the AI Suggest Bundles counts again, so they always count the bookings that stand.
 */
export function bookingCancelledCooccurrenceHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.booking.cancelled.v1',
    durable: 'bundling-suggest-booking-cancelled',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    concurrency: 1,
    handle: (tx, payload) => forgetCancelledBooking(tx, payload),
  });
}
