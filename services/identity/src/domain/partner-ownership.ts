import type { Executor, Tx } from '@tourconnect/db';
import { forgetPartnerOwner, livePartnerOwnedBy, recordPartnerOwner } from '../db/partner-owners.repository.ts';
import { partnerOwnerAccount } from './identity-errors.ts';

/** An owner as partners announced it; `occurredAt` is the event's time (ISO-8601). */
export interface OwnerAnnouncement {
  partnerId: string;
  ownerUserId: string;
  occurredAt: string;
}

/**
 * Identity's view of who owns which partner, kept from partners.partner.registered.v1 and
 * partners.partner.owner_changed.v1. The newest announcement wins, whatever order the two
 * consumers deliver them in; redeliveries change nothing.
 */
export function recordOwner(tx: Tx, owner: OwnerAnnouncement): Promise<boolean> {
  return recordPartnerOwner(tx, {
    partnerId: owner.partnerId,
    ownerUserId: owner.ownerUserId,
    at: new Date(owner.occurredAt),
  });
}

/** A partner erased (or being erased) needs no owner any more. */
export function forgetOwner(tx: Tx, partnerId: string): Promise<void> {
  return forgetPartnerOwner(tx, partnerId);
}

/**
 * The owner of a live partner cannot delete their account (issue 11: no ownerless partner):
 * they hand the partner to another member first (they stay on as a manager, and may then
 * leave), or delete the partner. A partner being erased no longer counts.
 */
export async function refuseLivePartnerOwner(ex: Executor, userId: string): Promise<void> {
  if (await livePartnerOwnedBy(ex, userId)) throw partnerOwnerAccount();
}
