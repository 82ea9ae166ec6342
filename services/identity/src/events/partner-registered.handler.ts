import { defineHandler, PermanentEventError } from '@tourconnect/events';
import type { IdentityContext } from '../domain/context.ts';
import { recordOwner } from '../domain/partner-ownership.ts';
import { grantOwnerRole } from '../domain/partner-role.ts';

/**
 * partners.partner.registered.v1 → the owner gets the 'partner' role and is remembered as the
 * partner's owner (see partner-ownership.ts). The bus records the
 * event id in identity's inbox in the same transaction, and a role already held is not granted
 * (or announced) again, so duplicate deliveries and replays change nothing.
 */
export function partnerRegisteredHandler(ctx: IdentityContext) {
  return defineHandler({
    subject: 'partners.partner.registered.v1',
    durable: 'identity-grant-partner-role',
    async handle(tx, payload, envelope) {
      const outcome = await grantOwnerRole(ctx, tx, {
        userId: payload.ownerUserId,
        partnerId: payload.partnerId,
        cause: envelope.id,
        correlationId: envelope.correlationId,
      });
      // Retrying cannot make an unknown user appear: dead-letter it for an admin to look at.
      if (outcome === 'unknown_user')
        throw new PermanentEventError(`partner ${payload.partnerId}: owner ${payload.ownerUserId} is not a user`);
      // Identity also remembers the owner: their account cannot be deleted while the partner lives.
      await recordOwner(tx, {
        partnerId: payload.partnerId,
        ownerUserId: payload.ownerUserId,
        occurredAt: envelope.occurredAt,
      });
    },
  });
}
