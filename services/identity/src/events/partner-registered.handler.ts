import { decodeEventPayload, type JsonValue } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { PermanentEventError, type EventBus, type EventEnvelope } from '@tourconnect/events';
import { findUserById } from '../db/users.repository.ts';
import { grantRole } from '../domain/grant-role.ts';
import { isErased } from '../db/erased-partners.repository.ts';
import type { IdentityContext } from '../domain/identity-context.ts';

export const GRANT_PARTNER_ROLE_DURABLE = 'identity-grant-partner-role';
const SUBJECT = 'partners.partner.registered.v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * partners.partner.registered.v1 → the owner gets the 'partner' role. The bus records the
 * event id in identity's inbox in this same transaction, and grantRole is a no-op for a role
 * already held, so duplicate deliveries and replays grant it (and announce it) once.
 */
export function registerPartnerRegisteredHandler(bus: EventBus, ctx: IdentityContext): void {
  bus.handle({
    durable: GRANT_PARTNER_ROLE_DURABLE,
    subject: SUBJECT,
    handler: (tx, envelope) => grantPartnerRole(ctx, tx, envelope),
  });
}

async function grantPartnerRole(ctx: IdentityContext, tx: Tx, envelope: EventEnvelope): Promise<void> {
  const payload = decode(envelope);
  const owner = UUID.test(payload.ownerUserId)
    ? await findUserById(tx, payload.ownerUserId, { forUpdate: true })
    : undefined;
  // Retrying cannot make an unknown user appear: dead-letter it for an admin to look at.
  if (!owner) throw new PermanentEventError(`partner ${payload.partnerId}: owner ${payload.ownerUserId} is not a user`);
  if (owner.status !== 'active') return; // erased meanwhile; nobody to grant the role to
  if (await isErased(tx, payload.partnerId)) return; // the partner was erased before this arrived
  await grantRole(ctx, tx, {
    userId: owner.id,
    role: 'partner',
    partnerId: payload.partnerId,
    cause: envelope.id,
    correlationId: envelope.correlationId,
  });
}

function decode(envelope: EventEnvelope) {
  try {
    return decodeEventPayload(SUBJECT, envelope.payload as JsonValue);
  } catch (error) {
    throw new PermanentEventError(`invalid ${SUBJECT} payload: ${(error as Error).message}`);
  }
}
