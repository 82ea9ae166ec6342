import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordPartnerStatus } from '../domain/partner-projection.ts';

/** partners.partner.rejected.v1 → rejected: not verified. */
export function partnerRejectedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.rejected.v1',
    durable: 'billing-partner-rejected',
    handle: (tx, payload, envelope) =>
      recordPartnerStatus(tx, { partnerId: payload.partnerId, status: 'rejected', at: new Date(envelope.occurredAt) }),
  });
}
