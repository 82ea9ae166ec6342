import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { erasePartnerData } from '../domain/partner-erasure.ts';

/**
 * partners.partner.deletion_requested.v1 → billing erases what it may (members, the partner's
 * name), keeps money records for legal retention and confirms with billing.partner_data.erased.v1.
 */
export function partnerDeletionRequestedHandler(ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.deletion_requested.v1',
    durable: 'billing-partner-deletion-requested',
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
