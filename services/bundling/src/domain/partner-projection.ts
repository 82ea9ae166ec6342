import type { PartnerStatus } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { removeMember, removePartnerMembers, upsertMember } from '../db/members.repository.ts';
import { applyPartnerFacts } from '../db/partners-projection.repository.ts';

/**
 * bundling's read model of partners and their members, from partners' events. Every change is
 * an upsert guarded by the event's time, so a redelivered or late event does no harm (habit 5).
 */

export type ProjectedStatus = PartnerStatus;

export interface PartnerEventFacts {
  partnerId: string;
  status: ProjectedStatus;
  name?: string;
  type?: string;
  /** The event's occurredAt. */
  at: Date;
}

/** The partner is now in `status` (verified only when the status is 'verified'). */
export async function recordPartnerStatus(tx: Tx, facts: PartnerEventFacts): Promise<void> {
  await applyPartnerFacts(tx, {
    id: facts.partnerId,
    name: facts.name ?? '',
    type: facts.type ?? '',
    status: facts.status,
    verified: facts.status === 'verified',
    at: facts.at,
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

/** The partner is erased at partners too: it stays as a 'deleted' row, with no member left. */
export async function recordPartnerDeleted(tx: Tx, event: { partnerId: string; at: Date }): Promise<void> {
  await recordPartnerStatus(tx, { partnerId: event.partnerId, status: 'deleted', at: event.at });
  await removePartnerMembers(tx, event.partnerId);
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
