import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { travellerTypes, type Party } from '@tourconnect/contracts/http';
import type { Executor, Tx } from '@tourconnect/db';
import {
  emptyCounts,
  emptyModel,
  addPair,
  type Counts,
  type LearnedBooking,
  type SuggestModel,
} from '../domain/suggest/index.ts';
import type { LineItem, PackageRow } from './packages.repository.ts';
import {
  availability,
  items,
  packageBookings,
  packageItems,
  packages,
  partners,
  suggestBookings,
  suggestPairs,
  suggestStats,
} from './schema.ts';

/** The subject id of the `all` row of suggest_stats. */
const ALL = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A PostgreSQL array literal of uuids (every id checked first, so nothing else reaches the SQL). */
function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

// ─── Learning ────────────────────────────────────────────────────────────────────────────

/** What the model needs of a booking, from bundling's own row (null when there is none). */
export async function bookingForLearning(
  executor: Executor,
  bookingId: string,
): Promise<{ packageId: string; startDate: string; party: Party; itemIds: string[] } | null> {
  const [row] = await executor
    .select({
      packageId: packageBookings.packageId,
      startDate: packageBookings.startDate,
      party: packageBookings.party,
      breakdown: packageBookings.breakdown,
    })
    .from(packageBookings)
    .where(eq(packageBookings.id, bookingId));
  if (!row) return null;
  const party = row.party as Partial<Party>;
  return {
    packageId: row.packageId,
    startDate: row.startDate,
    party: { adult: party.adult ?? 0, child: party.child ?? 0, infant: party.infant ?? 0, senior: party.senior ?? 0 },
    itemIds: row.breakdown.lines.map((line) => line.itemId),
  };
}

/**
 * Learns a confirmed booking once: its ledger row goes in first, and only if it was not there
 * (not learned before, not cancelled first) are its counts added. True when counts changed.
 */
export async function learnBooking(tx: Tx, booking: LearnedBooking): Promise<boolean> {
  const inserted = await tx
    .insert(suggestBookings)
    .values({ ...ledgerRow(booking), state: 'learned' })
    .onConflictDoNothing({ target: suggestBookings.bookingId })
    .returning({ bookingId: suggestBookings.bookingId });
  if (inserted.length === 0) return false;
  await addCounts(tx, booking, 1);
  return true;
}

/**
 * Forgets a cancelled booking: a learned one has its counts taken away once; one not learned yet
 * is written down as forgotten, so a confirmation delivered late does not learn it. True when
 * counts changed.
 */
export async function forgetBooking(tx: Tx, booking: LearnedBooking): Promise<boolean> {
  const [learned] = await tx
    .update(suggestBookings)
    .set({ state: 'forgotten', updatedAt: new Date() })
    .where(and(eq(suggestBookings.bookingId, booking.bookingId), eq(suggestBookings.state, 'learned')))
    .returning();
  if (!learned) {
    await tx
      .insert(suggestBookings)
      .values({ ...ledgerRow(booking), state: 'forgotten' })
      .onConflictDoNothing({ target: suggestBookings.bookingId });
    return false;
  }
  // Take away exactly what was added (the ledger's facts, not the cancellation's).
  await addCounts(
    tx,
    {
      bookingId: learned.bookingId,
      packageId: learned.packageId,
      itemIds: learned.itemIds,
      month: learned.month,
      travellerType: (learned.travellerType as LearnedBooking['travellerType']) ?? null,
    },
    -1,
  );
  return true;
}

function ledgerRow(booking: LearnedBooking) {
  return {
    bookingId: booking.bookingId,
    packageId: booking.packageId,
    itemIds: booking.itemIds,
    month: booking.month,
    travellerType: booking.travellerType,
  };
}

/**
 * Adds (sign 1) or takes away (-1) one booking's counts: the `all` row, its package, each item
 * (by month and traveller type) and each pair of its items. Rows in key order, so two writers
 * lock them in the same order.
 */
