import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordPartnerVerified } from '../domain/partner-projection.ts';

/** partners.partner.verified.v1 → verified (it may onboard to Connect), with the legal name, VAT id and country invoices print. */
export function partnerVerifiedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.verified.v1',
    durable: 'billing-partner-verified',
    handle: (tx, payload, envelope) =>
      recordPartnerVerified(tx, {
        partnerId: payload.partnerId,
        name: payload.name,
        type: payload.type,
        legalName: payload.legalName,
        vatId: payload.vatId,
        country: payload.country,
        at: new Date(envelope.occurredAt),
      }),
  });
}
