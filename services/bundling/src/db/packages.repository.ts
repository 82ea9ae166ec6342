import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { CatalogueStatus } from '@tourconnect/contracts/http';
import type { Executor, Tx } from '@tourconnect/db';
import { auditLog, availability, images, items, packageItems, packages, partners, type PackageLine } from './schema.ts';

export type { PackageLine };
export type PackageRow = typeof packages.$inferSelect;
export type NewPackageRow = typeof packages.$inferInsert;
export type ItemRow = typeof items.$inferSelect;
export type AvailabilityRow = typeof availability.$inferSelect;
export type PackageImageRow = Pick<typeof images.$inferSelect, 'id' | 'position'>;

/** A partner as bundling's projection knows it (null name/status when not projected yet). */
export interface PartnerRef {
  id: string;
  name: string;
  verified: boolean;
  status: string;
}

/** An item with the projection of its partner, as a package line needs it. */
export interface LineItem extends ItemRow {
  partnerName: string;
  partnerVerified: boolean;
  /** The partner's projected status ('' when bundling has not heard of it yet). */
  partnerStatus: string;
  /** Whether the partner's Stripe account can receive payouts (false when not heard of). */
  partnerPayoutsReady?: boolean;
}

/** What an update may set: everything but the row's identity, owner and timestamps. */
export type PackageChanges = Partial<Omit<PackageRow, 'id' | 'partnerId' | 'createdAt' | 'updatedAt'>>;

export async function insertPackage(tx: Executor, values: NewPackageRow): Promise<PackageRow> {
  const [row] = await tx.insert(packages).values(values).returning();
  if (!row) throw new Error(`package ${values.id} was not inserted`);
  return row;
}

