import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { images, partners } from './schema.ts';

export type ImageRow = typeof images.$inferSelect;
export type NewImageRow = typeof images.$inferInsert;

/** The images of these items, in their order. */
export async function imagesOfItems(db: Executor, itemIds: readonly string[]): Promise<Map<string, ImageRow[]>> {
  const byItem = new Map<string, ImageRow[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .select()
    .from(images)
    .where(inArray(images.itemId, [...new Set(itemIds)]))
    .orderBy(asc(images.position), asc(images.createdAt));
  for (const row of rows) {
    const list = byItem.get(row.itemId!) ?? [];
    list.push(row);
    byItem.set(row.itemId!, list);
  }
  return byItem;
}

export async function countItemImages(db: Executor, itemId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(images).where(eq(images.itemId, itemId));
  return row?.n ?? 0;
}

/** Appends an image after the item's last one. */
export async function insertItemImage(db: Executor, row: Omit<NewImageRow, 'position'>): Promise<ImageRow> {
  const [created] = await db
    .insert(images)
    .values({
      ...row,
      position: sql`(SELECT coalesce(max(${images.position}) + 1, 0) FROM ${images} WHERE ${images.itemId} = ${row.itemId})`,
    })
    .returning();
  return created!;
}

/** The item's image with this id (undefined for another item's). */
export async function findItemImage(db: Executor, itemId: string, imageId: string): Promise<ImageRow | undefined> {
  const [row] = await db
    .select()
    .from(images)
    .where(and(eq(images.id, imageId), eq(images.itemId, itemId)))
    .limit(1);
  return row;
}

export async function deleteImage(db: Executor, imageId: string): Promise<void> {
  await db.delete(images).where(eq(images.id, imageId));
}

/** An image with its partner's projected status ('' when not projected). */
export async function findPublicImage(
  db: Executor,
  imageId: string,
): Promise<{ image: ImageRow; partnerStatus: string } | undefined> {
  const [row] = await db
    .select({ image: images, partnerStatus: sql<string>`coalesce(${partners.status}, '')` })
    .from(images)
    .leftJoin(partners, eq(partners.id, images.partnerId))
    .where(eq(images.id, imageId))
    .limit(1);
  return row;
}

export async function countPackageImages(db: Executor, packageId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(images).where(eq(images.packageId, packageId));
  return row?.n ?? 0;
}

/** Appends an image after the package's last one. */
export async function insertPackageImage(
  db: Executor,
  row: Omit<NewImageRow, 'position' | 'itemId'> & { packageId: string },
): Promise<ImageRow> {
  const [created] = await db
    .insert(images)
    .values({
      ...row,
      position: sql`(SELECT coalesce(max(${images.position}) + 1, 0) FROM ${images} WHERE ${images.packageId} = ${row.packageId})`,
    })
    .returning();
  return created!;
}

/** The package's image with this id (undefined for another package's or an item's). */
export async function findPackageImage(
  db: Executor,
  packageId: string,
  imageId: string,
): Promise<ImageRow | undefined> {
  const [row] = await db
    .select()
    .from(images)
    .where(and(eq(images.id, imageId), eq(images.packageId, packageId)))
    .limit(1);
  return row;
}
