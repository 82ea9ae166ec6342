import { eq } from 'drizzle-orm';
import { requiredDocuments, type MyPartner } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { findMembership, type Membership } from '../db/partners.repository.ts';
import { members } from '../db/schema.ts';
import { runAutomatedChecks } from './automated-checks.ts';
import { partnerNotFound, roleForbidden } from './partner-errors.ts';
import { toPartner } from './partner-view.ts';
import { memberMay, type MemberAction } from './status.ts';

/**
 * Every partner-scoped route starts here: the caller's partner comes from the caller's own
 * membership, never from an id in the request, so one partner's member cannot reach another's
 * resources (IDOR) — and a role lacking `action` is refused.
 */
export async function requireMembership(
  executor: Executor,
  userId: string,
  action: MemberAction,
  options: { forUpdate?: boolean } = {},
): Promise<Membership> {
  const membership = await findMembership(executor, userId, options);
  if (!membership || membership.partner.status === 'deleted') throw partnerNotFound();
  if (!memberMay(membership.role, action)) throw roleForbidden(action);
  return membership;
}

export async function myPartnerView(executor: Executor, membership: Membership): Promise<MyPartner> {
  return {
    partner: toPartner(membership.partner),
    role: membership.role,
    requiredDocuments: [...requiredDocuments[membership.partner.type]],
    checks: await runAutomatedChecks(executor, membership.partner),
  };
}

/** The user ids to notify live about a change to this partner. */
export async function memberUserIds(executor: Executor, partnerId: string): Promise<string[]> {
  const rows = await executor.select({ userId: members.userId }).from(members).where(eq(members.partnerId, partnerId));
  return rows.map((row) => row.userId);
}
