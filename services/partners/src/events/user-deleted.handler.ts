import { and, eq } from 'drizzle-orm';
import { decodeEventPayload, type JsonValue } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { PermanentEventError, type EventBus, type EventEnvelope } from '@tourconnect/events';
import { invitations, members } from '../db/schema.ts';
import { audit } from '../domain/partner-events.ts';

const SUBJECT = 'identity.user.deleted.v1';
/** What an erased owner's e-mail becomes: the row (and the partner's ownership) stays. */
export const ERASED_EMAIL = 'erased-user';

/**
 * A user erased their account (GDPR): partners drops what it holds about them — the e-mail on
 * their membership and invitations addressed to it. A manager or viewer simply leaves the
 * partner; an owner's membership is kept without the e-mail, so the business (which may have
 * bookings and payouts) is not erased behind its other members' backs; an admin can follow up.
 */
export function registerUserDeletedHandler(bus: EventBus): void {
  bus.handle({ durable: 'partners-user-deleted', subject: SUBJECT, handler: eraseUser });
}

async function eraseUser(tx: Tx, envelope: EventEnvelope): Promise<void> {
  let userId: string;
  try {
    userId = decodeEventPayload(SUBJECT, envelope.payload as JsonValue).userId;
  } catch (error) {
    throw new PermanentEventError(`invalid ${SUBJECT} payload: ${(error as Error).message}`);
  }
  const [membership] = await tx.select().from(members).where(eq(members.userId, userId)).for('update');
  if (!membership) return;
  await tx.delete(invitations).where(eq(invitations.email, membership.email));
  if (membership.role === 'owner') {
    await tx
      .update(members)
      .set({ email: ERASED_EMAIL })
      .where(and(eq(members.partnerId, membership.partnerId), eq(members.userId, userId)));
  } else {
    await tx.delete(members).where(and(eq(members.partnerId, membership.partnerId), eq(members.userId, userId)));
  }
  await audit(tx, {
    action: 'member.erased',
    entityType: 'partner',
    entityId: membership.partnerId,
    actorRole: 'system',
    data: { userId, role: membership.role, kept: membership.role === 'owner' },
    correlationId: envelope.correlationId ?? null,
  });
}
