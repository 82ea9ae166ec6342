import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tourconnect/events';

function envelope(subject: string, audience: string[], payload: Record<string, unknown>): EventEnvelope {
  const id = randomUUID();
  return {
    id,
    subject,
    occurredAt: new Date().toISOString(),
    producer: 'partners',
    correlationId: `corr-${id}`,
    audience,
    payload,
  };
}

/** partners.member.joined.v1 as the partners service publishes it when an invitation is accepted. */
export function memberJoined(userId: string, partnerId: string, role: 'manager' | 'viewer' = 'manager'): EventEnvelope {
  return envelope('partners.member.joined.v1', [userId], { partnerId, userId, role });
}

/** partners.member.removed.v1: the owner removed `userId` from `partnerId`. */
export function memberRemoved(userId: string, partnerId: string): EventEnvelope {
  return envelope('partners.member.removed.v1', [userId], { partnerId, userId });
}

/** partners.partner.deletion_requested.v1: the owner asked for the partner's GDPR erasure. */
export function deletionRequested(
  partnerId: string,
  requestedByUserId: string,
  requestId: string = randomUUID(),
): EventEnvelope {
  return envelope('partners.partner.deletion_requested.v1', [requestedByUserId], {
    partnerId,
    requestId,
    requestedByUserId,
  });
}
