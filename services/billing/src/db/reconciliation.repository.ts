import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { appendAudit, listAudit, verifyAuditChain, type AuditEntry, type AuditRow } from '@tourconnect/audit';
import type { Db, Executor, Tx } from '@tourconnect/db';
import {
  auditLog,
  bookingSplits,
  campaignSpend,
  disputes,
  ledgerEntries,
  ledgerJournals,
  payments,
  reconciliationMismatches,
  reconciliationRuns,
  refunds,
  transferReversals,
  transfers,
} from './schema.ts';

export type ReconciliationRunRow = typeof reconciliationRuns.$inferSelect;
export type MismatchRow = typeof reconciliationMismatches.$inferSelect;
export type NewMismatch = Omit<typeof reconciliationMismatches.$inferInsert, 'id' | 'runId'>;
export type DisputeRow = typeof disputes.$inferSelect;
export type { AuditRow } from '@tourconnect/audit';

/** One key for every replica: only one reconciliation runs at a time. */
const RUN_LOCK = 'tourconnect.billing.reconciliation';

export interface RunLock {
  /** Ends the transaction that holds the lock (waits for it). */
  release(): Promise<void>;
}

/**
 * The run's advisory lock, held by a transaction kept open (idle, no writes) for as long as the
 * run lasts: if the process dies, its connection closes and PostgreSQL frees the lock, so a
 * dead run never blocks the next one. Undefined when another process or request holds it.
 */
