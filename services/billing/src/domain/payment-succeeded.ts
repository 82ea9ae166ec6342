import type Stripe from 'stripe';
import type { Tx } from '@tourconnect/db';
import { appendBillingAudit, findBooking, type BillingBookingRow } from '../db/bookings.repository.ts';
import { issueReceipt } from '../db/documents.repository.ts';
import { receiptLinkExpiry, signReceiptLink } from '../documents/receipt-link.ts';
import { postJournal } from '../db/ledger.repository.ts';
import { findPaymentByIntent, updatePayment, type PaymentRow } from '../db/payments.repository.ts';
import { insertSplits } from '../db/splits.repository.ts';
import type { BillingContext } from './context.ts';
import { bookingFeeBps, defaultFeeBps } from './fee-rules.ts';
import { paymentCapturedLines, stripeFeeLines } from './journals.ts';
import { splitPayment, type SplitResult } from './split.ts';
import { scheduleTransfers } from './transfer-schedule.ts';

/** What the charge cost: Stripe's processing fee from its balance transaction (a Stripe read). */
export interface ChargeFacts {
  chargeId: string;
  stripeFeeMinor: number;
}

/** The intent's charge and its fee, read from Stripe (expand balance_transaction). */
export async function readChargeFacts(
  ctx: BillingContext,
  intent: Stripe.PaymentIntent,
): Promise<ChargeFacts | undefined> {
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
  if (!chargeId) return undefined;
  const charge = await ctx.stripe.charges.retrieve(chargeId, { expand: ['balance_transaction'] });
  const balance = charge.balance_transaction;
  const fee = balance && typeof balance === 'object' ? balance.fee : 0;
  return { chargeId, stripeFeeMinor: fee };
}

/**
 * payment_intent.succeeded, once per payment (a replay or a second event finds it succeeded):
 * the payment succeeds with its charge and Stripe fee, the booking is split between its
 * partners and the platform (booking_splits, at the seller's fee then in force), the ledger
 * records the capture and the fee, the receipt is issued, billing.payment.succeeded.v1 tells
 * bundling (and the traveller's open tabs), and — when bundling's confirmation came first — the
 * transfers are scheduled.
 */
export async function applyPaymentSucceeded(
  ctx: BillingContext,
  tx: Tx,
  intent: Stripe.PaymentIntent,
  charge: ChargeFacts,
): Promise<string> {
  const payment = await findPaymentByIntent(tx, intent.id, { forUpdate: true });
  if (!payment) return `ignored: no payment for ${intent.id}`;
  if (payment.status === 'succeeded') return 'duplicate: payment already succeeded';
  const booking = await findBooking(tx, payment.bookingId, { forUpdate: true });
  if (!booking) throw new Error(`payment ${payment.id}: booking ${payment.bookingId} is not projected`);
  if (intent.amount_received !== payment.amountMinor) {
    throw new Error(`payment ${payment.id}: received ${intent.amount_received}, expected ${payment.amountMinor}`);
  }
  const now = new Date();
  const succeeded = await updatePayment(
    tx,
    payment.id,
    ['requires_payment_method', 'processing', 'failed', 'canceled'],
    {
      status: 'succeeded',
      chargeId: charge.chargeId,
      stripeFeeMinor: charge.stripeFeeMinor,
      lastErrorCode: null,
      succeededAt: now,
    },
  );
  if (!succeeded) return 'duplicate: payment already succeeded';
  const split = await splitOf(tx, ctx, booking);
  await insertSplits(
    tx,
    split.rows.map((r) => ({
      bookingId: booking.id,
      position: r.position,
      partnerId: r.partnerId,
      role: r.role,
      itemId: r.itemId,
      itemType: r.itemType,
      currency: booking.currency,
      earningMinor: r.earningMinor,
      feeBps: r.feeBps,
      feeMinor: r.feeMinor,
      shareMinor: r.shareMinor,
    })),
  );
  await postPaymentJournals(tx, booking, succeeded, split);
  await issueReceipt(tx, {
    bookingId: booking.id,
    userId: booking.userId,
    currency: booking.currency,
    totalMinor: succeeded.amountMinor,
    issuedAt: now,
  });
  await ctx.publish(
    tx,
    'billing.payment.succeeded.v1',
    {
      paymentId: payment.id,
      bookingId: booking.id,
      packageId: booking.packageId,
      userId: booking.userId,
      amountMinor: BigInt(succeeded.amountMinor),
      currency: booking.currency,
      paymentIntentId: intent.id,
      chargeId: charge.chargeId,
      couponCode: booking.couponCode ?? '',
      affiliateCode: booking.affiliateCode ?? '',
      // No lang: notifications appends the recipient's (it is not signed).
      receiptPath: signReceiptLink(ctx.settings.RECEIPT_LINK_KEY, booking.id, receiptLinkExpiry(now)),
    },
    { audience: [booking.userId] },
  );
  if (booking.status === 'confirmed') await scheduleTransfers(ctx, tx, booking.id);
  await appendBillingAudit(tx, {
    action: 'payment.succeeded',
    entityType: 'payment',
    entityId: payment.id,
    actorRole: 'system',
    data: {
      bookingId: booking.id,
      paymentIntentId: intent.id,
      chargeId: charge.chargeId,
      amountMinor: succeeded.amountMinor,
      currency: booking.currency,
      stripeFeeMinor: charge.stripeFeeMinor,
      platformFeeMinor: split.platformFeeMinor,
      feeBps: split.feeBps,
      feeWaivedMinor: split.feeWaivedMinor,
      shares: split.partners.map((p) => ({ partnerId: p.partnerId, shareMinor: p.shareMinor })),
    },
  });
  return 'applied';
}

/**
 * The booking's split at the seller's fee now (contract rule, type rule, global, default): the
 * seller is the one the platform charges; bundled suppliers get their net rates in full.
 */
async function splitOf(tx: Tx, ctx: BillingContext, booking: BillingBookingRow): Promise<SplitResult> {
  const feeBps = await bookingFeeBps(tx, [booking.sellerPartnerId], defaultFeeBps(ctx));
  return splitPayment({
    currency: booking.currency,
    sellerPartnerId: booking.sellerPartnerId,
    totalMinor: booking.totalMinor,
    lines: booking.lines.map((l) => ({
      position: l.position,
      itemId: l.itemId,
      itemType: l.itemType,
      partnerId: l.partnerId,
      netMinor: l.netMinor,
      supplierShareMinor: l.supplierShareMinor,
    })),
    feeBps,
  });
}

async function postPaymentJournals(
  tx: Tx,
  booking: BillingBookingRow,
  payment: PaymentRow,
  split: SplitResult,
): Promise<void> {
  const chargeId = payment.chargeId!;
  await postJournal(tx, {
    bookingId: booking.id,
    kind: 'payment_captured',
    source: `charge:${chargeId}`,
    currency: booking.currency,
    memo: `payment ${payment.paymentIntentId}`,
    lines: paymentCapturedLines({
      chargeMinor: payment.amountMinor,
      partners: split.partners,
      platformFeeMinor: split.platformFeeMinor,
      affiliateCommissionMinor: split.affiliateCommissionMinor,
    }),
  });
  if ((payment.stripeFeeMinor ?? 0) > 0) {
    await postJournal(tx, {
      bookingId: booking.id,
      kind: 'stripe_fee',
      source: `stripe_fee:${chargeId}`,
      currency: booking.currency,
      lines: stripeFeeLines(payment.stripeFeeMinor ?? 0),
    });
  }
}
