import { defineHandler } from '@tourconnect/events';
import { tellTravellerBookingCancelled } from '../domain/booking-emails.ts';
import type { NotificationsContext } from '../domain/context.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** bundling.booking.cancelled.v1: Tells the traveller the booking is cancelled, why, and what is refunded. */
export function bookingCancelledHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'bundling.booking.cancelled.v1',
    durable: 'notifications-booking-cancelled',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellTravellerBookingCancelled(ctx, tx, payload, envelope),
  });
}
