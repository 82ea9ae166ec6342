import { defineHandler } from '@tourconnect/events';
import { tellTravellerBookingConfirmed } from '../domain/booking-emails.ts';
import type { NotificationsContext } from '../domain/context.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** bundling.booking.confirmed.v1: Tells the traveller the payment arrived and the booking is confirmed. */
export function bookingConfirmedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'bundling.booking.confirmed.v1',
    durable: 'notifications-booking-confirmed',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellTravellerBookingConfirmed(ctx, tx, payload, envelope),
  });
}
