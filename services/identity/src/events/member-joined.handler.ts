import { defineHandler, PermanentEventError } from '@tourconnect/events';
import type { IdentityContext } from '../domain/context.ts';
import { grantMemberRole } from '../domain/partner-role.ts';

/** partners.member.joined.v1 → the member acts for that partner (the 'partner' role follows the newest membership). */
export function memberJoinedHandler(ctx: IdentityContext) {
  return defineHandler({
    subject: 'partners.member.joined.v1',
    durable: 'identity-member-joined',
    async handle(tx, payload, envelope) {
      const outcome = await grantMemberRole(ctx, tx, {
        userId: payload.userId,
        partnerId: payload.partnerId,
        cause: envelope.id,
        correlationId: envelope.correlationId,
      });
      // Retrying cannot make an unknown user appear: dead-letter it for an admin to look at.
      if (outcome === 'unknown_user')
        throw new PermanentEventError(`partner ${payload.partnerId}: member ${payload.userId} is not a user`);
    },
  });
}
