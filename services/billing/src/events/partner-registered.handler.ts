import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordPartnerRegistered } from '../domain/partner-projection.ts';

/** partners.partner.registered.v1 → a draft partner in billing's projection, its owner a member. */
export function partnerRegisteredHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.registered.v1',
    durable: 'billing-partner-registered',
    handle: (tx, payload, envelope) =>
      recordPartnerRegistered(tx, {
        partnerId: payload.partnerId,
        ownerUserId: payload.ownerUserId,
        name: payload.name,
        type: payload.type,
        at: new Date(envelope.occurredAt),
      }),
  });
}
