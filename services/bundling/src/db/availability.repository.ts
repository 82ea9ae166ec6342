import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { availability } from './schema.ts';

export type AvailabilityRow = typeof availability.$inferSelect;

/** One date (and slot start time, '' for a daily allotment) a calendar edit touches. */
export interface SlotTarget {
  date: string;
  startTime: string;
  startsAt: Date;
}

/** What a calendar edit sets; a field left undefined stays as it is on existing rows. */
export interface SlotChanges {
  capacity?: number | undefined;
  closed?: boolean | undefined;
  priceOverrides?: Record<string, number> | undefined;
}

export type EditOutcome =
  { ok: true; created: number; updated: number; ids: string[] } | { ok: false; reason: 'capacity_below_booked' };

const CHECK_VIOLATION = '23514';
const NO_OVERSELL = 'availability_no_oversell_ck';

function pgError(error: unknown): { code?: string; constraint?: string } {
  const candidate = error as { code?: unknown; constraint?: unknown; cause?: { code?: unknown; constraint?: unknown } };
  const source = typeof candidate.code === 'string' ? candidate : (candidate.cause ?? {});
  return {
    code: typeof source.code === 'string' ? source.code : undefined,
    constraint: typeof source.constraint === 'string' ? source.constraint : undefined,
  };
}

/** The targets as one jsonb parameter, unpacked in SQL: a whole edit is one statement. */
function targetsTable(targets: readonly SlotTarget[]) {
  const json = JSON.stringify(
    targets.map((t) => ({ date: t.date, start_time: t.startTime, starts_at: t.startsAt.toISOString() })),
  );
  return sql`jsonb_to_recordset(${json}::jsonb) AS t(date date, start_time text, starts_at timestamptz)`;
}

/** The item's rows between two dates (inclusive), by date and start time. */
export async function availabilityRange(db: Executor, itemId: string, from: string, to: string) {
  return db
    .select()
    .from(availability)
    .where(and(eq(availability.itemId, itemId), gte(availability.date, from), lte(availability.date, to)))
    .orderBy(asc(availability.date), asc(availability.startTime));
}

/** Of the targets, those whose held + sold already exceed `capacity` (date and start time). */
export async function slotsBookedAbove(
  db: Executor,
  itemId: string,
  targets: readonly SlotTarget[],
  capacity: number,
): Promise<{ date: string; startTime: string }[]> {
  if (targets.length === 0) return [];
  const result = await db.execute<{ date: string; start_time: string }>(sql`
    SELECT to_char(a.date, 'YYYY-MM-DD') AS date, a.start_time
    FROM ${availability} a JOIN ${targetsTable(targets)} ON a.date = t.date AND a.start_time = t.start_time
    WHERE a.item_id = ${itemId} AND a.held + a.sold > ${capacity}
    ORDER BY a.date, a.start_time`);
  return result.rows.map((row) => ({ date: row.date, startTime: row.start_time }));
}

/**
 * Applies a calendar edit in ONE statement: with a capacity, every target row is created or
 * updated (INSERT … ON CONFLICT DO UPDATE); without one, only existing rows change. A capacity
 * under a row's held + sold trips the table's CHECK, answered as `capacity_below_booked` (the
 * caller's transaction is then unusable and must roll back).
 */
export async function applySlotChanges(
  tx: Tx,
  itemId: string,
  targets: readonly SlotTarget[],
  changes: SlotChanges,
): Promise<EditOutcome> {
  if (targets.length === 0) return { ok: true, created: 0, updated: 0, ids: [] };
  const overrides = changes.priceOverrides === undefined ? undefined : JSON.stringify(changes.priceOverrides);
  const sets = [sql`updated_at = now()`];
  if (changes.closed !== undefined) sets.push(sql`closed = ${changes.closed}`);
  if (overrides !== undefined) sets.push(sql`price_overrides = ${overrides}::jsonb`);
  try {
    const result =
      changes.capacity === undefined
        ? await tx.execute<{ id: string; inserted: boolean }>(sql`
            UPDATE ${availability} AS a SET ${sql.join(sets, sql`, `)}
            FROM ${targetsTable(targets)}
            WHERE a.item_id = ${itemId} AND a.date = t.date AND a.start_time = t.start_time
            RETURNING a.id, false AS inserted`)
        : await tx.execute<{ id: string; inserted: boolean }>(sql`
            INSERT INTO ${availability} AS a
              (id, item_id, date, start_time, starts_at, capacity, closed, price_overrides, updated_at)
            SELECT gen_random_uuid(), ${itemId}, t.date, t.start_time, t.starts_at, ${changes.capacity},
                   ${changes.closed ?? false}, ${overrides ?? '{}'}::jsonb, now()
            FROM ${targetsTable(targets)}
            ON CONFLICT (item_id, date, start_time) DO UPDATE
              SET capacity = excluded.capacity, starts_at = excluded.starts_at, ${sql.join(sets, sql`, `)}
            RETURNING a.id, (a.xmax = 0) AS inserted`);
    const created = result.rows.filter((row) => row.inserted).length;
    return { ok: true, created, updated: result.rows.length - created, ids: result.rows.map((row) => row.id) };
  } catch (error) {
    const { code, constraint } = pgError(error);
    if (code === CHECK_VIOLATION && (constraint === NO_OVERSELL || constraint === undefined)) {
      return { ok: false, reason: 'capacity_below_booked' };
    }
    throw error;
  }
}
