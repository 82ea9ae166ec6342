import { Counter, Gauge, type Registry } from 'prom-client';
import {
  acquireRunLock,
  appendReconciliationAudit,
  claimRun,
  findRunningRun,
  finishRun,
  insertMismatches,
  listBookingJournals,
  listBookingRecords,
  listPaymentsPage,
  listUnbalancedUnboundJournals,
  recordRunProgress,
  type PaymentRow,
  type RunLock,
} from '../db/reconciliation.repository.ts';
import { listBookingDisputes } from '../db/disputes.repository.ts';
import type { BillingContext } from './context.ts';
import { checkBooking, type BookingRecords, type Mismatch } from './reconcile-checks.ts';
import { createStripeReader, StripeReadError, type StripeReader } from './reconcile-stripe.ts';

/**
 * Reconciliation: for every booking with a payment, the ledger, billing's own records and
 * Stripe's objects must tell the same story (ARCHITECTURE.md, Money rules). A run reads
 * payments in batches, asks Stripe under a request budget, and stores each mismatch with a
 * cause an admin can act on. One run at a time across replicas (acquireRunLock).
 */

export type ReconciliationTrigger = 'schedule' | 'admin';

export interface ReconcileOptions {
  trigger: ReconciliationTrigger;
  requestedBy?: string | null;
  /** Only payments created at or after this instant. */
  since?: Date;
  /** Aborted when the service shuts down: the run stops after its current batch, as failed. */
  signal?: AbortSignal;
}

export interface ReconciliationResult {
  runId: string;
  status: 'succeeded' | 'failed';
  bookingsChecked: number;
  mismatchCount: number;
  error?: string;
}

/** A started run holds the lock until `executeReconciliation` ends it. */
export type StartResult =
  { ok: true; runId: string; lock: RunLock } | { ok: false; reason: 'already_running'; runningRunId: string | null };

export interface ReconciliationMetrics {
  observe(result: ReconciliationResult & { bookingsWithMismatch: number; trigger: ReconciliationTrigger }): void;
}

const BATCH = 50;
const STRIPE_READS_PER_SECOND = 20;

/** The run's gauge and counter on the service's own registry (GET /metrics). */
export function reconciliationMetrics(registry: Registry): ReconciliationMetrics {
  const ratio = new Gauge({
    name: 'billing_reconciliation_mismatch_ratio',
    help: 'Bookings with at least one reconciliation mismatch / bookings checked, in the last finished run',
    registers: [registry],
  });
  const runs = new Counter({
    name: 'billing_reconciliation_runs_total',
    help: 'Reconciliation runs by trigger and outcome',
    labelNames: ['trigger', 'status'],
    registers: [registry],
  });
  return {
    observe(result) {
      runs.inc({ trigger: result.trigger, status: result.status });
      if (result.status === 'succeeded') {
        ratio.set(result.bookingsChecked === 0 ? 0 : result.bookingsWithMismatch / result.bookingsChecked);
      }
    },
  };
}

