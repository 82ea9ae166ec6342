import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import { auditBookingExpired } from '../domain/booking-audit.ts';
import type { BundlingContext } from '../domain/context.ts';

/** bundling.booking.expired.v1 (bundling's own event): the `booking.expired` audit entry, outside the sweep's locks. */
export function bookingExpiredHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'bundling.booking.expired.v1',
    durable: 'bundling-booking-expired',
    // Nobody waits on it: in the all-in-one it yields to requests while the process is saturated.
    background: true,
    concurrency: 1,
    handle: (tx, expired, envelope) =>
      auditBookingExpired(tx, {
        bookingId: expired.bookingId,
        packageId: expired.packageId,
        userId: expired.userId,
        reason: expired.reason,
        occurredAt: envelope.occurredAt,
        correlationId: envelope.correlationId,
        eventId: envelope.id,
      }),
  });
}
