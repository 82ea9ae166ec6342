import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { recordPartnerStatus } from '../domain/partner-projection.ts';

/** partners.partner.suspended.v1 → suspended: badge gone, its published items and packages no longer sold. */
export function partnerSuspendedHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.suspended.v1',
    durable: 'bundling-partner-suspended',
    handle: (tx, payload, envelope) =>
      recordPartnerStatus(tx, { partnerId: payload.partnerId, status: 'suspended', at: new Date(envelope.occurredAt) }),
  });
}