async function addCounts(tx: Tx, booking: LearnedBooking, sign: 1 | -1): Promise<void> {
  const months = Array<number>(12).fill(0);
  months[booking.month - 1] = sign;
  const types = Array<number>(4).fill(0);
  if (booking.travellerType) types[travellerTypes.indexOf(booking.travellerType)] = sign;
  const subjects: [string, string][] = [
    ['all', ALL],
    ...booking.itemIds.map((id): [string, string] => ['item', id]),
    ['package', booking.packageId],
  ];
  const kinds = `{${subjects.map(([kind]) => kind).join(',')}}`;
  const ids = uuidArray(subjects.map(([, id]) => id));
  const vector = (values: number[]) => sql`${`{${values.join(',')}}`}::int[]`;
  // Element-wise sum of an array column and a vector (months, types).
  const plus = (column: 'months' | 'types', values: number[]) =>
    sql`ARRAY(SELECT u.a + u.b FROM unnest(${sql.raw(`s.${column}`)}, ${vector(values)}) WITH ORDINALITY AS u(a, b, i) ORDER BY u.i)`;
  const pairs = [...new Set(booking.itemIds)].sort().flatMap((a, i, all) => all.slice(i + 1).map((b) => [a, b]));
  const as = uuidArray(pairs.map(([a]) => a!));
  const bs = uuidArray(pairs.map(([, b]) => b!));

  if (sign > 0) {
    await tx.execute(sql`
      INSERT INTO ${suggestStats} AS s ("subject_kind", "subject_id", "bookings", "months", "types")
      SELECT u.kind, u.id, 1, ${vector(months)}, ${vector(types)}
        FROM unnest(${kinds}::text[], ${ids}) AS u(kind, id)
       ORDER BY u.kind, u.id
      ON CONFLICT ("subject_kind", "subject_id") DO UPDATE
        SET "bookings" = s."bookings" + 1, "months" = ${plus('months', months)}, "types" = ${plus('types', types)}`);
    if (pairs.length === 0) return;
    await tx.execute(sql`
      INSERT INTO ${suggestPairs} AS p ("item_a", "item_b", "bookings")
      SELECT u.a, u.b, 1 FROM unnest(${as}, ${bs}) AS u(a, b) ORDER BY u.a, u.b
      ON CONFLICT ("item_a", "item_b") DO UPDATE SET "bookings" = p."bookings" + 1`);
    return;
  }
  // Taking away: the rows exist (the booking was learned), so plain updates (an upsert's
  // proposed row of -1 would trip the CHECK before the conflict is seen).
  await tx.execute(sql`
    UPDATE ${suggestStats} AS s
       SET "bookings" = s."bookings" - 1, "months" = ${plus('months', months)}, "types" = ${plus('types', types)}
      FROM unnest(${kinds}::text[], ${ids}) AS u(kind, id)
     WHERE s."subject_kind" = u.kind AND s."subject_id" = u.id`);
  if (pairs.length === 0) return;
  await tx.execute(sql`
    UPDATE ${suggestPairs} AS p SET "bookings" = p."bookings" - 1
      FROM unnest(${as}, ${bs}) AS u(a, b)
     WHERE p."item_a" = u.a AND p."item_b" = u.b`);
  await tx.execute(
    sql`DELETE FROM ${suggestPairs} WHERE "bookings" = 0 AND ("item_a", "item_b") IN (SELECT * FROM unnest(${as}, ${bs}))`,
  );
}

/**
 * Recounts the whole model from the bookings as they stand: confirmed ones learned, ones
 * cancelled after their confirmation forgotten. What the event handlers keep incrementally
 * equals this (the integration test checks it); run it to backfill or repair.
 */
export async function rebuildSuggestModel(tx: Tx): Promise<void> {
  await tx.execute(sql`DELETE FROM ${suggestPairs}`);
  await tx.execute(sql`DELETE FROM ${suggestStats}`);
  await tx.execute(sql`DELETE FROM ${suggestBookings}`);
  await tx.execute(sql.raw(REBUILD_SQL));
}

