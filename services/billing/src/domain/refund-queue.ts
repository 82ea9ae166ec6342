import type Stripe from 'stripe';
import type { Tx } from '@tourconnect/db';
import { appendBillingAudit } from '../db/bookings.repository.ts';
import { postJournal } from '../db/ledger.repository.ts';
import { findPayment } from '../db/payments.repository.ts';
import {
  claimDueRefunds,
  claimDueReversals,
  listRefundReversals,
  refundJournalParts,
  updateRefund,
  updateReversal,
  type RefundRow,
  type ReversalRow,
} from '../db/refunds.repository.ts';
import { findTransfer, updateTransfer } from '../db/transfers.repository.ts';
import type { BillingContext } from './context.ts';
import { refundIssuedLines, reversalReceivedLines, reversedLines } from './journals.ts';
import { backoffAfter, errorText, isTransient, type QueueLogger } from './money-queue.ts';
import type { QueueRun } from './transfer-queue.ts';
import type { TokenBucket } from './token-bucket.ts';

const BATCH = 50;

/**
 * One pass of the refund queue: due refunds go to Stripe (same idempotency key on every try),
 * then the reversals of refunds Stripe has paid — a Stripe reversal for a transfer already
 * sent, a smaller transfer for one that never left.
 */
export async function runRefundQueueOnce(
  ctx: BillingContext,
  budget: TokenBucket,
  log?: QueueLogger,
  now: Date = new Date(),
): Promise<QueueRun> {
  const run: QueueRun = { sent: 0, retried: 0, failed: 0 };
  const refunds = await ctx.db.transaction((tx) => claimDueRefunds(tx, now, BATCH));
  for (const refund of refunds) {
    await budget.take();
    run[await sendRefund(ctx, refund, log)] += 1;
  }
  const reversals = await ctx.db.transaction((tx) => claimDueReversals(tx, now, BATCH));
  for (const reversal of reversals) run[await settleReversal(ctx, budget, reversal, log)] += 1;
  return run;
}

async function sendRefund(ctx: BillingContext, refund: RefundRow, log?: QueueLogger): Promise<keyof QueueRun> {
  const payment = await findPayment(ctx.db, refund.paymentId);
  try {
    const issued = await ctx.stripe.refunds.create(
      {
        payment_intent: payment!.paymentIntentId,
        amount: refund.amountMinor,
        reason: 'requested_by_customer',
        metadata: { booking_id: refund.bookingId, refund_id: refund.id, reason: refund.reason },
      },
      { idempotencyKey: refund.idempotencyKey },
    );
    await ctx.db.transaction((tx) => recordRefunded(ctx, tx, refund, issued, payment!.amountMinor, payment!.userId));
    return 'sent';
  } catch (error) {
    const attempts = refund.attempts + 1;
    log?.warn({ refundId: refund.id, attempts, err: errorText(error) }, 'refund not issued');
    if (isTransient(error)) {
      await ctx.db.transaction((tx) =>
        updateRefund(tx, refund.id, {
          status: 'pending',
          attempts,
          nextAttemptAt: backoffAfter(attempts),
          lastError: errorText(error),
        }),
      );
      return 'retried';
    }
    await ctx.db.transaction((tx) => recordRefundFailed(tx, refund, attempts, errorText(error)));
    return 'failed';
  }
}

async function recordRefunded(
  ctx: BillingContext,
  tx: Tx,
  refund: RefundRow,
  issued: Stripe.Refund,
  chargedMinor: number,
  userId: string,
): Promise<void> {
  const status = issued.status === 'failed' || issued.status === 'canceled' ? 'failed' : 'succeeded';
  await updateRefund(tx, refund.id, {
    status,
    stripeRefundId: issued.id,
    attempts: refund.attempts + 1,
    lastError: null,
  });
  if (status === 'failed') {
    await recordRefundFailed(tx, refund, refund.attempts + 1, `stripe refund ${issued.id} ${issued.status}`);
    return;
  }
  const reversals = await listRefundReversals(tx, refund.id);
  const parts = await refundJournalParts(tx, `refund:${refund.id}`);
  await ctx.publish(
    tx,
    'billing.refund.issued.v1',
    {
      refundId: refund.id,
      paymentId: refund.paymentId,
      bookingId: refund.bookingId,
      amountMinor: BigInt(refund.amountMinor),
      chargedMinor: BigInt(chargedMinor),
      currency: refund.currency,
      reason: refund.reason,
      reversals: parts.map((part) => {
        const reversal = reversals.find((r) => r.partnerId === part.partnerId);
        return {
          partnerId: part.partnerId,
          // The partner's transfer row when one exists; 'not_scheduled' for a booking never confirmed.
          transferId: reversal?.transferId ?? 'not_scheduled',
          amountMinor: BigInt(part.amountMinor),
        };
      }),
      platformRefundMinor: BigInt(refund.platformRefundMinor),
    },
    { audience: [userId] },
  );
  await appendBillingAudit(tx, {
    action: 'refund.issued',
    entityType: 'refund',
    entityId: refund.id,
    actorRole: 'system',
    data: {
      bookingId: refund.bookingId,
      stripeRefundId: issued.id,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
    },
  });
}

