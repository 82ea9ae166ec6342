import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { erasePartnerData } from '../domain/partner-erasure.ts';

/**
 * partners.partner.deletion_requested.v1 → nothing of the partner is sold any more, bundling
 * erases what it holds and confirms with bundling.partner_data.erased.v1.
 */
export function partnerDeletionRequestedHandler(ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.deletion_requested.v1',
    durable: 'bundling-partner-deletion-requested',
    handle: async (tx, payload, envelope) => {
      await erasePartnerData(ctx, tx, {
        partnerId: payload.partnerId,
        requestId: payload.requestId,
        requestedByUserId: payload.requestedByUserId,
        at: new Date(envelope.occurredAt),
        correlationId: envelope.correlationId,
      });
    },
  });
}
