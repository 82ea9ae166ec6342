import {
  documentSlots,
  requiredDocuments,
  type DocumentKind,
  type MyPartner,
  type PartnerType,
} from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { findMembership, type Membership } from '../db/members.repository.ts';
import { runAutomatedChecks } from './automated-checks.ts';
import { partnerNotFound, roleForbidden } from './partners-errors.ts';
import { toPartner } from './partner-view.ts';
import { memberMay, type MemberAction } from './status.ts';

export type { Membership } from '../db/members.repository.ts';

/**
 * Every partner-scoped use case starts here: the caller's partner comes from the caller's own
 * membership, never from an id in the request, so one partner's member cannot reach another's
 * resources (IDOR) — and a role lacking `action` is refused.
 */
export async function requireMembership(
  executor: Executor,
  callerId: string,
  action: MemberAction,
  options: { forUpdate?: boolean } = {},
): Promise<Membership> {
  const membership = await findMembership(executor, callerId, options);
  if (!membership || membership.partner.status === 'deleted') throw partnerNotFound();
  if (!memberMay(membership.role, action)) throw roleForbidden(action);
  return membership;
}

/** The partner as its member sees it: profile, role, what to upload and the checks. */
export async function myPartnerView(executor: Executor, membership: Membership): Promise<MyPartner> {
  const { status } = membership.partner;
  return {
    partner: toPartner(membership.partner),
    role: membership.role,
    soleOwner: membership.role === 'owner' && status !== 'deletion_requested' && status !== 'deleted',
    requiredDocuments: [...requiredDocuments[membership.partner.type]],
    documentSlots: slotsOf(membership.partner.type),
    checks: await runAutomatedChecks(executor, membership.partner),
  };
}

/** The document slots a partner of this type is shown, required ones first. */
export function slotsOf(type: PartnerType): DocumentKind[] {
  const required = requiredDocuments[type];
  return [...required, ...documentSlots[type].filter((kind) => !required.includes(kind))];
}
