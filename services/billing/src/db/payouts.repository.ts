import { and, desc, eq, lt, ne, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { bookings, payouts, transfers } from './schema.ts';

export type PayoutRow = typeof payouts.$inferSelect;
export type PayoutStatus = PayoutRow['status'];

export async function findPayout(tx: Tx, stripePayoutId: string): Promise<PayoutRow | undefined> {
  const [row] = await tx.select().from(payouts).where(eq(payouts.stripePayoutId, stripePayoutId)).for('update');
  return row;
}

/** When the partner's previous payout in that currency (not a failed or canceled one) was created. */
export async function previousPayoutCreatedAt(
  tx: Tx,
  partnerId: string,
  currency: string,
  before: Date,
): Promise<Date | undefined> {
  const [row] = await tx
    .select({ periodEnd: payouts.periodEnd })
    .from(payouts)
    .where(
      and(
        eq(payouts.partnerId, partnerId),
        eq(payouts.currency, currency),
        lt(payouts.periodEnd, before),
        ne(payouts.status, 'failed'),
        ne(payouts.status, 'canceled'),
      ),
    )
    .orderBy(desc(payouts.periodEnd))
    .limit(1);
  return row?.periodEnd ?? undefined;
}

export async function insertPayout(tx: Tx, row: typeof payouts.$inferInsert): Promise<PayoutRow | undefined> {
  const [inserted] = await tx.insert(payouts).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function updatePayout(
  tx: Tx,
  id: string,
  change: { status: PayoutStatus; arrivalAt: Date | null; failureCode: string | null; amountMinor: number },
): Promise<PayoutRow> {
  const [row] = await tx
    .update(payouts)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(payouts.id, id))
    .returning();
  return row!;
}

/** The partner's payouts, newest first. */
export async function listPartnerPayouts(db: Executor, partnerId: string, limit = 100): Promise<PayoutRow[]> {
  return db
    .select()
    .from(payouts)
    .where(eq(payouts.partnerId, partnerId))
    .orderBy(desc(payouts.createdAt), desc(payouts.id))
    .limit(limit);
}

export interface PartnerTransferRow {
  id: string;
  bookingId: string;
  packageTitle: string | null;
  amountMinor: number;
  amountReversedMinor: number;
  currency: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * The partner's transfers newest first, with the booked package's title; after the row
 * `cursor` names (compared in SQL, at the database's own timestamp precision).
 */
export async function listPartnerTransfers(
  db: Executor,
  partnerId: string,
  options: { cursor?: string | undefined; limit: number },
): Promise<PartnerTransferRow[]> {
  const cursor = options.cursor;
  return db
    .select({
      id: transfers.id,
      bookingId: transfers.bookingId,
      packageTitle: bookings.packageTitle,
      amountMinor: transfers.amountMinor,
      amountReversedMinor: transfers.amountReversedMinor,
      currency: transfers.currency,
      status: transfers.status,
      createdAt: transfers.createdAt,
      sentAt: transfers.sentAt,
    })
    .from(transfers)
    .leftJoin(bookings, eq(bookings.id, transfers.bookingId))
    .where(
      and(
        eq(transfers.partnerId, partnerId),
        cursor
          ? sql`(${transfers.createdAt}, ${transfers.id}) < (SELECT c.created_at, c.id FROM ${transfers} c WHERE c.id = ${cursor}::uuid AND c.partner_id = ${partnerId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(transfers.createdAt), desc(transfers.id))
    .limit(options.limit);
}
