import type { Tx } from '@tourconnect/db';
import { appendBookingAudit } from '../db/bookings.repository.ts';

/**
 * Audit entries of the high-volume booking facts, written by bundling's own consumers of its
 * booking events rather than in the booking's transaction. Appending to the hash chain takes
 * the log's lock until commit; inside a booking it would sit in the hot slot's critical section
 * (the row lock is held until commit too) and serialise every booker on two locks instead of
 * one. From the outbox the entry is certain (the event exists iff the booking committed) and
 * exactly once (the consumer's inbox), a moment later, with the event's own time.
 */

export interface BookingFact {
  bookingId: string;
  packageId: string;
  userId: string;
  occurredAt: string;
  correlationId?: string | undefined;
  eventId: string;
}

export async function auditBookingHeld(
  tx: Tx,
  fact: BookingFact & { totalMinor: bigint; currency: string },
): Promise<void> {
  await appendBookingAudit(tx, {
    action: 'booking.held',
    entityType: 'booking',
    entityId: fact.bookingId,
    actorId: fact.userId,
    actorRole: 'traveller',
    data: {
      packageId: fact.packageId,
      totalMinor: Number(fact.totalMinor),
      currency: fact.currency,
      cause: fact.eventId,
    },
    correlationId: fact.correlationId ?? null,
    occurredAt: new Date(fact.occurredAt),
  });
}

export async function auditBookingExpired(tx: Tx, fact: BookingFact & { reason: string }): Promise<void> {
  await appendBookingAudit(tx, {
    action: 'booking.expired',
    entityType: 'booking',
    entityId: fact.bookingId,
    actorRole: 'system',
    data: { packageId: fact.packageId, reason: fact.reason, cause: fact.eventId },
    correlationId: fact.correlationId ?? null,
    occurredAt: new Date(fact.occurredAt),
  });
}
