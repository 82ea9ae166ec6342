import { and, asc, eq } from 'drizzle-orm';
import type { MemberRole } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import type { PartnerRow } from './partners.repository.ts';
import { members, partners } from './schema.ts';

export type MemberRow = typeof members.$inferSelect;

export interface Membership {
  partner: PartnerRow;
  role: MemberRole;
}

/** The user's partner and role; `forUpdate` locks the partner row for a state change. */
export async function findMembership(
  executor: Executor,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Membership | undefined> {
  const query = executor
    .select({ partner: partners, role: members.role })
    .from(members)
    .innerJoin(partners, eq(partners.id, members.partnerId))
    .where(eq(members.userId, userId));
  // Locks the member row too, which also keeps a concurrent removal out until commit.
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export type NewMember = Pick<MemberRow, 'partnerId' | 'userId' | 'email' | 'role'>;

/**
 * Adds a member, or answers `user_has_partner` when the user already acts for a partner
 * (`members_user_uq`: two registrations or acceptances racing for one user both get here).
 */
export async function insertMember(
  executor: Executor,
  member: NewMember,
): Promise<{ ok: true } | { ok: false; reason: 'user_has_partner' }> {
  const inserted = await executor.insert(members).values(member).onConflictDoNothing().returning();
  return inserted.length ? { ok: true } : { ok: false, reason: 'user_has_partner' };
}

export async function listMembers(executor: Executor, partnerId: string): Promise<MemberRow[]> {
  return executor.select().from(members).where(eq(members.partnerId, partnerId)).orderBy(asc(members.joinedAt));
}

/** The user ids of a partner's members (who is notified live about a change). */
export async function memberUserIds(executor: Executor, partnerId: string): Promise<string[]> {
  const rows = await executor.select({ userId: members.userId }).from(members).where(eq(members.partnerId, partnerId));
  return rows.map((row) => row.userId);
}

export async function findMember(
  executor: Executor,
  partnerId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  const [row] = await executor
    .select()
    .from(members)
    .where(and(eq(members.partnerId, partnerId), eq(members.userId, userId)));
  return row;
}

export async function isMemberEmail(executor: Executor, partnerId: string, email: string): Promise<boolean> {
  const [row] = await executor
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.partnerId, partnerId), eq(members.email, email)));
  return !!row;
}

/** A user's membership row, locked (the user's erasure). */
export async function lockMemberOfUser(executor: Executor, userId: string): Promise<MemberRow | undefined> {
  const [row] = await executor.select().from(members).where(eq(members.userId, userId)).for('update');
  return row;
}

export async function setMemberRole(executor: Executor, partnerId: string, userId: string, role: MemberRole) {
  await executor
    .update(members)
    .set({ role })
    .where(and(eq(members.partnerId, partnerId), eq(members.userId, userId)));
}

export async function deleteMember(executor: Executor, partnerId: string, userId: string): Promise<void> {
  await executor.delete(members).where(and(eq(members.partnerId, partnerId), eq(members.userId, userId)));
}

export async function setMemberEmail(executor: Executor, partnerId: string, userId: string, email: string) {
  await executor
    .update(members)
    .set({ email })
    .where(and(eq(members.partnerId, partnerId), eq(members.userId, userId)));
}

/** Removes every member of a partner; answers how many there were. */
export async function deleteMembersOf(executor: Executor, partnerId: string): Promise<number> {
  const removed = await executor.delete(members).where(eq(members.partnerId, partnerId)).returning();
  return removed.length;
}
