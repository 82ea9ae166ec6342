import type { Tx } from '@tourconnect/db';
import { removeMember, removePartnerMembers, upsertMember } from '../db/members.repository.ts';
import { applyPartnerFacts, type PartnerFacts } from '../db/partners.repository.ts';

/**
 * billing's read model of partners and their members, from partners' events: who may onboard
 * to Connect and read a partner's money (members), and the details invoices print (legal name,
 * VAT id, country). Every change is an upsert guarded by the event's time, so a redelivered or
 * late event does no harm (habit 5); the inbox makes each event count once (habit 8).
 */

export interface PartnerStatusFacts {
  partnerId: string;
  status: string;
  name?: string;
  type?: string;
  legal?: PartnerFacts['legal'];
  /** The event's occurredAt. */
  at: Date;
}

const blankToNull = (value: string | undefined) => (value ? value : null);

/** The partner is now in `status` (verified only when the status is 'verified'). */
export async function recordPartnerStatus(tx: Tx, facts: PartnerStatusFacts): Promise<void> {
  await applyPartnerFacts(tx, {
    id: facts.partnerId,
    name: facts.name ?? '',
    type: facts.type ?? '',
    status: facts.status,
    verified: facts.status === 'verified',
    ...(facts.legal ? { legal: facts.legal } : {}),
    at: facts.at,
  });
}

/** Verified (approval or reinstatement), with the invoice details the event carries. */
export async function recordPartnerVerified(
  tx: Tx,
  event: {
    partnerId: string;
    name: string;
    type: string;
    legalName?: string;
    vatId?: string;
    country?: string;
    at: Date;
  },
): Promise<void> {
  await recordPartnerStatus(tx, {
    partnerId: event.partnerId,
    name: event.name,
    type: event.type,
    status: 'verified',
    legal: {
      legalName: blankToNull(event.legalName),
      vatId: blankToNull(event.vatId),
      country: blankToNull(event.country),
    },
    at: event.at,
  });
}

/** A new partner (draft), with the user who registered it as its owner. */
export async function recordPartnerRegistered(
  tx: Tx,
  event: { partnerId: string; ownerUserId: string; name: string; type: string; at: Date },
): Promise<void> {
  await recordPartnerStatus(tx, { ...event, status: 'draft' });
  await upsertMember(tx, { userId: event.ownerUserId, partnerId: event.partnerId, role: 'owner', at: event.at });
}

/** The partner is erased at partners too: it stays as a 'deleted' row (money records name it), with no member left. */
export async function recordPartnerDeleted(tx: Tx, event: { partnerId: string; at: Date }): Promise<void> {
  await recordPartnerStatus(tx, { partnerId: event.partnerId, status: 'deleted', at: event.at });
  await removePartnerMembers(tx, event.partnerId);
}

/** The owner handed the partner over: the new owner owns it, the former one stays as a manager. */
export async function recordOwnerChanged(
  tx: Tx,
  event: { partnerId: string; ownerUserId: string; previousOwnerUserId: string; at: Date },
): Promise<void> {
  await upsertMember(tx, { userId: event.ownerUserId, partnerId: event.partnerId, role: 'owner', at: event.at });
  if (event.previousOwnerUserId !== event.ownerUserId)
    await upsertMember(tx, {
      userId: event.previousOwnerUserId,
      partnerId: event.partnerId,
      role: 'manager',
      at: event.at,
    });
}

export async function recordMemberJoined(
  tx: Tx,
  event: { partnerId: string; userId: string; role: string; at: Date },
): Promise<void> {
  await upsertMember(tx, event);
}

export async function recordMemberRemoved(tx: Tx, event: { partnerId: string; userId: string; at: Date }) {
  await removeMember(tx, event);
}
