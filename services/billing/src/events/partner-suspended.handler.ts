import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordPartnerStatus } from '../domain/partner-projection.ts';

/** partners.partner.suspended.v1 → suspended: not verified (no new onboarding); money already owed is still paid. */
export function partnerSuspendedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.suspended.v1',
    durable: 'billing-partner-suspended',
    handle: (tx, payload, envelope) =>
      recordPartnerStatus(tx, { partnerId: payload.partnerId, status: 'suspended', at: new Date(envelope.occurredAt) }),
  });
}
