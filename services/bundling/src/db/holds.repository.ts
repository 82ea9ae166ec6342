import { and, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '@tourconnect/db';
import { availability } from './schema.ts';

/** Units of one availability row (a date or slot of an item) that a booking takes. */
export interface UnitClaim {
  availabilityId: string;
  quantity: number;
}

export type HoldOutcome = { ok: true } | { ok: false; reason: 'sold_out'; availabilityId: string };

const CHECK_VIOLATION = '23514';

/**
 * Holds every claim with one conditional UPDATE per availability row, or reports the first row
 * that has not enough units left (or is closed). Claims on one row are summed first, and rows are
 * updated in id order, so two bookers that want the same rows lock them in the same order and
 * never deadlock. On `ok: false` the caller must roll its transaction back: earlier rows are held.
 *
 * The condition is the guard; the table's CHECK (held + sold <= capacity) is the last line of
 * defence, and its violation is answered as sold out too.
 */
export async function holdUnits(tx: Tx, claims: readonly UnitClaim[]): Promise<HoldOutcome> {
  for (const claim of merged(claims)) {
    try {
      const updated = await tx
        .update(availability)
        .set({ held: sql`${availability.held} + ${claim.quantity}` })
        .where(
          and(
            eq(availability.id, claim.availabilityId),
            eq(availability.closed, false),
            sql`${availability.capacity} - ${availability.held} - ${availability.sold} >= ${claim.quantity}`,
          ),
        )
        .returning({ id: availability.id });
      if (updated.length === 0) return { ok: false, reason: 'sold_out', availabilityId: claim.availabilityId };
    } catch (error) {
      if (pgCode(error) === CHECK_VIOLATION) {
        return { ok: false, reason: 'sold_out', availabilityId: claim.availabilityId };
      }
      throw error;
    }
  }
  return { ok: true };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// As PostgreSQL quotes the value it could not cast (the query text, also in a driver error's
// message, has the id followed by a quote instead).
const SOLD_OUT_MARK = /"sold_out:([0-9a-f-]{36}):\d+"/i;

/**
 * `holdUnits` as the transaction's LAST statements, sent with its COMMIT in one round trip: the
 * database commits the moment the rows are held, without waiting for this process to read the
 * answer and send COMMIT (under load that wait, not the database, kept a hot row locked). Same
 * guard (one conditional UPDATE per row, in id order, then the CHECK), but a row not held makes
 * its statement fail, so the rest of the string (the COMMIT) never runs and the caller's
 * rollback undoes everything. On success a new, empty transaction is left open for the caller's
 * transaction wrapper to close: nothing may be written after this call.
 *
 * Values are inlined (the simple protocol takes several statements but no parameters): ids are
 * checked to be UUIDs and quantities positive integers first.
 */
export async function holdUnitsAndCommit(tx: Tx, claims: readonly UnitClaim[]): Promise<HoldOutcome> {
  const rows = merged(claims);
  const statements = rows.map(({ availabilityId, quantity }) => {
    if (!UUID.test(availabilityId) || !Number.isSafeInteger(quantity) || quantity <= 0) {
      throw new Error(`holdUnitsAndCommit: bad claim ${availabilityId} × ${quantity}`);
    }
    // Not held → the cast of 'sold_out:<id>:0' to integer fails: the row is named in the error.
    return `WITH held AS (
      UPDATE bundling.availability SET held = held + ${quantity}
       WHERE id = '${availabilityId}' AND closed = false AND capacity - held - sold >= ${quantity}
      RETURNING 1)
    SELECT CASE WHEN count(*) = 1 THEN 1 ELSE ('sold_out:${availabilityId}:' || count(*))::int END FROM held`;
  });
  try {
    await tx.execute(sql.raw([...statements, 'COMMIT', 'BEGIN'].join(';\n')));
    return { ok: true };
  } catch (error) {
    const code = pgCode(error);
    if (code === INVALID_TEXT || code === CHECK_VIOLATION) {
      const named = SOLD_OUT_MARK.exec(pgMessage(error))?.[1];
      const row = rows.find((r) => r.availabilityId === named) ?? rows[0]!;
      if (code === CHECK_VIOLATION || named)
        return { ok: false, reason: 'sold_out', availabilityId: row.availabilityId };
    }
    throw error;
  }
}

const INVALID_TEXT = '22P02';

function pgMessage(error: unknown): string {
  const candidate = error as { message?: unknown; cause?: { message?: unknown } };
  return [candidate.message, candidate.cause?.message].filter((m) => typeof m === 'string').join(' ');
}

/** Returns held units to sale (an expired, failed or cancelled pending booking). */
export async function releaseHeldUnits(tx: Tx, claims: readonly UnitClaim[]): Promise<void> {
  for (const claim of merged(claims)) {
    await tx
      .update(availability)
      .set({ held: sql`${availability.held} - ${claim.quantity}` })
      .where(and(eq(availability.id, claim.availabilityId), gte(availability.held, claim.quantity)));
  }
}

/** Held units become sold (the payment arrived): capacity - held - sold does not change. */
export async function sellHeldUnits(tx: Tx, claims: readonly UnitClaim[]): Promise<void> {
  for (const claim of merged(claims)) {
    await tx
      .update(availability)
      .set({
        held: sql`${availability.held} - ${claim.quantity}`,
        sold: sql`${availability.sold} + ${claim.quantity}`,
      })
      .where(and(eq(availability.id, claim.availabilityId), gte(availability.held, claim.quantity)));
  }
}

/** Sold units return to sale (a confirmed booking cancelled). */
export async function releaseSoldUnits(tx: Tx, claims: readonly UnitClaim[]): Promise<void> {
  for (const claim of merged(claims)) {
    await tx
      .update(availability)
      .set({ sold: sql`${availability.sold} - ${claim.quantity}` })
      .where(and(eq(availability.id, claim.availabilityId), gte(availability.sold, claim.quantity)));
  }
}

/** One claim per row, summed, in id order (the lock order every booker shares). */
function merged(claims: readonly UnitClaim[]): UnitClaim[] {
  const byRow = new Map<string, number>();
  for (const c of claims) byRow.set(c.availabilityId, (byRow.get(c.availabilityId) ?? 0) + c.quantity);
  return [...byRow.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([availabilityId, quantity]) => ({ availabilityId, quantity }));
}

function pgCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } };
  const code = candidate.code ?? candidate.cause?.code;
  return typeof code === 'string' ? code : undefined;
}
