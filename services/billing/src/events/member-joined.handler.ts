import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BillingContext } from '../domain/context.ts';
import { recordMemberJoined } from '../domain/partner-projection.ts';

/** partners.member.joined.v1 → the user acts for that partner with that role (the newest membership wins). */
export function memberJoinedHandler(_ctx: BillingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.member.joined.v1',
    durable: 'billing-member-joined',
    handle: (tx, payload, envelope) =>
      recordMemberJoined(tx, {
        partnerId: payload.partnerId,
        userId: payload.userId,
        role: payload.role,
        at: new Date(envelope.occurredAt),
      }),
  });
}
