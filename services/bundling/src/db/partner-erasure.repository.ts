import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@tourconnect/db';
import {
  bookingHolds,
  campaignClicks,
  campaignDailySpend,
  campaigns,
  images,
  items,
  packageBookings,
  packageItems,
  packages,
} from './schema.ts';

/**
 * The statements of a partner's GDPR erasure in bundling (domain/partner-erasure.ts says what
 * goes and what stays). Each is idempotent: a second run finds nothing left to do.
 */

/** Blob keys of every image of the partner (its items' and its packages'). */
export async function partnerImageKeys(tx: Tx, partnerId: string): Promise<string[]> {
  const rows = await tx.select({ key: images.storageKey }).from(images).where(eq(images.partnerId, partnerId));
  return rows.map((row) => row.key);
}

export async function deletePartnerImages(tx: Tx, partnerId: string): Promise<number> {
  return (await tx.delete(images).where(eq(images.partnerId, partnerId)).returning({ id: images.id })).length;
}

/**
 * The partner's packages that bookings name are kept (archived, without their texts): a booking
 * is a financial record. The others are deleted (their package_items go with them).
 */
// Rows already archived without texts are not counted again by a second request.
export async function erasePartnerPackages(tx: Tx, partnerId: string): Promise<{ deleted: number; kept: number }> {
  const booked = sql`EXISTS (SELECT 1 FROM ${packageBookings} WHERE ${packageBookings.packageId} = ${packages.id})`;
  const kept = await tx
    .update(packages)
    .set({ status: 'archived', translations: {}, tags: [], updatedAt: new Date() })
    .where(
      and(
        eq(packages.partnerId, partnerId),
        booked,
        sql`NOT (${packages.status} = 'archived' AND ${packages.translations} = '{}'::jsonb)`,
      ),
    )
    .returning({ id: packages.id });
  const deleted = await tx
    .delete(packages)
    .where(and(eq(packages.partnerId, partnerId), sql`NOT ${booked}`))
    .returning({ id: packages.id });
  return { deleted: deleted.length, kept: kept.length };
}

/**
 * The partner's items that a booking holds or another partner's package names are kept
 * (archived, without their texts), so those records stay whole; the others are deleted with
 * their availability.
 */
export async function erasePartnerItems(tx: Tx, partnerId: string): Promise<{ deleted: number; kept: number }> {
  const referenced = sql`(
    EXISTS (SELECT 1 FROM ${bookingHolds} WHERE ${bookingHolds.itemId} = ${items.id})
    OR EXISTS (SELECT 1 FROM ${packageItems} WHERE ${packageItems.itemId} = ${items.id})
  )`;
  const kept = await tx
    .update(items)
    .set({ status: 'archived', translations: {}, tags: [], updatedAt: new Date() })
    .where(
      and(
        eq(items.partnerId, partnerId),
        referenced,
        sql`NOT (${items.status} = 'archived' AND ${items.translations} = '{}'::jsonb)`,
      ),
    )
    .returning({ id: items.id });
  const deleted = await tx
    .delete(items)
    .where(and(eq(items.partnerId, partnerId), sql`NOT ${referenced}`))
    .returning({ id: items.id });
  return { deleted: deleted.length, kept: kept.length };
}

/**
 * The partner's sponsored campaigns with their per-day figures and their clicks, all deleted:
 * advertising, not a financial record (each charged click already went to billing as
 * bundling.campaign.click_charged.v1, and billing keeps the spend on the partner's statement).
 */
export async function erasePartnerCampaigns(
  tx: Tx,
  partnerId: string,
): Promise<{ campaigns: number; spendDays: number; clicks: number }> {
  const own = tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.partnerId, partnerId));
  const clicks = await tx
    .delete(campaignClicks)
    .where(inArray(campaignClicks.campaignId, own))
    .returning({ id: campaignClicks.id });
  const spendDays = await tx
    .delete(campaignDailySpend)
    .where(inArray(campaignDailySpend.campaignId, own))
    .returning({ day: campaignDailySpend.day });
  const deleted = await tx.delete(campaigns).where(eq(campaigns.partnerId, partnerId)).returning({ id: campaigns.id });
  return { campaigns: deleted.length, spendDays: spendDays.length, clicks: clicks.length };
}
