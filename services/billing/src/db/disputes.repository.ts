import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { disputes } from './schema.ts';

export type DisputeRow = typeof disputes.$inferSelect;

/** The dispute as Stripe last described it (created once, its status kept current). */
export async function upsertDispute(
  tx: Tx,
  row: Pick<DisputeRow, 'id' | 'bookingId' | 'chargeId' | 'amountMinor' | 'currency' | 'status' | 'reason'>,
): Promise<DisputeRow> {
  const [saved] = await tx
    .insert(disputes)
    .values(row)
    .onConflictDoUpdate({
      target: disputes.id,
      set: { status: sql`excluded.status`, reason: sql`excluded.reason`, updatedAt: new Date() },
    })
    .returning();
  return saved!;
}

/** Statuses after which a dispute no longer holds the booking's money back. */
const RELEASED = ['won', 'warning_closed'];

/**
 * What the booking's disputes mean for transfers not created yet: 'lost' (a chargeback: they are
 * never sent), 'open' (they wait, frozen, for the outcome) or 'none' (won, or no dispute).
 */
export async function bookingDisputeHold(tx: Tx, bookingId: string): Promise<'lost' | 'open' | 'none'> {
  const rows = await tx
    .select({ status: disputes.status })
    .from(disputes)
    .where(and(eq(disputes.bookingId, bookingId), notInArray(disputes.status, RELEASED)));
  if (rows.some((r) => r.status === 'lost')) return 'lost';
  return rows.length > 0 ? 'open' : 'none';
}

/** The disputes billing recorded on these bookings, for reconciliation to compare with Stripe's. */
export async function listBookingDisputes(
  db: Executor,
  bookingIds: readonly string[],
): Promise<Pick<DisputeRow, 'id' | 'bookingId' | 'status' | 'amountMinor' | 'currency'>[]> {
  if (bookingIds.length === 0) return [];
  return db
    .select({
      id: disputes.id,
      bookingId: disputes.bookingId,
      status: disputes.status,
      amountMinor: disputes.amountMinor,
      currency: disputes.currency,
    })
    .from(disputes)
    .where(inArray(disputes.bookingId, [...bookingIds]))
    .orderBy(asc(disputes.createdAt), asc(disputes.id));
}