/** A refund Stripe refused: failed, its journal undone, its reversals dropped. */
export async function recordRefundFailed(tx: Tx, refund: RefundRow, attempts: number, error: string): Promise<void> {
  await updateRefund(tx, refund.id, { status: 'failed', attempts, lastError: error });
  for (const reversal of await listRefundReversals(tx, refund.id)) {
    if (reversal.status !== 'succeeded')
      await updateReversal(tx, reversal.id, { status: 'failed', lastError: 'refund failed' });
  }
  const parts = await refundJournalParts(tx, `refund:${refund.id}`);
  await postJournal(tx, {
    bookingId: refund.bookingId,
    kind: 'refund_failed',
    source: `refund_failed:${refund.id}`,
    currency: refund.currency,
    lines: reversedLines(
      refundIssuedLines({
        refundMinor: refund.amountMinor,
        reversals: parts,
        platformRefundMinor: refund.platformRefundMinor,
      }),
    ),
  });
  await appendBillingAudit(tx, {
    action: 'refund.failed',
    entityType: 'refund',
    entityId: refund.id,
    actorRole: 'system',
    data: { bookingId: refund.bookingId, amountMinor: refund.amountMinor, attempts, error },
  });
}

/**
 * A partner's part of a paid refund: reversed at Stripe when its transfer was sent; withheld
 * from the transfer when it never reached Stripe (its amount shrinks, no reversal needed);
 * otherwise (a send in flight or retried) it waits for the transfer to settle.
 */
async function settleReversal(
  ctx: BillingContext,
  budget: TokenBucket,
  reversal: ReversalRow,
  log?: QueueLogger,
): Promise<keyof QueueRun> {
  const decision = await ctx.db.transaction(async (tx) => {
    const transfer = await findTransfer(tx, reversal.transferId, { forUpdate: true });
    if (!transfer || transfer.status === 'canceled') {
      await updateReversal(tx, reversal.id, { status: 'failed', lastError: 'transfer canceled' });
      return 'failed' as const;
    }
    if (transfer.status === 'sent') return transfer.stripeTransferId!;
    if (transfer.status !== 'sending' && transfer.attempts === 0) {
      const amountMinor = transfer.amountMinor - reversal.amountMinor;
      await updateTransfer(tx, transfer.id, [transfer.status], {
        amountMinor,
        ...(amountMinor === 0 ? { status: 'canceled' as const } : {}),
      });
      await updateReversal(tx, reversal.id, { status: 'succeeded', attempts: reversal.attempts + 1 });
      await auditReversal(tx, reversal, 'withheld', null);
      return 'withheld' as const;
    }
    await updateReversal(tx, reversal.id, { status: 'pending', nextAttemptAt: backoffAfter(reversal.attempts + 1) });
    return 'wait' as const;
  });
  if (decision === 'failed') return 'failed';
  if (decision === 'withheld') return 'sent';
  if (decision === 'wait') return 'retried';
  await budget.take();
  return reverseAtStripe(ctx, reversal, decision, log);
}

async function reverseAtStripe(
  ctx: BillingContext,
  reversal: ReversalRow,
  stripeTransferId: string,
  log?: QueueLogger,
): Promise<keyof QueueRun> {
  try {
    const reversed = await ctx.stripe.transfers.createReversal(
      stripeTransferId,
      { amount: reversal.amountMinor, metadata: { booking_id: reversal.bookingId, refund_id: reversal.refundId } },
      { idempotencyKey: reversal.idempotencyKey },
    );
    await ctx.db.transaction(async (tx) => {
      const transfer = await findTransfer(tx, reversal.transferId, { forUpdate: true });
      await updateReversal(tx, reversal.id, {
        status: 'succeeded',
        stripeReversalId: reversed.id,
        attempts: reversal.attempts + 1,
      });
      await updateTransfer(tx, reversal.transferId, ['sent'], {
        amountReversedMinor: Math.min(transfer!.amountMinor, transfer!.amountReversedMinor + reversal.amountMinor),
      });
      await postJournal(tx, {
        bookingId: reversal.bookingId,
        kind: 'reversal_received',
        source: `reversal:${reversed.id}`,
        currency: reversal.currency,
        lines: reversalReceivedLines({ partnerId: reversal.partnerId, amountMinor: reversal.amountMinor }),
      });
      await auditReversal(tx, reversal, 'reversed', reversed.id);
    });
    return 'sent';
  } catch (error) {
    const attempts = reversal.attempts + 1;
    const transient = isTransient(error);
    log?.warn({ reversalId: reversal.id, attempts, err: errorText(error) }, 'transfer reversal not made');
    await ctx.db.transaction(async (tx) => {
      await updateReversal(tx, reversal.id, {
        status: transient ? 'pending' : 'failed',
        attempts,
        nextAttemptAt: backoffAfter(attempts),
        lastError: errorText(error),
      });
      if (!transient) await auditReversal(tx, reversal, 'failed', null);
    });
    return transient ? 'retried' : 'failed';
  }
}

async function auditReversal(
  tx: Tx,
  reversal: ReversalRow,
  how: string,
  stripeReversalId: string | null,
): Promise<void> {
  await appendBillingAudit(tx, {
    action: `transfer_reversal.${how}`,
    entityType: 'transfer_reversal',
    entityId: reversal.id,
    actorRole: 'system',
    data: {
      bookingId: reversal.bookingId,
      refundId: reversal.refundId,
      partnerId: reversal.partnerId,
      transferId: reversal.transferId,
      amountMinor: reversal.amountMinor,
      stripeReversalId,
    },
  });
}
