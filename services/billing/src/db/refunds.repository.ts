import { and, asc, desc, eq, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { ledgerEntries, ledgerJournals, refunds, transferReversals } from './schema.ts';

export type RefundRow = typeof refunds.$inferSelect;
export type NewRefundRow = typeof refunds.$inferInsert;
export type ReversalRow = typeof transferReversals.$inferSelect;
export type NewReversalRow = typeof transferReversals.$inferInsert;

/** How long a claimed refund may stay 'sending' before a worker takes it over (same keys). */
export const REFUND_LEASE_MS = 5 * 60_000;

/** Undefined when a refund with this idempotency key exists (a redelivered cancellation). */
export async function insertRefund(tx: Tx, row: NewRefundRow): Promise<RefundRow | undefined> {
  const [inserted] = await tx
    .insert(refunds)
    .values(row)
    .onConflictDoNothing({ target: refunds.idempotencyKey })
    .returning();
  return inserted;
}

export async function listBookingRefunds(tx: Executor, bookingId: string): Promise<RefundRow[]> {
  return tx.select().from(refunds).where(eq(refunds.bookingId, bookingId)).orderBy(desc(refunds.createdAt));
}

/** What is already committed to refunds of the payment (every refund not failed). */
export async function refundedOrPending(tx: Tx, paymentId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${refunds.amountMinor}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), ne(refunds.status, 'failed')));
  return Number(row?.total ?? 0);
}

/** Due refunds, locked (SKIP LOCKED) and leased as 'sending'; an expired lease is claimed again. */
export async function claimDueRefunds(tx: Tx, now: Date, limit: number): Promise<RefundRow[]> {
  const due = await tx
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(or(eq(refunds.status, 'pending'), eq(refunds.status, 'sending')), lte(refunds.nextAttemptAt, now)))
    .orderBy(asc(refunds.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  return tx
    .update(refunds)
    .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + REFUND_LEASE_MS), updatedAt: now })
    .where(
      inArray(
        refunds.id,
        due.map((d) => d.id),
      ),
    )
    .returning();
}

export async function findRefund(tx: Tx, id: string, options: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(refunds).where(eq(refunds.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findRefundByStripeId(tx: Tx, stripeRefundId: string): Promise<RefundRow | undefined> {
  const [row] = await tx.select().from(refunds).where(eq(refunds.stripeRefundId, stripeRefundId)).for('update');
  return row;
}

export async function updateRefund(
  tx: Tx,
  id: string,
  changes: Partial<Pick<RefundRow, 'status' | 'stripeRefundId' | 'attempts' | 'nextAttemptAt' | 'lastError'>>,
): Promise<RefundRow | undefined> {
  const [row] = await tx
    .update(refunds)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(refunds.id, id))
    .returning();
  return row;
}

export async function insertReversals(tx: Tx, rows: readonly NewReversalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(transferReversals)
    .values([...rows])
    .onConflictDoNothing();
}

export async function listRefundReversals(tx: Executor, refundId: string): Promise<ReversalRow[]> {
  return tx
    .select()
    .from(transferReversals)
    .where(eq(transferReversals.refundId, refundId))
    .orderBy(asc(transferReversals.partnerId));
}

export async function updateReversal(
  tx: Tx,
  id: string,
  changes: Partial<Pick<ReversalRow, 'status' | 'stripeReversalId' | 'attempts' | 'nextAttemptAt' | 'lastError'>>,
): Promise<void> {
  await tx.update(transferReversals).set(changes).where(eq(transferReversals.id, id));
}

/** Σ amount and Σ platform part of the payment's refunds that are not failed. */
export async function refundTotals(tx: Tx, paymentId: string): Promise<{ amountMinor: number; platformMinor: number }> {
  const [row] = await tx
    .select({
      amount: sql<string>`coalesce(sum(${refunds.amountMinor}), 0)`,
      platform: sql<string>`coalesce(sum(${refunds.platformRefundMinor}), 0)`,
    })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), ne(refunds.status, 'failed')));
  return { amountMinor: Number(row?.amount ?? 0), platformMinor: Number(row?.platform ?? 0) };
}

/** Σ per partner of the booking's reversals that are not failed (sent, withheld or pending). */
export async function reversedByPartner(tx: Tx, bookingId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ partnerId: transferReversals.partnerId, total: sql<string>`sum(${transferReversals.amountMinor})` })
    .from(transferReversals)
    .where(and(eq(transferReversals.bookingId, bookingId), ne(transferReversals.status, 'failed')))
    .groupBy(transferReversals.partnerId);
  return new Map(rows.map((r) => [r.partnerId, Number(r.total)]));
}

/** Pending reversals of refunds Stripe has paid, locked (SKIP LOCKED) and leased as 'sending'. */
export async function claimDueReversals(tx: Tx, now: Date, limit: number): Promise<ReversalRow[]> {
  const paid = tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.status, 'succeeded'));
  const due = await tx
    .select({ id: transferReversals.id })
    .from(transferReversals)
    .where(
      and(
        or(eq(transferReversals.status, 'pending'), eq(transferReversals.status, 'sending')),
        lte(transferReversals.nextAttemptAt, now),
        inArray(transferReversals.refundId, paid),
      ),
    )
    .orderBy(asc(transferReversals.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  return tx
    .update(transferReversals)
    .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + REFUND_LEASE_MS) })
    .where(
      inArray(
        transferReversals.id,
        due.map((d) => d.id),
      ),
    )
    .returning();
}

/** The partner parts a refund's journal debited (what each partner bears of it). */
export async function refundJournalParts(
  tx: Executor,
  source: string,
): Promise<{ partnerId: string; amountMinor: number }[]> {
  const rows = await tx
    .select({ partnerId: ledgerEntries.partnerId, amount: sql<string>`sum(${ledgerEntries.debitMinor})` })
    .from(ledgerEntries)
    .innerJoin(ledgerJournals, eq(ledgerJournals.id, ledgerEntries.journalId))
    .where(and(eq(ledgerJournals.source, source), eq(ledgerEntries.account, 'partner_payable')))
    .groupBy(ledgerEntries.partnerId);
  return rows.flatMap((r) => (r.partnerId ? [{ partnerId: r.partnerId, amountMinor: Number(r.amount) }] : []));
}
