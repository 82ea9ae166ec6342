import { eq } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { members, partners } from './schema.ts';

export interface MembershipRow {
  partnerId: string;
  role: string;
  verified: boolean | null;
  status: string | null;
  name: string | null;
}

/** The user's membership joined with the partner's projected status (null when not yet projected). */
export async function findMembership(db: Executor, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select({
      partnerId: members.partnerId,
      role: members.role,
      verified: partners.verified,
      status: partners.status,
      name: partners.name,
    })
    .from(members)
    .leftJoin(partners, eq(partners.id, members.partnerId))
    .where(eq(members.userId, userId))
    .limit(1);
  return row;
}
