import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { learnConfirmedBooking } from '../domain/suggest-learning.ts';

/**
 * bundling.booking.confirmed.v1 (bundling's own event, through the bus): the booking's items,
 * month and traveller type into the AI Suggest Bundles counts. One transaction at a time: every
 * booking touches the totals row.
 */
export function bookingConfirmedCooccurrenceHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.booking.confirmed.v1',
    durable: 'bundling-suggest-booking-confirmed',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    concurrency: 1,
    handle: (tx, payload) => learnConfirmedBooking(tx, payload),
  });
}
