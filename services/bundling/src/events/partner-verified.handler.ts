import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { recordPartnerStatus } from '../domain/partner-projection.ts';

/** partners.partner.verified.v1 (approval or reinstatement) → verified: the badge shows and published items sell. */
export function partnerVerifiedHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.verified.v1',
    durable: 'bundling-partner-verified',
    handle: (tx, payload, envelope) =>
      recordPartnerStatus(tx, {
        partnerId: payload.partnerId,
        name: payload.name,
        type: payload.type,
        status: 'verified',
        at: new Date(envelope.occurredAt),
      }),
  });
}
