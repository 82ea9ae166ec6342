import { and, asc, eq, inArray, lte, or } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { partnerAccounts, transfers } from './schema.ts';

export type TransferRow = typeof transfers.$inferSelect;
export type NewTransferRow = typeof transfers.$inferInsert;
export type PartnerAccountRow = typeof partnerAccounts.$inferSelect;

/** How long a claimed transfer may stay 'sending' before another worker takes it over (same key). */
export const SENDING_LEASE_MS = 5 * 60_000;

export async function findPartnerAccounts(tx: Executor, partnerIds: readonly string[]): Promise<PartnerAccountRow[]> {
  if (partnerIds.length === 0) return [];
  return tx
    .select()
    .from(partnerAccounts)
    .where(inArray(partnerAccounts.partnerId, [...partnerIds]));
}

/** One transfer per (booking, partner): a second scheduling finds the first's rows and adds none. */
export async function insertTransfers(tx: Tx, rows: readonly NewTransferRow[]): Promise<TransferRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(transfers)
    .values([...rows])
    .onConflictDoNothing()
    .returning();
}

export async function listBookingTransfers(
  tx: Executor,
  bookingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TransferRow[]> {
  const query = tx.select().from(transfers).where(eq(transfers.bookingId, bookingId)).orderBy(asc(transfers.partnerId));
  return options.forUpdate ? query.for('update') : query;
}

/**
 * Due transfers of partners whose account can receive them, locked (SKIP LOCKED: other
 * workers take others) and leased as 'sending'. A lease that ran out (a worker died mid-call)
 * is claimed again; the idempotency key makes the repeat harmless.
 */
export async function claimDueTransfers(tx: Tx, now: Date, limit: number): Promise<TransferRow[]> {
  const payable = tx
    .select({ partnerId: partnerAccounts.partnerId })
    .from(partnerAccounts)
    .where(eq(partnerAccounts.transfersActive, true));
  const due = await tx
    .select({ id: transfers.id })
    .from(transfers)
    .where(
      and(
        or(eq(transfers.status, 'scheduled'), eq(transfers.status, 'sending')),
        lte(transfers.nextAttemptAt, now),
        lte(transfers.availableAfter, now),
        inArray(transfers.partnerId, payable),
      ),
    )
    .orderBy(asc(transfers.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  return tx
    .update(transfers)
    .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS) })
    .where(
      inArray(
        transfers.id,
        due.map((d) => d.id),
      ),
    )
    .returning();
}

export async function findTransfer(
  tx: Tx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TransferRow | undefined> {
  const query = tx.select().from(transfers).where(eq(transfers.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findTransferByStripeId(tx: Tx, stripeTransferId: string): Promise<TransferRow | undefined> {
  const [row] = await tx.select().from(transfers).where(eq(transfers.stripeTransferId, stripeTransferId)).for('update');
  return row;
}

export async function updateTransfer(
  tx: Tx,
  id: string,
  from: readonly TransferRow['status'][],
  changes: Partial<
    Pick<
      TransferRow,
      | 'status'
      | 'stripeTransferId'
      | 'attempts'
      | 'nextAttemptAt'
      | 'lastError'
      | 'sentAt'
      | 'amountMinor'
      | 'amountReversedMinor'
    >
  >,
): Promise<TransferRow | undefined> {
  const [row] = await tx
    .update(transfers)
    .set(changes)
    .where(and(eq(transfers.id, id), inArray(transfers.status, [...from])))
    .returning();
  return row;
}

/** A dispute holds the booking's unsent transfers (frozen) until it is won (lost: cancelFrozenBookingTransfers). */
export async function setBookingTransfersStatus(
  tx: Tx,
  bookingId: string,
  from: TransferRow['status'],
  to: TransferRow['status'],
): Promise<number> {
  const rows = await tx
    .update(transfers)
    .set({ status: to, nextAttemptAt: new Date() })
    .where(and(eq(transfers.bookingId, bookingId), eq(transfers.status, from)))
    .returning({ id: transfers.id });
  return rows.length;
}

/**
 * A lost dispute (a chargeback): the booking's frozen transfers will never be sent. Answers the
 * transfers canceled now (none when a replay finds them canceled already).
 */
export async function cancelFrozenBookingTransfers(tx: Tx, bookingId: string): Promise<TransferRow[]> {
  return tx
    .update(transfers)
    .set({ status: 'canceled', lastError: 'dispute lost: the charge was taken back' })
    .where(and(eq(transfers.bookingId, bookingId), eq(transfers.status, 'frozen')))
    .returning();
}
