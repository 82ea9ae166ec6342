import type Stripe from 'stripe';
import type { Tx } from '@tourconnect/db';
import { appendBillingAudit } from '../db/bookings.repository.ts';
import { takeSpendToNet } from '../db/documents.repository.ts';
import { postJournal } from '../db/ledger.repository.ts';
import { memberUserIds } from '../db/members.repository.ts';
import {
  claimDueTransfers,
  findPartnerAccounts,
  updateTransfer,
  type TransferRow,
} from '../db/transfers.repository.ts';
import type { BillingContext } from './context.ts';
import { transferSentLines } from './journals.ts';
import { backoffAfter, errorText, isTransient, MAX_REFUSED_ATTEMPTS, type QueueLogger } from './money-queue.ts';
import type { TokenBucket } from './token-bucket.ts';

const BATCH = 50;
/**
 * Requests in flight at once. The request budget (token bucket) still decides the rate; this only
 * stops one slow answer from holding up every other partner's transfer behind it.
 */
const SEND_CONCURRENCY = 8;

export interface QueueRun {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends every due transfer once: claimed in a short transaction (leased 'sending'), the
 * Stripe call outside any transaction under the request budget, the outcome in another. A
 * 429/5xx/timeout reschedules it with backoff and the SAME idempotency key, so a request that
 * did reach Stripe is answered from Stripe's record instead of moving money twice.
 */
export async function runTransferQueueOnce(
  ctx: BillingContext,
  budget: TokenBucket,
  log?: QueueLogger,
  now: Date = new Date(),
): Promise<QueueRun> {
  const run: QueueRun = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const claimed = await ctx.db.transaction(async (tx) => {
      const rows: TransferRow[] = [];
      // One at a time: two transfers of one partner must not net the same spend.
      for (const row of await claimDueTransfers(tx, now, BATCH)) rows.push(await netSponsoredSpend(tx, row));
      return rows;
    });
    await inParallel(claimed, SEND_CONCURRENCY, async (transfer) => {
      await budget.take();
      run[await sendTransfer(ctx, transfer, log)] += 1;
    });
    if (claimed.length < BATCH) return run;
  }
}

/** Runs `work` over `items` with at most `limit` at a time; rejects with the first failure, after all settle. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failures.length > 0) throw failures[0];
}

/**
 * Before a transfer's first request to Stripe, the partner's sponsored-placement spend not yet
 * paid is netted from it (whole spend rows, oldest first, while they fit): the transfer goes out
 * smaller and the ledger moves the amount from the partner's payable to the platform's revenue.
 * Only before the first attempt, so a retried request always repeats the same amount.
 */
async function netSponsoredSpend(tx: Tx, transfer: TransferRow): Promise<TransferRow> {
  if (transfer.attempts > 0 || transfer.amountMinor === 0) return transfer;
  const netted = await takeSpendToNet(tx, transfer.partnerId, transfer.currency, transfer.amountMinor, transfer.id);
  if (netted === 0) return transfer;
  const updated = await updateTransfer(tx, transfer.id, ['sending'], { amountMinor: transfer.amountMinor - netted });
  await postJournal(tx, {
    bookingId: transfer.bookingId,
    kind: 'spend_netted',
    source: `spend_netted:${transfer.id}`,
    currency: transfer.currency,
    memo: 'sponsored placement spend netted from the transfer',
    lines: [
      { account: 'partner_payable', partnerId: transfer.partnerId, debitMinor: netted },
      { account: 'platform_revenue', creditMinor: netted },
    ],
  });
  await appendBillingAudit(tx, {
    action: 'transfer.spend_netted',
    entityType: 'transfer',
    entityId: transfer.id,
    actorRole: 'system',
    data: {
      bookingId: transfer.bookingId,
      partnerId: transfer.partnerId,
      nettedMinor: netted,
      currency: transfer.currency,
    },
  });
  return updated ?? transfer;
}

