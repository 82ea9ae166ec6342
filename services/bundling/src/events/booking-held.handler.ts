import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import { auditBookingHeld } from '../domain/booking-audit.ts';
import type { BundlingContext } from '../domain/context.ts';

/** bundling.booking.held.v1 (bundling's own event): the `booking.held` audit entry, off the hot slot's lock. */
export function bookingHeldHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.booking.held.v1',
    durable: 'bundling-booking-held',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    // Every entry takes the audit log's lock: one transaction at a time, many entries each.
    concurrency: 1,
    handle: (tx, held, envelope) =>
      auditBookingHeld(tx, {
        bookingId: held.bookingId,
        packageId: held.packageId,
        userId: held.userId,
        totalMinor: held.totalMinor,
        currency: held.currency,
        occurredAt: envelope.occurredAt,
        correlationId: envelope.correlationId,
        eventId: envelope.id,
      }),
  });
}
