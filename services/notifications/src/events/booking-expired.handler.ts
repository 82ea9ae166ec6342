import { defineHandler } from '@tourconnect/events';
import { tellTravellerBookingExpired } from '../domain/booking-emails.ts';
import type { NotificationsContext } from '../domain/context.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** bundling.booking.expired.v1: Tells the traveller the hold ended, the places were released and nothing was charged. */
export function bookingExpiredHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'bundling.booking.expired.v1',
    durable: 'notifications-booking-expired',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellTravellerBookingExpired(ctx, tx, payload, envelope),
  });
}