export async function acquireRunLock(db: Db): Promise<RunLock | undefined> {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let answer!: (acquired: boolean) => void;
  const acquired = new Promise<boolean>((resolve) => (answer = resolve));
  const held = db
    .transaction(async (tx) => {
      const result = await tx.execute<{ ok: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(hashtextextended(${RUN_LOCK}, 0)) AS ok`,
      );
      const ok = result.rows[0]?.ok === true;
      answer(ok);
      if (ok) await finished;
    })
    // A connection lost while holding the lock frees it too; nothing to report but the run's own result.
    .catch(() => answer(false));
  if (!(await acquired)) {
    await held;
    return undefined;
  }
  return {
    async release() {
      finish();
      await held;
    },
  };
}

export type ClaimResult = { ok: true; runId: string } | { ok: false; runningRunId: string | null };

/**
 * Starts a run under the lock (acquireRunLock): any run still 'running' then belongs to a
 * process that stopped, and is closed as failed first.
 */
export async function claimRun(db: Executor, input: { trigger: string; requestedBy: string | null }): Promise<string> {
  return db.transaction(async (tx) => {
    await tx
      .update(reconciliationRuns)
      .set({ status: 'failed', finishedAt: new Date(), error: 'abandoned: the process running it stopped' })
      .where(eq(reconciliationRuns.status, 'running'));
    const runId = randomUUID();
    await tx.insert(reconciliationRuns).values({ id: runId, trigger: input.trigger, requestedBy: input.requestedBy });
    return runId;
  });
}

/** The run in progress (another process holds the lock), for the admin's answer. */
export async function findRunningRun(db: Executor): Promise<string | null> {
  const [row] = await db
    .select({ id: reconciliationRuns.id })
    .from(reconciliationRuns)
    .where(eq(reconciliationRuns.status, 'running'))
    .orderBy(desc(reconciliationRuns.startedAt))
    .limit(1);
  return row?.id ?? null;
}

/** How far a run got, after each batch, so the admin sees it progress. */
export async function recordRunProgress(
  tx: Tx,
  runId: string,
  tally: { bookingsChecked: number; mismatchCount: number },
): Promise<void> {
  await tx
    .update(reconciliationRuns)
    .set(tally)
    .where(and(eq(reconciliationRuns.id, runId), eq(reconciliationRuns.status, 'running')));
}

export type PaymentRow = Pick<
  typeof payments.$inferSelect,
  'id' | 'bookingId' | 'paymentIntentId' | 'amountMinor' | 'currency' | 'status' | 'chargeId' | 'stripeFeeMinor'
> & { createdAt: Date };

/** Payments in id order after `afterId`, created at or after `since`. */
export async function listPaymentsPage(
  db: Executor,
  input: { since: Date | undefined; afterId: string | undefined; limit: number },
): Promise<PaymentRow[]> {
  // Keyset on the id alone: a JavaScript Date has milliseconds, created_at microseconds, so a
  // (created_at, id) cursor would find its own last row again.
  const where = [];
  if (input.since) where.push(gte(payments.createdAt, input.since));
  if (input.afterId) where.push(gt(payments.id, input.afterId));
  return db
    .select({
      id: payments.id,
      bookingId: payments.bookingId,
      paymentIntentId: payments.paymentIntentId,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      status: payments.status,
      chargeId: payments.chargeId,
      stripeFeeMinor: payments.stripeFeeMinor,
      createdAt: payments.createdAt,
    })
    .from(payments)
    .where(and(...where))
    .orderBy(asc(payments.id))
    .limit(input.limit);
}

/** A journal of the booking with its platform-cash movement and its totals (for the balance check). */
export interface JournalFacts {
  id: string;
  bookingId: string;
  kind: string;
  source: string;
  currency: string;
  cashDebit: number;
  cashCredit: number;
  debit: number;
  credit: number;
}

export async function listBookingJournals(db: Executor, bookingIds: string[]): Promise<JournalFacts[]> {
  if (bookingIds.length === 0) return [];
  const cash = sql`${ledgerEntries.account} = 'platform_cash'`;
  const rows = await db
    .select({
      id: ledgerJournals.id,
      bookingId: ledgerJournals.bookingId,
      kind: ledgerJournals.kind,
      source: ledgerJournals.source,
      currency: ledgerJournals.currency,
      cashDebit: sql<string>`coalesce(sum(${ledgerEntries.debitMinor}) filter (where ${cash}), 0)`,
      cashCredit: sql<string>`coalesce(sum(${ledgerEntries.creditMinor}) filter (where ${cash}), 0)`,
      debit: sql<string>`coalesce(sum(${ledgerEntries.debitMinor}), 0)`,
      credit: sql<string>`coalesce(sum(${ledgerEntries.creditMinor}), 0)`,
    })
    .from(ledgerJournals)
    .leftJoin(ledgerEntries, eq(ledgerEntries.journalId, ledgerJournals.id))
    .where(inArray(ledgerJournals.bookingId, bookingIds))
    .groupBy(ledgerJournals.id);
  return rows.map((r) => ({
    ...r,
    bookingId: r.bookingId!,
    cashDebit: Number(r.cashDebit),
    cashCredit: Number(r.cashCredit),
    debit: Number(r.debit),
    credit: Number(r.credit),
  }));
}

/** Journals of no booking whose debits and credits differ (the commit trigger should make this empty). */
export async function listUnbalancedUnboundJournals(db: Executor) {
  const rows = await db
    .select({
      id: ledgerJournals.id,
      currency: ledgerJournals.currency,
      debit: sql<string>`coalesce(sum(${ledgerEntries.debitMinor}), 0)`,
      credit: sql<string>`coalesce(sum(${ledgerEntries.creditMinor}), 0)`,
    })
    .from(ledgerJournals)
    .leftJoin(ledgerEntries, eq(ledgerEntries.journalId, ledgerJournals.id))
    .where(sql`${ledgerJournals.bookingId} IS NULL`)
    .groupBy(ledgerJournals.id)
    .having(sql`coalesce(sum(${ledgerEntries.debitMinor}), 0) <> coalesce(sum(${ledgerEntries.creditMinor}), 0)`);
  return rows.map((r) => ({ ...r, debit: Number(r.debit), credit: Number(r.credit) }));
}

/** billing's own records of the bookings' money: splits' fees, transfers, netted spend, refunds. */
export async function listBookingRecords(db: Executor, bookingIds: string[]) {
  if (bookingIds.length === 0) return { fees: [], transfers: [], netted: [], refunds: [] };
  const [fees, transferRows, netted, refundRows] = await Promise.all([
    db
      .select({
        bookingId: bookingSplits.bookingId,
        feeMinor: sql<string>`sum(${bookingSplits.feeMinor})`,
        shareMinor: sql<string>`sum(${bookingSplits.shareMinor})`,
      })
      .from(bookingSplits)
      .where(inArray(bookingSplits.bookingId, bookingIds))
      .groupBy(bookingSplits.bookingId),
    db
      .select({
        id: transfers.id,
        bookingId: transfers.bookingId,
        amountMinor: transfers.amountMinor,
        status: transfers.status,
        stripeTransferId: transfers.stripeTransferId,
      })
      .from(transfers)
      .where(inArray(transfers.bookingId, bookingIds)),
    db
      .select({ bookingId: transfers.bookingId, amountMinor: sql<string>`sum(${campaignSpend.amountMinor})` })
      .from(campaignSpend)
      .innerJoin(transfers, eq(transfers.id, campaignSpend.nettedTransferId))
      .where(and(inArray(transfers.bookingId, bookingIds), isNotNull(campaignSpend.nettedTransferId)))
      .groupBy(transfers.bookingId),
    db
      .select({
        id: refunds.id,
        bookingId: refunds.bookingId,
        amountMinor: refunds.amountMinor,
        platformRefundMinor: refunds.platformRefundMinor,
        currency: refunds.currency,
        status: refunds.status,
        reversedMinor: sql<string>`coalesce(sum(${transferReversals.amountMinor}) filter (where ${transferReversals.status} <> 'failed'), 0)`,
      })
      .from(refunds)
      .leftJoin(transferReversals, eq(transferReversals.refundId, refunds.id))
      .where(and(inArray(refunds.bookingId, bookingIds), ne(refunds.status, 'failed')))
      .groupBy(refunds.id),
  ]);
  return {
    fees: fees.map((f) => ({ bookingId: f.bookingId, feeMinor: Number(f.feeMinor), shareMinor: Number(f.shareMinor) })),
    transfers: transferRows,
    netted: netted.map((n) => ({ bookingId: n.bookingId, amountMinor: Number(n.amountMinor) })),
    refunds: refundRows.map((r) => ({ ...r, reversedMinor: Number(r.reversedMinor) })),
  };
}

export async function insertMismatches(tx: Tx, runId: string, rows: NewMismatch[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(reconciliationMismatches).values(rows.map((row) => ({ ...row, id: randomUUID(), runId })));
}

/** Closes a running run (a guarded change: a run already closed stays as it is). */
export async function finishRun(
  tx: Tx,
  runId: string,
  result: { status: 'succeeded' | 'failed'; bookingsChecked: number; mismatchCount: number; error?: string },
): Promise<ReconciliationRunRow | undefined> {
  const [row] = await tx
    .update(reconciliationRuns)
    .set({ ...result, error: result.error ?? null, finishedAt: new Date() })
    .where(and(eq(reconciliationRuns.id, runId), eq(reconciliationRuns.status, 'running')))
    .returning();
  return row;
}

export interface RunWithRate extends ReconciliationRunRow {
  bookingsWithMismatch: number;
}

export async function listRuns(db: Executor, limit: number): Promise<RunWithRate[]> {
  const rows = await db
    .select({
      run: reconciliationRuns,
      bookingsWithMismatch: sql<string>`count(distinct ${reconciliationMismatches.bookingId})`,
    })
    .from(reconciliationRuns)
    .leftJoin(reconciliationMismatches, eq(reconciliationMismatches.runId, reconciliationRuns.id))
    .groupBy(reconciliationRuns.id)
    .orderBy(desc(reconciliationRuns.startedAt), desc(reconciliationRuns.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.run, bookingsWithMismatch: Number(r.bookingsWithMismatch) }));
}

export async function findRun(db: Executor, runId: string): Promise<ReconciliationRunRow | undefined> {
  const [row] = await db.select().from(reconciliationRuns).where(eq(reconciliationRuns.id, runId));
  return row;
}

export function listMismatches(db: Executor, runId: string, limit = 500): Promise<MismatchRow[]> {
  return db
    .select()
    .from(reconciliationMismatches)
    .where(eq(reconciliationMismatches.runId, runId))
    .orderBy(asc(reconciliationMismatches.bookingId), asc(reconciliationMismatches.kind))
    .limit(limit);
}

export function listDisputes(db: Executor, limit = 200): Promise<DisputeRow[]> {
  return db.select().from(disputes).orderBy(desc(disputes.createdAt), desc(disputes.id)).limit(limit);
}

/** billing's hash-chained audit log, in the caller's transaction (append last: it takes the log's lock). */
export async function appendReconciliationAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}

export function listMoneyAudit(
  db: Executor,
  input: { beforeSeq?: number | undefined; limit: number },
): Promise<AuditRow[]> {
  return listAudit(db, auditLog, {
    limit: input.limit,
    ...(input.beforeSeq !== undefined ? { beforeSeq: input.beforeSeq } : {}),
  });
}

export function verifyMoneyAudit(db: Executor) {
  return verifyAuditChain(db, auditLog);
}

/** Whether an older entry exists (for the next cursor). */
export async function hasAuditBefore(db: Executor, seq: number): Promise<boolean> {
  const [row] = await db.select({ seq: auditLog.seq }).from(auditLog).where(lt(auditLog.seq, seq)).limit(1);
  return !!row;
}
