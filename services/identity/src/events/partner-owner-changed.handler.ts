import { defineHandler } from '@tourconnect/events';
import { recordOwner } from '../domain/partner-ownership.ts';

/**
 * partners.partner.owner_changed.v1 → identity follows the partner's new owner, who may no longer
 * delete their account while the partner lives; the former owner (now a manager) may. Both stay
 * members, so no partner role changes. Redeliveries and late arrivals change nothing.
 */
export function partnerOwnerChangedHandler() {
  return defineHandler({
    subject: 'partners.partner.owner_changed.v1',
    durable: 'identity-partner-owner-changed',
    async handle(tx, payload, envelope) {
      await recordOwner(tx, {
        partnerId: payload.partnerId,
        ownerUserId: payload.ownerUserId,
        occurredAt: envelope.occurredAt,
      });
    },
  });
}
