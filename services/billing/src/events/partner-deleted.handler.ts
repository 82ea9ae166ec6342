import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordPartnerDeleted } from '../domain/partner-projection.ts';

/** partners.partner.deleted.v1 → the partner is gone: a 'deleted' row (money records name its id) without members. */
export function partnerDeletedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.deleted.v1',
    durable: 'billing-partner-deleted',
    handle: (tx, payload, envelope) =>
      recordPartnerDeleted(tx, { partnerId: payload.partnerId, at: new Date(envelope.occurredAt) }),
  });
}
