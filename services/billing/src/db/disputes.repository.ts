import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '@tourconnect/db';
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
