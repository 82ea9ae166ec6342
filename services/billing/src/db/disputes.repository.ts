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

/** Whether a dispute on the booking is open or was lost: its transfers must wait for an admin. */
export async function bookingHasHoldingDispute(tx: Tx, bookingId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(eq(disputes.bookingId, bookingId), notInArray(disputes.status, RELEASED)))
    .limit(1);
  return rows.length > 0;
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
