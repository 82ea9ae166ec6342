import { defineHandler } from '@tourconnect/events';
import type { IdentityContext } from '../domain/context.ts';
import { revokeMemberRole } from '../domain/partner-role.ts';

/** partners.member.removed.v1 → the member no longer acts for that partner. */
export function memberRemovedHandler(ctx: IdentityContext) {
  return defineHandler({
    subject: 'partners.member.removed.v1',
    durable: 'identity-member-removed',
    async handle(tx, payload, envelope) {
      await revokeMemberRole(ctx, tx, {
        userId: payload.userId,
        partnerId: payload.partnerId,
        cause: envelope.id,
        correlationId: envelope.correlationId,
      });
    },
  });
}
