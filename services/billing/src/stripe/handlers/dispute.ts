import type Stripe from 'stripe';
import type { Tx } from '@tourconnect/db';
import { appendBillingAudit } from '../../db/bookings.repository.ts';
import { upsertDispute } from '../../db/disputes.repository.ts';
import { postJournal } from '../../db/ledger.repository.ts';
import { findPaymentByCharge } from '../../db/payments.repository.ts';
import { splitSharesByPartner } from '../../db/splits.repository.ts';
import {
  cancelFrozenBookingTransfers,
  listBookingTransfers,
  setBookingTransfersStatus,
} from '../../db/transfers.repository.ts';
import type { BillingContext } from '../../domain/context.ts';
import { disputeFeeLines, disputeLostLines } from '../../domain/journals.ts';
import type { StripeEventHandler } from './types.ts';

const chargeIdOf = (dispute: Stripe.Dispute) =>
  typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id;

/** A dispute opened: recorded, and the booking's unsent transfers frozen until it is decided. */
export const disputeCreated: StripeEventHandler = async (tx, event) => {
  const dispute = event.data.object as Stripe.Dispute;
  const payment = await findPaymentByCharge(tx, chargeIdOf(dispute));
  await upsertDispute(tx, {
    id: dispute.id,
    bookingId: payment?.bookingId ?? null,
    chargeId: chargeIdOf(dispute),
    amountMinor: dispute.amount,
    currency: dispute.currency.toUpperCase(),
    status: dispute.status,
    reason: dispute.reason,
  });
  const frozen = payment ? await setBookingTransfersStatus(tx, payment.bookingId, 'scheduled', 'frozen') : 0;
  await appendBillingAudit(tx, {
    action: 'dispute.opened',
    entityType: 'dispute',
    entityId: dispute.id,
    actorRole: 'system',
    data: { bookingId: payment?.bookingId ?? null, amountMinor: dispute.amount, reason: dispute.reason, frozen },
  });
  return `applied: ${frozen} transfer(s) frozen`;
};

/**
 * A dispute decided: won → the frozen transfers go out; lost → a chargeback: the frozen
 * transfers are canceled and the loss and Stripe's dispute fee posted (dispute-lost.ts).
 */
export const disputeClosed: StripeEventHandler = async (tx, event, ctx) => {
  const dispute = event.data.object as Stripe.Dispute;
  const payment = await findPaymentByCharge(tx, chargeIdOf(dispute));
  await upsertDispute(tx, {
    id: dispute.id,
    bookingId: payment?.bookingId ?? null,
    chargeId: chargeIdOf(dispute),
    amountMinor: dispute.amount,
    currency: dispute.currency.toUpperCase(),
    status: dispute.status,
    reason: dispute.reason,
  });
  const won = dispute.status === 'won' || dispute.status === 'warning_closed';
  const released = payment && won ? await setBookingTransfersStatus(tx, payment.bookingId, 'frozen', 'scheduled') : 0;
  const chargeback =
    payment && dispute.status === 'lost' ? await applyDisputeLost(tx, ctx, dispute, payment.bookingId) : undefined;
  await appendBillingAudit(tx, {
    action: 'dispute.closed',
    entityType: 'dispute',
    entityId: dispute.id,
    actorRole: 'system',
    data: { bookingId: payment?.bookingId ?? null, status: dispute.status, released, ...chargeback },
  });
  return chargeback
    ? `applied: lost, ${chargeback.canceled} transfer(s) canceled, loss ${chargeback.lossMinor}, fee ${chargeback.feeMinor}`
    : `applied: ${dispute.status}, ${released} transfer(s) released`;
};

/**
 * A lost dispute is a chargeback (services/billing/README.md, webhooks): the partners whose
 * transfers were still held are not paid for a sale taken back (their transfers are canceled),
 * the platform carries what it had already transferred or kept as its fee, and Stripe's dispute
 * fee is an expense. All of it in the transaction that records the closed dispute; a replay
 * finds nothing frozen and posts nothing twice (journals are idempotent by source).
 */
export async function applyDisputeLost(
  tx: Tx,
  ctx: BillingContext,
  dispute: Stripe.Dispute,
  bookingId: string,
): Promise<{ canceled: number; lossMinor: number; feeMinor: number }> {
  const currency = dispute.currency.toUpperCase();
  const canceled = await cancelFrozenBookingTransfers(tx, bookingId);
  for (const t of canceled) {
    await appendBillingAudit(tx, {
      action: 'transfer.canceled',
      entityType: 'transfer',
      entityId: t.id,
      actorRole: 'system',
      data: {
        bookingId,
        partnerId: t.partnerId,
        amountMinor: t.amountMinor,
        reason: 'dispute_lost',
        dispute: dispute.id,
      },
    });
  }
  // Lost before bundling confirmed the booking: no transfer exists yet (the ones created later
  // are created canceled, transfer-schedule.ts), so the partners' unpaid shares are the split's.
  const unscheduled = (await listBookingTransfers(tx, bookingId)).length === 0;
  const shares = unscheduled
    ? (await splitSharesByPartner(tx, bookingId))
        .filter((s) => s.shareMinor > 0)
        .map((s) => ({ partnerId: s.partnerId, amountMinor: s.shareMinor }))
    : canceled.map((t) => ({ partnerId: t.partnerId, amountMinor: t.amountMinor }));
  await postJournal(tx, {
    bookingId,
    kind: 'dispute_lost',
    source: `dispute_lost:${dispute.id}`,
    currency,
    memo: `chargeback ${dispute.id} on ${typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id}`,
    lines: disputeLostLines({ disputedMinor: dispute.amount, canceled: shares }),
  });
  const feeMinor = await disputeFee(ctx, dispute);
  if (feeMinor > 0) {
    await postJournal(tx, {
      bookingId,
      kind: 'dispute_fee',
      source: `dispute_fee:${dispute.id}`,
      currency,
      lines: disputeFeeLines(feeMinor),
    });
  }
  const canceledMinor = shares.reduce((sum, s) => sum + s.amountMinor, 0);
  return {
    canceled: unscheduled ? shares.length : canceled.length,
    lossMinor: dispute.amount - canceledMinor,
    feeMinor,
  };
}

/**
 * What Stripe kept for the dispute: the net fee of its balance transactions (the withdrawal's
 * fee, less any reinstated). Stripe sends them expanded; an id alone is read from Stripe.
 */
async function disputeFee(ctx: BillingContext, dispute: Stripe.Dispute): Promise<number> {
  let fee = 0;
  for (const txn of dispute.balance_transactions ?? []) {
    const full = typeof txn === 'string' ? await ctx.stripe.balanceTransactions.retrieve(txn) : txn;
    fee += full.fee;
  }
  return Math.max(fee, 0);
}
