import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { recordPartnerDeleted } from '../domain/partner-projection.ts';

/** partners.partner.deleted.v1 → the partner is gone: a 'deleted' row without members. */
export function partnerDeletedHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.partner.deleted.v1',
    durable: 'bundling-partner-deleted',
    handle: (tx, payload, envelope) =>
      recordPartnerDeleted(tx, { partnerId: payload.partnerId, at: new Date(envelope.occurredAt) }),
  });
}