async function sendTransfer(ctx: BillingContext, transfer: TransferRow, log?: QueueLogger): Promise<keyof QueueRun> {
  const [account] = await findPartnerAccounts(ctx.db, [transfer.partnerId]);
  if (transfer.amountMinor === 0) {
    await ctx.db.transaction((tx) => updateTransfer(tx, transfer.id, ['sending'], { status: 'canceled' }));
    return 'sent';
  }
  try {
    const sent = await ctx.stripe.transfers.create(
      {
        amount: transfer.amountMinor,
        currency: transfer.currency.toLowerCase(),
        destination: account!.stripeAccountId,
        source_transaction: transfer.sourceChargeId,
        transfer_group: transfer.bookingId,
        metadata: { booking_id: transfer.bookingId, partner_id: transfer.partnerId, transfer_id: transfer.id },
      },
      { idempotencyKey: transfer.idempotencyKey },
    );
    await recordSent(ctx, transfer, sent);
    return 'sent';
  } catch (error) {
    return recordFailure(ctx, transfer, error, log);
  }
}

async function recordSent(ctx: BillingContext, transfer: TransferRow, sent: Stripe.Transfer): Promise<void> {
  const audience = await memberUserIds(ctx.db, transfer.partnerId);
  await ctx.db.transaction(async (tx) => {
    const row = await updateTransfer(tx, transfer.id, ['sending', 'scheduled'], {
      status: 'sent',
      stripeTransferId: sent.id,
      sentAt: new Date(),
      attempts: transfer.attempts + 1,
      lastError: null,
    });
    if (!row) return;
    await postJournal(tx, {
      bookingId: row.bookingId,
      kind: 'transfer_sent',
      source: `transfer:${sent.id}`,
      currency: row.currency,
      lines: transferSentLines({ partnerId: row.partnerId, amountMinor: row.amountMinor }),
    });
    await ctx.publish(
      tx,
      'billing.transfer.sent.v1',
      {
        transferId: row.id,
        bookingId: row.bookingId,
        partnerId: row.partnerId,
        amountMinor: BigInt(row.amountMinor),
        currency: row.currency,
        stripeTransferId: sent.id,
      },
      { audience },
    );
    await appendBillingAudit(tx, {
      action: 'transfer.sent',
      entityType: 'transfer',
      entityId: row.id,
      actorRole: 'system',
      data: {
        bookingId: row.bookingId,
        partnerId: row.partnerId,
        amountMinor: row.amountMinor,
        stripeTransferId: sent.id,
      },
    });
  });
}

async function recordFailure(
  ctx: BillingContext,
  transfer: TransferRow,
  error: unknown,
  log?: QueueLogger,
): Promise<keyof QueueRun> {
  const attempts = transfer.attempts + 1;
  const givenUp = !isTransient(error) && attempts >= MAX_REFUSED_ATTEMPTS;
  log?.warn({ transferId: transfer.id, attempts, err: errorText(error) }, 'transfer not sent');
  await ctx.db.transaction(async (tx) => {
    await updateTransfer(tx, transfer.id, ['sending'], {
      status: givenUp ? 'failed' : 'scheduled',
      attempts,
      nextAttemptAt: backoffAfter(attempts),
      lastError: errorText(error),
    });
    if (givenUp) {
      await appendBillingAudit(tx, {
        action: 'transfer.failed',
        entityType: 'transfer',
        entityId: transfer.id,
        actorRole: 'system',
        data: { bookingId: transfer.bookingId, partnerId: transfer.partnerId, attempts, error: errorText(error) },
      });
    }
  });
  return givenUp ? 'failed' : 'retried';
}

export interface MoneyWorker {
  stop(): Promise<void>;
}

/**
 * Runs `work` every `intervalMs` (0: never in this process), one run at a time; a failed run is
 * logged and the next tick tries again. `stop` waits for a run in progress, so the pool is not
 * closed under it.
 */
export function startMoneyWorker(intervalMs: number, work: () => Promise<unknown>, log: QueueLogger): MoneyWorker {
  if (intervalMs === 0) return { stop: async () => {} };
  let running: Promise<void> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = work()
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error }, 'money queue run failed'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
