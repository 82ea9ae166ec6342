import type { EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { eraseRecipientDeliveries } from '../db/deliveries.repository.ts';
import { deleteRecipient } from '../db/recipients.repository.ts';
import { audit } from './audit.ts';

/**
 * GDPR erasure (identity.user.deleted.v1): the user's address, name and language go, and so do
 * the address and bodies of every e-mail sent to them (matched by user id and by address, which
 * also catches invitations sent before they had an account). What stays is that an e-mail of
 * a template was sent at a time, with the server's id: no personal data.
 */
export async function eraseRecipient(
  tx: Tx,
  event: EventPayloadBySubject['identity.user.deleted.v1'],
  cause: { id: string; correlationId?: string },
): Promise<void> {
  const recipient = await deleteRecipient(tx, event.userId);
  const erased = await eraseRecipientDeliveries(tx, event.userId, recipient ? [recipient.email] : []);
  await audit(tx, {
    action: 'recipient.erased',
    entityType: 'user',
    entityId: event.userId,
    actorId: null,
    actorRole: 'system',
    data: { deliveriesErased: erased, cause: cause.id },
    correlationId: cause.correlationId ?? null,
  });
}
