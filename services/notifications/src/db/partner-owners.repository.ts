import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import type { RecipientRow } from './recipients.repository.ts';
import { partnerOwners, recipients } from './schema.ts';

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

/**
 * The partner with its owner as a recipient, in one query: undefined when the partner is not
 * known (yet), `owner` undefined when its owner is not.
 */
export async function findPartnerWithOwner(
  db: Executor,
  partnerId: string,
): Promise<{ partner: PartnerOwnerRow; owner: RecipientRow | undefined } | undefined> {
  const [row] = await db
    .select({ partner: partnerOwners, owner: recipients })
    .from(partnerOwners)
    .leftJoin(recipients, eq(recipients.userId, partnerOwners.ownerUserId))
    .where(eq(partnerOwners.partnerId, partnerId));
  return row ? { partner: row.partner, owner: row.owner ?? undefined } : undefined;
}

export async function forgetPartnerOwner(tx: Executor, partnerId: string): Promise<void> {
  await tx.delete(partnerOwners).where(eq(partnerOwners.partnerId, partnerId));
}
