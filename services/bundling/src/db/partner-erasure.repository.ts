import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@tourconnect/db';
import { bookingHolds, images, items, packageBookings, packageItems, packages } from './schema.ts';

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
