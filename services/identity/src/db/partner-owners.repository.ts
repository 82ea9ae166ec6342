import { and, eq, notExists, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { erasedPartners, partnerOwners } from './schema.ts';

/**
 * Records `ownerUserId` as the owner of `partnerId` as of `at` (the announcing event's time).
 * An announcement older than the one recorded changes nothing, so owner events arriving out of
 * order on their separate consumers settle on the newest owner. Returns whether it changed.
 */
export async function recordPartnerOwner(
  ex: Executor,
  owner: { partnerId: string; ownerUserId: string; at: Date },
): Promise<boolean> {
  const rows = await ex
    .insert(partnerOwners)
    .values({ partnerId: owner.partnerId, ownerUserId: owner.ownerUserId, changedAt: owner.at })
    .onConflictDoUpdate({
      target: partnerOwners.partnerId,
      set: { ownerUserId: owner.ownerUserId, changedAt: owner.at },
      setWhere: sql`${partnerOwners.changedAt} <= ${owner.at}`,
    })
    .returning({ partnerId: partnerOwners.partnerId });
  return rows.length > 0;
}

/**
 * A partner the user owns that is still live (not erased, nor being erased), if any: such an
 * owner cannot delete their account before handing the partner over or deleting it.
 */
export async function livePartnerOwnedBy(ex: Executor, userId: string): Promise<string | undefined> {
  const [row] = await ex
    .select({ partnerId: partnerOwners.partnerId })
    .from(partnerOwners)
    .where(
      and(
        eq(partnerOwners.ownerUserId, userId),
        notExists(
          ex
            .select({ one: sql`1` })
            .from(erasedPartners)
            .where(eq(erasedPartners.partnerId, partnerOwners.partnerId)),
        ),
      ),
    )
    .limit(1);
  return row?.partnerId;
}

/** An erased partner has no owner left to protect (identity keeps no link to it). */
export async function forgetPartnerOwner(ex: Executor, partnerId: string): Promise<void> {
  await ex.delete(partnerOwners).where(eq(partnerOwners.partnerId, partnerId));
}
