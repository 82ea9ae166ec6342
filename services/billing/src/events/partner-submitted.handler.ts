import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordPartnerStatus } from '../domain/partner-projection.ts';

/** partners.partner.submitted.v1 → pending review: not verified, so no Connect onboarding until the admin decides. */
export function partnerSubmittedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.submitted.v1',
    durable: 'billing-partner-submitted',
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
