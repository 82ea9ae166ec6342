import { sql } from 'drizzle-orm';
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
