import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import { projectBookingHeld } from '../domain/booking-projection.ts';
import type { BillingContext } from '../domain/context.ts';

/** bundling.booking.held.v1: the booking billing may charge (its amount is bundling's price). */
export function bookingHeldHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.booking.held.v1',
    durable: 'billing-booking-held',
    handle: (tx, held) => projectBookingHeld(tx, held),
  });
}
