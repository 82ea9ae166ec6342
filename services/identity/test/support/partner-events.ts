import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tourconnect/events';

/** partners.partner.registered.v1 as the partners service's outbox would publish it. */
export function partnerRegistered(ownerUserId: string, partnerId = randomUUID(), id = randomUUID()): EventEnvelope {
  return {
    id,
    subject: 'partners.partner.registered.v1',
    occurredAt: new Date().toISOString(),
    producer: 'partners',
    correlationId: `corr-${id}`,
    audience: [ownerUserId],
    payload: { partnerId, ownerUserId, type: 'hotel', name: 'Hotel Bellavista' },
  };
}
