import { asc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { bookingSplits } from './schema.ts';

export type SplitRow = typeof bookingSplits.$inferSelect;
export type NewSplitRow = typeof bookingSplits.$inferInsert;

/** A booking's split is written once: a replayed payment adds nothing (primary key). */
export async function insertSplits(tx: Tx, rows: readonly NewSplitRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(bookingSplits)
    .values([...rows])
    .onConflictDoNothing()
    .returning({ p: bookingSplits.position });
  return inserted.length;
}

export async function listSplits(tx: Executor, bookingId: string): Promise<SplitRow[]> {
  return tx
    .select()
    .from(bookingSplits)
    .where(eq(bookingSplits.bookingId, bookingId))
    .orderBy(asc(bookingSplits.position), asc(bookingSplits.partnerId));
}

/** Σ share per partner of a booking's split (empty until the payment's split is written). */
export async function splitSharesByPartner(
  tx: Executor,
  bookingId: string,
): Promise<{ partnerId: string; currency: string; shareMinor: number; feeMinor: number }[]> {
  const rows = await tx
    .select({
      partnerId: bookingSplits.partnerId,
      currency: bookingSplits.currency,
      shareMinor: sql<string>`sum(${bookingSplits.shareMinor})`,
      feeMinor: sql<string>`sum(${bookingSplits.feeMinor})`,
    })
    .from(bookingSplits)
    .where(eq(bookingSplits.bookingId, bookingId))
    .groupBy(bookingSplits.partnerId, bookingSplits.currency)
    .orderBy(asc(bookingSplits.partnerId));
  return rows.map((r) => ({ ...r, shareMinor: Number(r.shareMinor), feeMinor: Number(r.feeMinor) }));
}
