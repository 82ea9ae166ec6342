import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { recordPartnerStatus } from '../domain/partner-projection.ts';

/** partners.partner.deletion_requested.v1 → nothing of the partner is sold any more. */
export function partnerDeletionRequestedHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.deletion_requested.v1',
    durable: 'bundling-partner-deletion-requested',
    handle: (tx, payload, envelope) =>
      recordPartnerStatus(tx, {
        partnerId: payload.partnerId,
        status: 'deletion_requested',
        at: new Date(envelope.occurredAt),
      }),
  });
}
