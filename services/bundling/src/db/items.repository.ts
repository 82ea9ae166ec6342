import { and, asc, count, desc, eq, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { CatalogueStatus, ItemKind } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { availability, items, partners } from './schema.ts';

export type ItemRow = typeof items.$inferSelect;
export type NewItemRow = typeof items.$inferInsert;
export type ItemChanges = Partial<Omit<NewItemRow, 'id' | 'partnerId' | 'kind' | 'currency' | 'createdAt'>>;

/** The item's partner as the projection knows it ('' / false when not projected yet). */
export interface ItemPartner {
  name: string;
  verified: boolean;
  status: string;
}

export interface ItemWithPartner {
  item: ItemRow;
  partner: ItemPartner;
}

const partnerColumns = {
  name: sql<string>`coalesce(${partners.name}, '')`,
  verified: sql<boolean>`coalesce(${partners.verified}, false)`,
  status: sql<string>`coalesce(${partners.status}, '')`,
};

export async function insertItem(db: Executor, row: NewItemRow): Promise<ItemRow> {
  const [created] = await db.insert(items).values(row).returning();
  return created!;
}

/** The item with its partner; `forUpdate` locks the item row until the transaction ends. */
export async function findItem(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ItemWithPartner | undefined> {
  if (options.forUpdate) {
    const locked = await db.select({ id: items.id }).from(items).where(eq(items.id, id)).for('update');
    if (locked.length === 0) return undefined;
  }
  const [row] = await db
    .select({ item: items, partner: partnerColumns })
    .from(items)
    .leftJoin(partners, eq(partners.id, items.partnerId))
    .where(eq(items.id, id))
    .limit(1);
  return row;
}

export async function updateItem(db: Executor, id: string, changes: ItemChanges): Promise<ItemRow> {
  const [row] = await db
    .update(items)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(items.id, id))
    .returning();
  return row!;
}

export interface ItemFilter {
  kind?: ItemKind | undefined;
  status?: CatalogueStatus | undefined;
  limit: number;
  offset: number;
}

async function pageOf(db: Executor, where: SQL | undefined, filter: ItemFilter, order: 'created' | 'published') {
  const [total] = await db
    .select({ n: count() })
    .from(items)
    .leftJoin(partners, eq(partners.id, items.partnerId))
    .where(where);
  const rows = await db
    .select({ item: items, partner: partnerColumns })
    .from(items)
    .leftJoin(partners, eq(partners.id, items.partnerId))
    .where(where)
    .orderBy(order === 'created' ? desc(items.createdAt) : desc(items.publishedAt), asc(items.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return { rows, total: total?.n ?? 0 };
}

/** A partner's own items, newest first. */
export function listPartnerItems(db: Executor, partnerId: string, filter: ItemFilter) {
  return pageOf(
    db,
    and(
      eq(items.partnerId, partnerId),
      filter.kind ? eq(items.kind, filter.kind) : undefined,
      filter.status ? eq(items.status, filter.status) : undefined,
    ),
    filter,
    'created',
  );
}

/**
 * Published items other partners may bundle: with bundle terms, of a verified partner other
 * than `exceptPartnerId`, most recently published first.
 */
export function listBundleableItems(db: Executor, exceptPartnerId: string, filter: ItemFilter) {
  return pageOf(
    db,
    and(
      eq(items.status, 'published'),
      isNotNull(items.bundleTerms),
      ne(items.partnerId, exceptPartnerId),
      eq(partners.verified, true),
      eq(partners.status, 'verified'),
      filter.kind ? eq(items.kind, filter.kind) : undefined,
    ),
    filter,
    'published',
  );
}

/** Whether any availability row exists for the item (its capacity model is then fixed). */
export async function itemHasAvailability(db: Executor, itemId: string): Promise<boolean> {
  const rows = await db
    .select({ id: availability.id })
    .from(availability)
    .where(eq(availability.itemId, itemId))
    .limit(1);
  return rows.length > 0;
}