const party = (band: string) => `coalesce((b.party ->> '${band}')::int, 0)`;
const monthColumns = Array.from({ length: 12 }, (_, m) => `count(*) FILTER (WHERE f.month = ${m + 1})::int`).join(', ');
const typeColumns = travellerTypes
  .map((type) => `count(*) FILTER (WHERE f.traveller_type = '${type}')::int`)
  .join(', ');

/** The recount as SQL; migration 0003_suggest_counts ends with the same statements (the backfill). */
export const REBUILD_SQL = `
INSERT INTO bundling.suggest_bookings (booking_id, package_id, item_ids, month, traveller_type, state)
SELECT b.id, b.package_id,
       ARRAY(SELECT DISTINCT (l ->> 'itemId')::uuid FROM jsonb_array_elements(b.breakdown -> 'lines') AS l ORDER BY 1),
       extract(month FROM b.start_date)::smallint,
       CASE WHEN ${party('child')} + ${party('infant')} > 0 THEN 'family'
            WHEN ${party('adult')} + ${party('senior')} <= 1 THEN 'solo'
            WHEN ${party('adult')} + ${party('senior')} = 2 THEN 'couple'
            ELSE 'group' END,
       CASE WHEN b.status = 'confirmed' THEN 'learned' ELSE 'forgotten' END
  FROM bundling.package_bookings AS b
 WHERE b.status = 'confirmed' OR (b.status = 'cancelled' AND b.confirmed_at IS NOT NULL);

INSERT INTO bundling.suggest_stats (subject_kind, subject_id, bookings, months, types)
SELECT f.kind, f.id, count(*)::int, ARRAY[${monthColumns}], ARRAY[${typeColumns}]
  FROM (
    SELECT 'all' AS kind, '${ALL}'::uuid AS id, s.month, s.traveller_type FROM bundling.suggest_bookings AS s WHERE s.state = 'learned'
    UNION ALL
    SELECT 'package', s.package_id, s.month, s.traveller_type FROM bundling.suggest_bookings AS s WHERE s.state = 'learned'
    UNION ALL
    SELECT 'item', i.id, s.month, s.traveller_type
      FROM bundling.suggest_bookings AS s, unnest(s.item_ids) AS i(id) WHERE s.state = 'learned'
  ) AS f
 GROUP BY f.kind, f.id;

INSERT INTO bundling.suggest_pairs (item_a, item_b, bookings)
SELECT a.id, b.id, count(*)::int
  FROM bundling.suggest_bookings AS s, unnest(s.item_ids) AS a(id), unnest(s.item_ids) AS b(id)
 WHERE s.state = 'learned' AND a.id < b.id
 GROUP BY a.id, b.id;
`;

// ─── Reading the model ───────────────────────────────────────────────────────────────────

/** The part of the model a request needs: totals, these items and packages, and the pairs among the items. */
export async function loadSuggestModel(
  executor: Executor,
  itemIds: readonly string[],
  packageIds: readonly string[],
): Promise<SuggestModel> {
  const model = emptyModel();
  const ids = [...new Set(itemIds)];
  const pkgs = [...new Set(packageIds)];
  const stats = await executor
    .select()
    .from(suggestStats)
    .where(
      sql`(${suggestStats.subjectKind} = 'all' AND ${suggestStats.subjectId} = ${ALL}::uuid)
          OR (${suggestStats.subjectKind} = 'item' AND ${suggestStats.subjectId} = ANY(${uuidArray(ids)}))
          OR (${suggestStats.subjectKind} = 'package' AND ${suggestStats.subjectId} = ANY(${uuidArray(pkgs)}))`,
    );
  for (const row of stats) {
    const counts: Counts = { bookings: row.bookings, months: [...row.months], types: [...row.types] };
    if (row.subjectKind === 'all') model.totals = counts;
    else if (row.subjectKind === 'item') model.items.set(row.subjectId, counts);
    else model.packages.set(row.subjectId, counts);
  }
  if (ids.length >= 2) {
    const pairs = await executor
      .select()
      .from(suggestPairs)
      .where(
        sql`${suggestPairs.itemA} = ANY(${uuidArray(ids)}) AND ${suggestPairs.itemB} = ANY(${uuidArray(ids)}) AND ${suggestPairs.bookings} > 0`,
      );
    for (const pair of pairs) addPair(model, pair.itemA, pair.itemB, pair.bookings);
  }
  if (model.totals.months.length !== 12) model.totals = emptyCounts();
  return model;
}

