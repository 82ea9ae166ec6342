import { defineHandler, type HandlerDefinition } from '@tourconnect/events';
import type { BundlingContext } from '../domain/context.ts';
import { recordMemberJoined } from '../domain/partner-projection.ts';

/** partners.member.joined.v1 → the user acts for that partner with that role (the newest membership wins). */
export function memberJoinedHandler(_ctx: BundlingContext): HandlerDefinition {
  return defineHandler({
    subject: 'partners.member.joined.v1',
    durable: 'bundling-member-joined',
    handle: (tx, payload, envelope) =>
      recordMemberJoined(tx, {
        partnerId: payload.partnerId,
        userId: payload.userId,
        role: payload.role,
        at: new Date(envelope.occurredAt),
      }),
  });
}
