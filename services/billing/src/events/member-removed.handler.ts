import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordMemberRemoved } from '../domain/partner-projection.ts';

/** partners.member.removed.v1 → the user no longer acts for that partner. */
export function memberRemovedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.member.removed.v1',
    durable: 'billing-member-removed',
    handle: (tx, payload, envelope) =>
      recordMemberRemoved(tx, {
        partnerId: payload.partnerId,
        userId: payload.userId,
        at: new Date(envelope.occurredAt),
      }),
  });
}