// ─── Candidates ──────────────────────────────────────────────────────────────────────────

export interface CandidateFilter {
  /** A place (part of its name), a region code or a country code. */
  dest?: string | undefined;
  from: string;
  to: string;
  limit: number;
}

/** Escapes LIKE's wildcards in user text. */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function destCondition(dest: string): SQL {
  const code = dest.toUpperCase();
  return sql`(${items.regionCode} = ${code} OR ${items.regionCode} LIKE ${`${likeText(code)}-%`}
              OR ${items.place} ILIKE ${`%${likeText(dest)}%`})`;
}

/**
 * Published items of verified partners at the destination with a date or slot open with units
 * left between `from` and `to`: the most booked first (then by id), at most `limit`.
 */
export async function suggestCandidateItems(executor: Executor, filter: CandidateFilter): Promise<LineItem[]> {
  const where: SQL[] = [
    eq(items.status, 'published'),
    eq(partners.verified, true),
    eq(partners.status, 'verified'),
    sql`EXISTS (SELECT 1 FROM ${availability}
                 WHERE ${availability.itemId} = ${items.id}
                   AND ${availability.date} BETWEEN ${filter.from} AND ${filter.to}
                   AND NOT ${availability.closed}
                   AND ${availability.held} + ${availability.sold} < ${availability.capacity})`,
  ];
  if (filter.dest) where.push(destCondition(filter.dest));
  const rows = await executor
    .select({
      item: items,
      partnerName: partners.name,
      partnerVerified: partners.verified,
      partnerStatus: partners.status,
    })
    .from(items)
    .innerJoin(partners, eq(partners.id, items.partnerId))
    .leftJoin(suggestStats, and(eq(suggestStats.subjectKind, 'item'), eq(suggestStats.subjectId, items.id)))
    .where(and(...where))
    .orderBy(desc(sql`coalesce(${suggestStats.bookings}, 0)`), asc(items.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    ...r.item,
    partnerName: r.partnerName,
    partnerVerified: r.partnerVerified,
    partnerStatus: r.partnerStatus,
  }));
}

/**
 * Published packages of verified partners that use at least one of these items: the most booked
 * first (then by id), at most `limit`. Whether every line is on sale and open is the caller's check.
 */
export async function suggestCandidatePackages(
  executor: Executor,
  itemIds: readonly string[],
  limit: number,
): Promise<PackageRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await executor
    .select({ pkg: packages })
    .from(packages)
    .innerJoin(partners, eq(partners.id, packages.partnerId))
    .leftJoin(suggestStats, and(eq(suggestStats.subjectKind, 'package'), eq(suggestStats.subjectId, packages.id)))
    .where(
      and(
        eq(packages.status, 'published'),
        eq(partners.verified, true),
        eq(partners.status, 'verified'),
        sql`EXISTS (SELECT 1 FROM ${packageItems} WHERE ${packageItems.packageId} = ${packages.id}
                       AND ${packageItems.itemId} = ANY(${uuidArray([...new Set(itemIds)])}))`,
      ),
    )
    .orderBy(desc(sql`coalesce(${suggestStats.bookings}, 0)`), asc(packages.id))
    .limit(limit);
  return rows.map((r) => r.pkg);
}
