import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { recordPartnerStatus } from '../domain/partner-projection.ts';

/** partners.partner.submitted.v1 → pending review: no badge and nothing sold until the admin decides. */
export function partnerSubmittedHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.submitted.v1',
    durable: 'bundling-partner-submitted',
    handle: (tx, payload, envelope) =>
      recordPartnerStatus(tx, {
        partnerId: payload.partnerId,
        name: payload.name,
        type: payload.type,
        status: 'pending_review',
        at: new Date(envelope.occurredAt),
      }),
  });
}