export async function findPackage(
  executor: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PackageRow | undefined> {
  const query = executor.select().from(packages).where(eq(packages.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * A package with its seller as bundling's projection knows it (undefined when not projected) and
 * whether the seller's Stripe account can receive payouts, in one round trip: what a booking
 * reads first.
 */
export async function findPackageWithSeller(
  executor: Executor,
  id: string,
): Promise<{ pkg: PackageRow; seller: PartnerRef | undefined; sellerPayoutsReady: boolean } | undefined> {
  const [row] = await preparedOn(packageWithSeller, executor).execute({ id });
  if (!row) return undefined;
  const seller =
    row.sellerId === null
      ? undefined
      : { id: row.sellerId, name: row.sellerName!, verified: row.sellerVerified!, status: row.sellerStatus! };
  return { pkg: row.pkg, seller, sellerPayoutsReady: row.sellerPayoutsReady === true };
}

/** The seller's columns beside a package (left join of partners). */
const sellerColumns = {
  sellerId: partners.id,
  sellerName: partners.name,
  sellerVerified: partners.verified,
  sellerStatus: partners.status,
  sellerPayoutsReady: partners.payoutsReady,
};

// The reads of every booking and quote, as named prepared statements: drizzle builds each query
// once per executor and PostgreSQL parses and plans it once per connection, not per request.
const packageWithSeller = (executor: Executor) =>
  executor
    .select({
      pkg: packages,
      ...sellerColumns,
    })
    .from(packages)
    .leftJoin(partners, eq(partners.id, packages.partnerId))
    .where(eq(packages.id, sql.placeholder('id')))
    .prepare('bundling_package_with_seller');

const lineItems = (executor: Executor) =>
  executor
    .select({
      item: items,
      partnerName: sql<string>`coalesce(${partners.name}, '')`,
      partnerVerified: sql<boolean>`coalesce(${partners.verified}, false)`,
      partnerStatus: sql<string>`coalesce(${partners.status}, '')`,
      partnerPayoutsReady: sql<boolean>`coalesce(${partners.payoutsReady}, false)`,
    })
    .from(items)
    .leftJoin(partners, eq(partners.id, items.partnerId))
    .where(sql`${items.id} = ANY(${sql.placeholder('ids')}::uuid[])`)
    .prepare('bundling_line_items');

const availabilityOnDays = (executor: Executor) =>
  executor
    .select()
    .from(availability)
    .where(
      sql`(${availability.itemId}, ${availability.date}) IN (SELECT * FROM unnest(${sql.placeholder('itemIds')}::uuid[], ${sql.placeholder('dates')}::date[]))`,
    )
    .orderBy(asc(availability.itemId), asc(availability.date), asc(availability.startTime))
    .prepare('bundling_availability_on');

/** What a booking reads before it writes: the package, its seller, its line items and their rows on the days. */
export interface BookingReads {
  pkg: PackageRow;
  seller: PartnerRef | undefined;
  sellerPayoutsReady: boolean;
  /**
   * The line items by id with their partners (as `findLineItems`) and their availability rows on
   * the days the lines use from the start date (as `availabilityOn`), read with the package.
   */
  lines: { items: Map<string, LineItem>; rows: AvailabilityRow[] };
}

type RawRow = Record<string, unknown>;

/**
 * `findPackageWithSeller`, `findLineItems` and `availabilityOn` of the package's lines from
 * `startDate`, as ONE prepared statement (one round trip, one snapshot, planned once per
 * connection): the package row with its seller, and the items and rows as two JSON arrays the
 * statement finds from the package's own lines. Their values are mapped by each column as
 * drizzle maps a select.
 */
export async function readForBooking(
  executor: Executor,
  packageId: string,
  startDate: string,
): Promise<BookingReads | undefined> {
  const [row] = await preparedOn(bookingReads, executor).execute({ id: packageId, date: startDate });
  if (!row) return undefined;
  const seller =
    row.sellerId === null
      ? undefined
      : { id: row.sellerId, name: row.sellerName!, verified: row.sellerVerified!, status: row.sellerStatus! };
  return {
    pkg: row.pkg,
    seller,
    sellerPayoutsReady: row.sellerPayoutsReady === true,
    lines: {
      items: new Map((row.items ?? []).map((raw) => [raw.id as string, lineItemOf(raw)])),
      rows: [...new Map((row.rows ?? []).map((raw) => [raw.id as string, fromRaw(availability, raw)])).values()],
    },
  };
}

// The lines' items and (item, day) pairs are joined LATERAL (OFFSET 0 keeps the planner from
// flattening them): one index lookup per line and per line-day, however large the tables, as
// the reads one by one did; duplicates (two lines of one item) are dropped by id afterwards.
// The pairs go through an array: unnest of an array the planner cannot see estimates 10 rows,
// where generate_series per line estimated thousands, priced the plan past `jit_above_cost`
// and sized hash tables for them (a DISTINCT here cost more than the three reads together).
const bookingReads = (executor: Executor) => {
  const pairs = sql`ARRAY(SELECT (e->>'itemId') || ' ' || (${sql.placeholder('date')}::date + (e->>'dayOffset')::int + k)
      FROM jsonb_array_elements(${packages.items}) e CROSS JOIN LATERAL generate_series(0, (e->>'days')::int - 1) k)`;
  return executor
    .select({
      pkg: packages,
      ...sellerColumns,
      items: sql<RawRow[] | null>`(SELECT json_agg(i)
          FROM jsonb_array_elements(${packages.items}) e
          CROSS JOIN LATERAL (
            SELECT it.*, coalesce(s.name, '') AS _partner_name, coalesce(s.verified, false) AS _partner_verified,
                   coalesce(s.status, '') AS _partner_status, coalesce(s.payouts_ready, false) AS _partner_payouts_ready
              FROM bundling.items it LEFT JOIN bundling.partners s ON s.id = it.partner_id
             WHERE it.id = (e->>'itemId')::uuid OFFSET 0) i)`,
      rows: sql<RawRow[] | null>`(SELECT json_agg(a ORDER BY a.item_id, a.date, a.start_time)
          FROM unnest(${pairs}) AS d(pair)
          CROSS JOIN LATERAL (
            SELECT * FROM bundling.availability av
             WHERE av.item_id = split_part(d.pair, ' ', 1)::uuid AND av.date = split_part(d.pair, ' ', 2)::date
            OFFSET 0) a)`,
    })
    .from(packages)
    .leftJoin(partners, eq(partners.id, packages.partnerId))
    .where(eq(packages.id, sql.placeholder('id')))
    .prepare('bundling_booking_reads');
};

/** A row of `table` from its JSON (column names as keys), mapped by each column as drizzle maps a select. */
function fromRaw<T extends PgTable>(table: T, raw: RawRow): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

function lineItemOf(raw: RawRow): LineItem {
  return {
    ...fromRaw(items, raw),
    partnerName: raw._partner_name as string,
    partnerVerified: raw._partner_verified as boolean,
    partnerStatus: raw._partner_status as string,
    partnerPayoutsReady: raw._partner_payouts_ready as boolean,
  };
}

const prepared = new WeakMap<object, WeakMap<Executor, unknown>>();

/** `build`'s prepared query on `executor`, built once per executor (a transaction's lives as long as it). */
function preparedOn<P>(build: (executor: Executor) => P, executor: Executor): P {
  let byExecutor = prepared.get(build);
  if (!byExecutor) prepared.set(build, (byExecutor = new WeakMap()));
  let query = byExecutor.get(executor) as P | undefined;
  if (!query) byExecutor.set(executor, (query = build(executor)));
  return query;
}

export async function updatePackageRow(executor: Executor, id: string, changes: PackageChanges): Promise<PackageRow> {
  const [row] = await executor
    .update(packages)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(packages.id, id))
    .returning();
  if (!row) throw new Error(`package ${id} vanished during an update`);
  return row;
}

/** Rewrites the package's item index ("which packages include my item") from its lines. */
export async function replacePackageItems(
  tx: Executor,
  packageId: string,
  lines: readonly { itemId: string; itemPartnerId: string }[],
): Promise<void> {
  await tx.delete(packageItems).where(eq(packageItems.packageId, packageId));
  const unique = [...new Map(lines.map((line) => [line.itemId, line])).values()];
  if (unique.length === 0) return;
  await tx
    .insert(packageItems)
    .values(unique.map((line) => ({ packageId, itemId: line.itemId, itemPartnerId: line.itemPartnerId })));
}

/** The items with these ids, with their partner's projected name and badge. */
export async function findLineItems(executor: Executor, ids: readonly string[]): Promise<Map<string, LineItem>> {
  if (ids.length === 0) return new Map();
  const rows = await preparedOn(lineItems, executor).execute({ ids: [...new Set(ids)] });
  return new Map(
    rows.map((r) => [
      r.item.id,
      {
        ...r.item,
        partnerName: r.partnerName,
        partnerVerified: r.partnerVerified,
        partnerStatus: r.partnerStatus,
        partnerPayoutsReady: r.partnerPayoutsReady,
      },
    ]),
  );
}

export async function findPartnerRefs(executor: Executor, ids: readonly string[]): Promise<Map<string, PartnerRef>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: partners.id, name: partners.name, verified: partners.verified, status: partners.status })
    .from(partners)
    .where(inArray(partners.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The availability rows of these items between two dates (inclusive), in one query, ordered by
 * item, date and start time. Reads through the caller's executor, so a booking transaction
 * sees its own writes.
 */
export async function availabilityBetween(
  executor: Executor,
  itemIds: readonly string[],
  from: string,
  to: string,
): Promise<AvailabilityRow[]> {
  if (itemIds.length === 0) return [];
  return executor
    .select()
    .from(availability)
    .where(
      and(
        inArray(availability.itemId, [...new Set(itemIds)]),
        gte(availability.date, from),
        lte(availability.date, to),
      ),
    )
    .orderBy(asc(availability.itemId), asc(availability.date), asc(availability.startTime));
}

/** The availability rows of these items on exactly these dates. */
export async function availabilityOn(
  executor: Executor,
  wanted: readonly { itemId: string; date: string }[],
): Promise<AvailabilityRow[]> {
  if (wanted.length === 0) return [];
  const days = [...new Map(wanted.map((w) => [`${w.itemId}|${w.date}`, w])).values()];
  return preparedOn(availabilityOnDays, executor).execute({
    itemIds: days.map((d) => d.itemId),
    dates: days.map((d) => d.date),
  });
}

export interface PackageFilter {
  partnerId?: string | undefined;
  statuses?: readonly CatalogueStatus[] | undefined;
  /** Only packages whose partner is verified (what travellers may see; as `isSellable`). */
  verifiedPartnerOnly?: boolean;
  page: number;
  pageSize: number;
}

/** One page of packages: a partner's own (newest first) or the public list (newest published first). */
export async function listPackageRows(
  executor: Executor,
  filter: PackageFilter,
  order: 'created' | 'published',
): Promise<{ rows: PackageRow[]; total: number }> {
  const where: (SQL | undefined)[] = [];
  if (filter.partnerId) where.push(eq(packages.partnerId, filter.partnerId));
  if (filter.statuses) where.push(inArray(packages.status, [...filter.statuses]));
  if (filter.verifiedPartnerOnly) {
    where.push(
      sql`EXISTS (SELECT 1 FROM ${partners} WHERE ${partners.id} = ${packages.partnerId} AND ${partners.verified} AND ${partners.status} = 'verified')`,
    );
  }
  const condition = and(...where);
  const orderBy =
    order === 'published'
      ? [desc(sql`coalesce(${packages.publishedAt}, ${packages.createdAt})`), desc(packages.id)]
      : [desc(packages.createdAt), desc(packages.id)];
  const [rows, [totals]] = await Promise.all([
    executor
      .select()
      .from(packages)
      .where(condition)
      .orderBy(...orderBy)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    executor.select({ total: count() }).from(packages).where(condition),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/** The images of these packages, in their order. */
export async function packageImages(
  executor: Executor,
  packageIds: readonly string[],
): Promise<Map<string, PackageImageRow[]>> {
  const result = new Map<string, PackageImageRow[]>();
  if (packageIds.length === 0) return result;
  const rows = await executor
    .select({ id: images.id, position: images.position, packageId: images.packageId })
    .from(images)
    .where(inArray(images.packageId, [...new Set(packageIds)]))
    .orderBy(asc(images.position), asc(images.createdAt));
  for (const row of rows) {
    const list = result.get(row.packageId!) ?? [];
    list.push({ id: row.id, position: row.position });
    result.set(row.packageId!, list);
  }
  return result;
}

/** The lines of these packages' rows, for loading every item of a page in one query. */
export function itemIdsOf(rows: readonly { items: PackageLine[] }[]): string[] {
  return [...new Set(rows.flatMap((row) => row.items.map((line) => line.itemId)))];
}

/** Appends to bundling's hash-chained audit log in the caller's transaction (call it last). */
export async function appendPackageAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
