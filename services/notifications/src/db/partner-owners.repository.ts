import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { partnerOwners } from './schema.ts';

export type PartnerOwnerRow = typeof partnerOwners.$inferSelect;

/** Every partner event that names the owner and the name refreshes the row. */
export async function rememberPartnerOwner(
  tx: Executor,
  row: { partnerId: string; ownerUserId: string; name: string },
): Promise<void> {
  await tx
    .insert(partnerOwners)
    .values(row)
    .onConflictDoUpdate({
      target: partnerOwners.partnerId,
      set: { ownerUserId: row.ownerUserId, name: row.name, updatedAt: sql`now()` },
    });
}

/** The owner handed the partner to a member; undefined when the partner is not known (yet). */
export async function changePartnerOwner(
  tx: Executor,
  partnerId: string,
  ownerUserId: string,
): Promise<PartnerOwnerRow | undefined> {
  const [row] = await tx
    .update(partnerOwners)
    .set({ ownerUserId, updatedAt: sql`now()` })
    .where(eq(partnerOwners.partnerId, partnerId))
    .returning();
  return row;
}

export async function findPartnerOwner(db: Executor, partnerId: string): Promise<PartnerOwnerRow | undefined> {
  const [row] = await db.select().from(partnerOwners).where(eq(partnerOwners.partnerId, partnerId));
  return row;
}

export async function forgetPartnerOwner(tx: Executor, partnerId: string): Promise<void> {
  await tx.delete(partnerOwners).where(eq(partnerOwners.partnerId, partnerId));
}
