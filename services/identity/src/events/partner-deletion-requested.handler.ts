import { defineHandler } from '@tourconnect/events';
import type { IdentityContext } from '../domain/context.ts';
import { erasePartnerData } from '../domain/erase-partner-data.ts';

/** partners.partner.deletion_requested.v1 → identity erases what it holds about the partner and confirms. */
export function partnerDeletionRequestedHandler(ctx: IdentityContext) {
  return defineHandler({
    subject: 'partners.partner.deletion_requested.v1',
    // Named before the <service>-<entity>-<verb> pattern; it is a deployed NATS consumer, so it stays.
    durable: 'identity-partner-erasure',
    async handle(tx, payload, envelope) {
      await erasePartnerData(ctx, tx, {
        partnerId: payload.partnerId,
        requestId: payload.requestId,
        requestedByUserId: payload.requestedByUserId,
        cause: envelope.id,
        correlationId: envelope.correlationId,
      });
    },
  });
}