/** Takes the lock and records the run; `executeReconciliation` then does the work and lets go. */
export async function startReconciliation(ctx: BillingContext, options: ReconcileOptions): Promise<StartResult> {
  const lock = await acquireRunLock(ctx.db);
  if (!lock) return { ok: false, reason: 'already_running', runningRunId: await findRunningRun(ctx.db) };
  try {
    const runId = await claimRun(ctx.db, { trigger: options.trigger, requestedBy: options.requestedBy ?? null });
    return { ok: true, runId, lock };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** One whole run, start to finish: what the schedule and the tests call. */
export async function runReconciliation(
  ctx: BillingContext,
  options: ReconcileOptions,
  metrics?: ReconciliationMetrics,
): Promise<StartResult & { result?: ReconciliationResult }> {
  const started = await startReconciliation(ctx, options);
  if (!started.ok) return started;
  return { ...started, result: await executeReconciliation(ctx, started, options, metrics) };
}

export async function executeReconciliation(
  ctx: BillingContext,
  started: { runId: string; lock: RunLock },
  options: ReconcileOptions,
  metrics?: ReconciliationMetrics,
  reader: StripeReader = createStripeReader(ctx.stripe, { perSecond: STRIPE_READS_PER_SECOND }),
): Promise<ReconciliationResult> {
  try {
    return await execute(ctx, started.runId, options, reader, metrics);
  } finally {
    await started.lock.release();
  }
}

async function execute(
  ctx: BillingContext,
  runId: string,
  options: ReconcileOptions,
  reader: StripeReader,
  metrics: ReconciliationMetrics | undefined,
): Promise<ReconciliationResult> {
  const tally = { bookingsChecked: 0, mismatchCount: 0, bookingsWithMismatch: 0 };
  let result: ReconciliationResult;
  try {
    await recordUnboundJournals(ctx, runId, tally);
    let afterId: string | undefined;
    for (;;) {
      if (options.signal?.aborted) throw new Error('the service shut down before the run finished');
      const page = await listPaymentsPage(ctx.db, { since: options.since, afterId, limit: BATCH });
      if (page.length === 0) break;
      await reconcileBatch(ctx, runId, page, reader, tally);
      afterId = page[page.length - 1]!.id;
    }
    result = { runId, status: 'succeeded', ...counts(tally) };
  } catch (error) {
    result = { runId, status: 'failed', ...counts(tally), error: describe(error) };
  }
  await closeRun(ctx, result, options);
  metrics?.observe({ ...result, bookingsWithMismatch: tally.bookingsWithMismatch, trigger: options.trigger });
  return result;
}

interface Tally {
  bookingsChecked: number;
  mismatchCount: number;
  bookingsWithMismatch: number;
}

const counts = (t: Tally) => ({ bookingsChecked: t.bookingsChecked, mismatchCount: t.mismatchCount });

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Stopped: ${message}`.slice(0, 500);
}

async function recordUnboundJournals(ctx: BillingContext, runId: string, tally: Tally): Promise<void> {
  const unbalanced = await listUnbalancedUnboundJournals(ctx.db);
  const rows: Mismatch[] = unbalanced.map((j) => ({
    bookingId: null,
    kind: 'journal_unbalanced',
    expectedMinor: j.debit,
    actualMinor: j.credit,
    currency: j.currency,
    cause: `Journal ${j.id} is unbalanced: debits ${j.debit}, credits ${j.credit}.`,
    details: {
      causeCode: 'journal_unbalanced',
      causeParams: { journal: j.id, debitMinor: j.debit, creditMinor: j.credit },
    },
  }));
  await ctx.db.transaction((tx) => insertMismatches(tx, runId, rows));
  tally.mismatchCount += rows.length;
}

async function reconcileBatch(
  ctx: BillingContext,
  runId: string,
  page: PaymentRow[],
  reader: StripeReader,
  tally: Tally,
): Promise<void> {
  const bookingIds = page.map((p) => p.bookingId);
  const [journals, records, disputes] = await Promise.all([
    listBookingJournals(ctx.db, bookingIds),
    listBookingRecords(ctx.db, bookingIds),
    listBookingDisputes(ctx.db, bookingIds),
  ]);
  const found: Mismatch[] = [];
  for (const payment of page) {
    const mismatches = await reconcilePayment(payment, reader, {
      journals: journals.filter((j) => j.bookingId === payment.bookingId),
      records: recordsOf({ ...records, disputes }, payment.bookingId),
    });
    tally.bookingsChecked += 1;
    if (mismatches.length > 0) tally.bookingsWithMismatch += 1;
    found.push(...mismatches);
  }
  tally.mismatchCount += found.length;
  await ctx.db.transaction(async (tx) => {
    await insertMismatches(tx, runId, found);
    await recordRunProgress(tx, runId, counts(tally));
  });
}

async function reconcilePayment(
  payment: PaymentRow,
  reader: StripeReader,
  facts: Pick<Parameters<typeof checkBooking>[0], 'journals' | 'records'>,
): Promise<Mismatch[]> {
  try {
    const stripe = await reader.booking(payment.paymentIntentId, payment.bookingId);
    return checkBooking({ payment, stripe, ...facts });
  } catch (error) {
    // Stripe answered but refused (e.g. 404): this booking's finding. A Stripe that does not
    // answer at all (after retries) stops the run: its findings would all be noise.
    if (!(error instanceof StripeReadError)) throw error;
    return [
      {
        bookingId: payment.bookingId,
        kind: 'stripe_unreadable',
        expectedMinor: payment.amountMinor,
        actualMinor: null,
        currency: payment.currency,
        cause: `Stripe could not give PaymentIntent ${payment.paymentIntentId} (${error.statusCode ?? 'no status'}: ${error.message}).`,
        details: {
          causeCode: 'stripe_unreadable',
          causeParams: {
            paymentIntent: payment.paymentIntentId,
            status: error.statusCode ?? '',
            message: error.message,
          },
        },
      },
    ];
  }
}

function recordsOf(
  records: Awaited<ReturnType<typeof listBookingRecords>> & {
    disputes: Awaited<ReturnType<typeof listBookingDisputes>>;
  },
  bookingId: string,
): BookingRecords {
  return {
    split: records.fees.find((f) => f.bookingId === bookingId) ?? null,
    transfers: records.transfers.filter((t) => t.bookingId === bookingId),
    nettedMinor: records.netted.find((n) => n.bookingId === bookingId)?.amountMinor ?? 0,
    refunds: records.refunds.filter((r) => r.bookingId === bookingId),
    disputes: records.disputes.filter((d) => d.bookingId === bookingId),
  };
}

async function closeRun(ctx: BillingContext, result: ReconciliationResult, options: ReconcileOptions): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const closed = await finishRun(tx, result.runId, {
      status: result.status,
      bookingsChecked: result.bookingsChecked,
      mismatchCount: result.mismatchCount,
      ...(result.error ? { error: result.error } : {}),
    });
    if (!closed) return;
    await appendReconciliationAudit(tx, {
      action: result.status === 'succeeded' ? 'reconciliation.completed' : 'reconciliation.failed',
      entityType: 'reconciliation_run',
      entityId: result.runId,
      actorId: options.requestedBy ?? null,
      actorRole: options.trigger === 'admin' ? 'admin' : 'system',
      data: {
        trigger: options.trigger,
        ...(options.since ? { since: options.since.toISOString() } : {}),
        bookingsChecked: result.bookingsChecked,
        mismatchCount: result.mismatchCount,
        ...(result.error ? { error: result.error } : {}),
      },
    });
  });
}
