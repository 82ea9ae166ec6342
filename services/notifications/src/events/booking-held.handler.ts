import { defineHandler } from '@tourconnect/events';
import { tellPartnersNewBooking, tellTravellerBookingHeld } from '../domain/booking-emails.ts';
import type { NotificationsContext } from '../domain/context.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** bundling.booking.held.v1: Tells the traveller their places are held until the payment deadline. */
export function bookingHeldHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'bundling.booking.held.v1',
    durable: 'notifications-booking-held',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellTravellerBookingHeld(ctx, tx, payload, envelope),
  });
}

/**
 * bundling.booking.held.v1: Tells each partner in the new booking (and the seller) of it. A
 * durable of its own, so a partner not known yet delays only the partners' e-mails.
 */
export function bookingHeldPartnersHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'bundling.booking.held.v1',
    durable: 'notifications-booking-held-partners',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellPartnersNewBooking(ctx, tx, payload, envelope),
  });
}
