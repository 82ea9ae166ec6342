import { and, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { members, partners } from './schema.ts';

export interface MembershipRow {
  partnerId: string;
  role: string;
  verified: boolean | null;
  status: string | null;
  country: string | null;
}

/** The user's membership joined with the partner's projected status (null when not yet projected). */
export async function findMembership(db: Executor, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select({
      partnerId: members.partnerId,
      role: members.role,
      verified: partners.verified,
      status: partners.status,
      country: partners.country,
    })
    .from(members)
    .leftJoin(partners, eq(partners.id, members.partnerId))
    .where(eq(members.userId, userId))
    .limit(1);
  return row;
}

/** The user ids acting for the partner: the audience of its live events. */
export async function memberUserIds(db: Executor, partnerId: string): Promise<string[]> {
  const rows = await db.select({ userId: members.userId }).from(members).where(eq(members.partnerId, partnerId));
  return rows.map((row) => row.userId);
}

/**
 * The user acts for `partnerId` with `role` (a user belongs to one partner: the newest
 * membership wins). An event older than what the row already says changes nothing.
 */
export async function upsertMember(
  db: Executor,
  member: { userId: string; partnerId: string; role: string; at: Date },
): Promise<void> {
  await db
    .insert(members)
    .values({ userId: member.userId, partnerId: member.partnerId, role: member.role, updatedAt: member.at })
    .onConflictDoUpdate({
      target: members.userId,
      set: { partnerId: sql`excluded.partner_id`, role: sql`excluded.role`, updatedAt: sql`excluded.updated_at` },
      setWhere: sql`excluded.updated_at >= ${members.updatedAt}`,
    });
}

/** Ends the user's membership of `partnerId` (not a newer one of another partner). */
export async function removeMember(db: Executor, member: { userId: string; partnerId: string; at: Date }) {
  await db
    .delete(members)
    .where(
      and(
        eq(members.userId, member.userId),
        eq(members.partnerId, member.partnerId),
        lte(members.updatedAt, member.at),
      ),
    );
}

/** Every membership of a partner ends (the partner is erased); returns how many rows went. */
export async function removePartnerMembers(db: Executor, partnerId: string): Promise<number> {
  const rows = await db.delete(members).where(eq(members.partnerId, partnerId)).returning({ userId: members.userId });
  return rows.length;
}
