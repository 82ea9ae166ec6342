import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tourconnect/events';
import { testEnvelope } from '@tourconnect/service-kit/testing';

// The partners events identity consumes, as the partners service's outbox publishes them
// (its audience is the user concerned).

/** partners.partner.registered.v1: `ownerUserId` registered a partner. */
export function partnerRegistered(ownerUserId: string, partnerId: string = randomUUID()): EventEnvelope {
  return testEnvelope(
    'partners.partner.registered.v1',
    { partnerId, ownerUserId, type: 'hotel', name: 'Hotel Bellavista' },
    { audience: [ownerUserId] },
  );
}

/** partners.member.joined.v1: `userId` accepted an invitation to `partnerId`. */
export function memberJoined(userId: string, partnerId: string, role: 'manager' | 'viewer' = 'manager'): EventEnvelope {
  return testEnvelope('partners.member.joined.v1', { partnerId, userId, role }, { audience: [userId] });
}

/** partners.member.removed.v1: the owner removed `userId` from `partnerId`. */
export function memberRemoved(userId: string, partnerId: string): EventEnvelope {
  return testEnvelope('partners.member.removed.v1', { partnerId, userId }, { audience: [userId] });
}

/** partners.partner.deletion_requested.v1: the owner asked for the partner's GDPR erasure. */
export function deletionRequested(
  partnerId: string,
  requestedByUserId: string,
  requestId: string = randomUUID(),
): EventEnvelope {
  return testEnvelope(
    'partners.partner.deletion_requested.v1',
    { partnerId, requestId, requestedByUserId },
    { audience: [requestedByUserId] },
  );
}

/**
 * partners.partner.owner_changed.v1: `previousOwnerUserId` handed `partnerId` to `ownerUserId`.
 * `occurredAt` sets the event's time, to deliver an older announcement after a newer one.
 */
export function ownerChanged(
  partnerId: string,
  ownerUserId: string,
  previousOwnerUserId: string,
  occurredAt?: Date,
): EventEnvelope {
  const envelope = testEnvelope(
    'partners.partner.owner_changed.v1',
    { partnerId, ownerUserId, previousOwnerUserId, changedByUserId: previousOwnerUserId },
    { audience: [ownerUserId, previousOwnerUserId] },
  );
  return occurredAt ? { ...envelope, occurredAt: occurredAt.toISOString() } : envelope;
}
