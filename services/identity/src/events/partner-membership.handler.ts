import { and, eq, ne } from 'drizzle-orm';
import { decodeEventPayload, type EventSubject, type JsonValue } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { PermanentEventError, type EventBus, type EventEnvelope } from '@tourconnect/events';
import { isErased, markErased } from '../db/erased-partners.repository.ts';
import { userRoles } from '../db/schema.ts';
import { findUserById } from '../db/users.repository.ts';
import { audit } from '../domain/audit.ts';
import { grantRole } from '../domain/grant-role.ts';
import type { IdentityContext } from '../domain/identity-context.ts';
import { publishUserEvent } from '../domain/identity-events.ts';
import { revokeRole } from '../domain/revoke-role.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decode<S extends EventSubject>(subject: S, envelope: EventEnvelope) {
  try {
    return decodeEventPayload(subject, envelope.payload as JsonValue);
  } catch (error) {
    throw new PermanentEventError(`invalid ${subject} payload: ${(error as Error).message}`);
  }
}

/**
 * Partner membership as identity sees it: a member who joins gets the 'partner' role for that
 * partner, a removed member loses it, and a partner's GDPR erasure revokes it from everyone
 * and is confirmed back with identity.partner_data.erased.v1.
 */
export function registerPartnerMembershipHandlers(bus: EventBus, ctx: IdentityContext): void {
  bus.handle({
    durable: 'identity-member-joined',
    subject: 'partners.member.joined.v1',
    handler: (tx, envelope) => memberJoined(ctx, tx, envelope),
  });
  bus.handle({
    durable: 'identity-member-removed',
    subject: 'partners.member.removed.v1',
    handler: async (tx, envelope) => {
      const payload = decode('partners.member.removed.v1', envelope);
      await revokeRole(ctx, tx, {
        userId: payload.userId,
        role: 'partner',
        partnerId: payload.partnerId,
        cause: envelope.id,
        correlationId: envelope.correlationId,
      });
    },
  });
  bus.handle({
    durable: 'identity-partner-erasure',
    subject: 'partners.partner.deletion_requested.v1',
    handler: (tx, envelope) => erasePartnerData(ctx, tx, envelope),
  });
}

async function memberJoined(ctx: IdentityContext, tx: Tx, envelope: EventEnvelope): Promise<void> {
  const payload = decode('partners.member.joined.v1', envelope);
  const user = UUID.test(payload.userId) ? await findUserById(tx, payload.userId, { forUpdate: true }) : undefined;
  if (!user) throw new PermanentEventError(`partner ${payload.partnerId}: member ${payload.userId} is not a user`);
  if (user.status !== 'active') return;
  if (await isErased(tx, payload.partnerId)) return; // joined just before the erasure; nothing to grant
  // Joined and removed events travel on separate consumers: a join for partner B may arrive
  // before the removal from A. The grant follows the newest membership, and the late removal
  // of A then finds a role for B and leaves it alone.
  await tx
    .delete(userRoles)
    .where(
      and(eq(userRoles.userId, user.id), eq(userRoles.role, 'partner'), ne(userRoles.partnerId, payload.partnerId)),
    );
  await grantRole(ctx, tx, {
    userId: user.id,
    role: 'partner',
    partnerId: payload.partnerId,
    cause: envelope.id,
    correlationId: envelope.correlationId,
  });
}

async function erasePartnerData(ctx: IdentityContext, tx: Tx, envelope: EventEnvelope): Promise<void> {
  const payload = decode('partners.partner.deletion_requested.v1', envelope);
  await markErased(tx, payload.partnerId, payload.requestId);
  const holders = await tx
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(eq(userRoles.role, 'partner'), eq(userRoles.partnerId, payload.partnerId)));
  for (const { userId } of holders) {
    await revokeRole(ctx, tx, {
      userId,
      role: 'partner',
      partnerId: payload.partnerId,
      cause: envelope.id,
      correlationId: envelope.correlationId,
    });
  }
  await publishUserEvent(
    ctx.bus,
    tx,
    'identity.partner_data.erased.v1',
    {
      partnerId: payload.partnerId,
      requestId: payload.requestId,
      service: 'identity',
      deletedRecords: holders.length,
      anonymisedRecords: 0,
    },
    { userId: payload.requestedByUserId, correlationId: envelope.correlationId },
  );
  await audit(tx, {
    action: 'partner_data.erased',
    entityType: 'partner',
    entityId: payload.partnerId,
    actorRole: 'system',
    data: { requestId: payload.requestId, revokedRoles: holders.length },
    correlationId: envelope.correlationId ?? null,
  });
}
