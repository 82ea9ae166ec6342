import { timestampDate, type EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { bookingForLearning, forgetBooking, learnBooking } from '../db/suggest.repository.ts';
import { zonedDate } from './local-time.ts';
import { learnedBooking, type LearnedBooking } from './suggest/index.ts';

type BookingEvent =
  EventPayloadBySubject['bundling.booking.confirmed.v1'] | EventPayloadBySubject['bundling.booking.cancelled.v1'];

/**
 * The booking as the suggestion model learns it: from bundling's own row (items, start date,
 * party → traveller type), or, when the row is gone, from the event (its items and the first
 * line's start; traveller type unknown).
 */
async function factsOf(tx: Tx, event: BookingEvent): Promise<LearnedBooking> {
  const row = await bookingForLearning(tx, event.bookingId);
  if (row) return learnedBooking({ bookingId: event.bookingId, ...row });
  const starts = event.items.flatMap((item) => (item.startsAt ? [timestampDate(item.startsAt)] : []));
  const first = starts.length > 0 ? new Date(Math.min(...starts.map((d) => d.getTime()))) : new Date();
  return learnedBooking({
    bookingId: event.bookingId,
    packageId: event.packageId,
    itemIds: event.items.map((item) => item.itemId),
    startDate: zonedDate(first, 'Europe/Rome'),
    party: null,
  });
}

/** bundling.booking.confirmed.v1 → its items' counts, once per booking however often it is delivered. */
export async function learnConfirmedBooking(
  tx: Tx,
  event: EventPayloadBySubject['bundling.booking.confirmed.v1'],
): Promise<void> {
  await learnBooking(tx, await factsOf(tx, event));
}

/**
 * bundling.booking.cancelled.v1 → a confirmed booking's counts taken away again (a booking
 * cancelled before it was paid was never learned; nothing changes).
 */
export async function forgetCancelledBooking(
  tx: Tx,
  event: EventPayloadBySubject['bundling.booking.cancelled.v1'],
): Promise<void> {
  // A hold that expired or sold out was never confirmed: only a paid booking can have been learned.
  if (event.paymentIntentId === '') return;
  await forgetBooking(tx, await factsOf(tx, event));
}
