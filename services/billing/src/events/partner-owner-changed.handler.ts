import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordOwnerChanged } from '../domain/partner-projection.ts';

/** partners.partner.owner_changed.v1 → the new owner owns the partner, the former one stays as a manager. */
export function partnerOwnerChangedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.owner_changed.v1',
    durable: 'billing-partner-owner-changed',
    handle: (tx, payload, envelope) =>
      recordOwnerChanged(tx, {
        partnerId: payload.partnerId,
        ownerUserId: payload.ownerUserId,
        previousOwnerUserId: payload.previousOwnerUserId,
        at: new Date(envelope.occurredAt),
      }),
  });
}
