import { encodeEventPayload, type EventPayloadInit } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import type { EventBus } from '@tourconnect/events';

type IdentitySubject =
  | 'identity.user.registered.v1'
  | 'identity.user.deleted.v1'
  | 'identity.user.role_granted.v1'
  | 'identity.user.role_revoked.v1'
  | 'identity.partner_data.erased.v1';

/**
 * Writes one of identity's events to the outbox in the caller's transaction. Payloads go
 * through the contract encoder, so a misspelt field fails here rather than in a consumer.
 * The user is the audience: the gateway pushes the event to their open portal tabs.
 */
export async function publishUserEvent<S extends IdentitySubject>(
  bus: EventBus,
  tx: Tx,
  subject: S,
  payload: EventPayloadInit<S>,
  meta: { userId: string; correlationId?: string },
): Promise<void> {
  await bus.enqueue(tx, {
    subject,
    payload: encodeEventPayload(subject, payload),
    audience: [meta.userId],
    ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
  });
}
