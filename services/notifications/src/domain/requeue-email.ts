import type { JsonValue } from '@tourconnect/contracts';
import { decodeEventPayload } from '@tourconnect/contracts';
import type { DeadLetter, EventEnvelope } from '@tourconnect/events';
import { findDelivery, requeueDelivery } from '../db/deliveries.repository.ts';
import { audit } from './audit.ts';
import type { NotificationsContext } from './context.ts';

/**
 * An admin replays a failed e-mail's dead letter (after fixing the address or the SMTP
 * settings): the delivery goes back to the queue with a fresh set of attempts, and the sender
 * tries again with the same Message-ID and, while they are kept, the same sealed links.
 * Idempotent: a delivery that is no longer failed (requeued or sent since) is left alone.
 */
export async function requeueFailedEmail(ctx: NotificationsContext, letter: DeadLetter): Promise<void> {
  const envelope = letter.envelope as EventEnvelope;
  const { deliveryId } = decodeEventPayload('notifications.email.failed.v1', envelope.payload as JsonValue);
  const delivery = await findDelivery(ctx.db, deliveryId);
  if (!delivery) throw new Error(`e-mail ${deliveryId} no longer exists`);
  if (delivery.erasedAt) throw new Error(`e-mail ${deliveryId} cannot be sent again: its recipient was erased`);
  await ctx.db.transaction(async (tx) => {
    const requeued = await requeueDelivery(tx, deliveryId);
    if (!requeued) return;
    await audit(tx, {
      action: 'email.requeued',
      entityType: 'delivery',
      entityId: deliveryId,
      actorRole: 'admin',
      data: { deadLetterId: letter.id, template: requeued.template },
      correlationId: envelope.correlationId ?? null,
    });
  });
  ctx.wakeSender();
}
