import type { EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import type { EventEnvelope } from '@tourconnect/events';
import { appendBillingAudit, type BillingBookingRow } from '../db/bookings.repository.ts';
import { postJournal } from '../db/ledger.repository.ts';
import { findPaymentByBooking, type PaymentRow } from '../db/payments.repository.ts';
import { insertRefund, insertReversals, refundTotals, reversedByPartner } from '../db/refunds.repository.ts';
import { listSplits, splitSharesByPartner } from '../db/splits.repository.ts';
import { listBookingTransfers } from '../db/transfers.repository.ts';
import { projectBookingCancelled } from './booking-projection.ts';
import type { BillingContext } from './context.ts';
import { refundIssuedLines } from './journals.ts';
import { cancelOpenIntent } from './payment-cancel.ts';
import { RefundSplitError, splitRefund, splitRefundByPartner, type RefundSplitResult } from './refund-split.ts';

type Cancelled = EventPayloadBySubject['bundling.booking.cancelled.v1'];
type RefundReason = 'booking_cancelled' | 'not_confirmable' | 'admin';

/** bundling's reasons for cancelling a booking it could not confirm after the payment. */
const NOT_CONFIRMABLE = new Set(['sold_out', 'hold_expired']);

/**
 * bundling.booking.cancelled.v1: the booking is cancelled; an unpaid one's PaymentIntent is
 * cancelled, a paid one gets the refund bundling's policy gave (refund_minor), queued once per
 * event (the refunds row's idempotency key names the event).
 */
export async function applyBookingCancelled(
  ctx: BillingContext,
  tx: Tx,
  event: Cancelled,
  envelope: EventEnvelope,
): Promise<void> {
  const booking = await projectBookingCancelled(tx, event);
  const payment = await findPaymentByBooking(tx, event.bookingId);
  if (!booking || !payment) return;
  if (payment.status !== 'succeeded') {
    await cancelOpenIntent(ctx, tx, booking.id, 'requested_by_customer');
    return;
  }
  const refundMinor = Number(event.refundMinor);
  if (refundMinor <= 0) return;
  await requestRefund(ctx, tx, {
    booking,
    payment,
    refundMinor,
    reason: NOT_CONFIRMABLE.has(event.reason) ? 'not_confirmable' : 'booking_cancelled',
    idempotencyKey: `refund:${booking.id}:${envelope.id}`,
    partnerRefunds: event.refunds.map((r) => ({ partnerId: r.partnerId, refundMinor: Number(r.refundMinor) })),
    requestedBy: event.cancelledByUserId || null,
    correlationId: envelope.correlationId ?? null,
  });
}

export interface RefundRequest {
  booking: BillingBookingRow;
  payment: PaymentRow;
  refundMinor: number;
  reason: RefundReason;
  idempotencyKey: string;
  /** bundling's attribution per partner (Σ = refundMinor); empty → pro rata over what remains. */
  partnerRefunds: { partnerId: string; refundMinor: number }[];
  requestedBy: string | null;
  correlationId: string | null;
}

/**
 * Queues a refund of a succeeded payment: who bears what (each partner's share, the platform's
 * fee) split now and booked in the ledger ('refund_issued'), a reversal row per partner whose
 * transfer exists (sent → a Stripe reversal; not sent yet → its amount is reduced instead).
 * More than what remains refundable is refused (audited, nothing sent to Stripe).
 */
export async function requestRefund(
  ctx: BillingContext,
  tx: Tx,
  request: RefundRequest,
): Promise<'queued' | 'refused' | 'duplicate'> {
  const { booking, payment } = request;
  const totals = await refundTotals(tx, payment.id);
  const split = await splitFor(tx, request, totals);
  if (!split) {
    await refuse(tx, request, totals.amountMinor);
    return 'refused';
  }
  const refund = await insertRefund(tx, {
    id: crypto.randomUUID(),
    bookingId: booking.id,
    paymentId: payment.id,
    amountMinor: request.refundMinor,
    platformRefundMinor: split.platformRefundMinor,
    currency: payment.currency,
    reason: request.reason,
    idempotencyKey: request.idempotencyKey,
    requestedBy: request.requestedBy,
  });
  if (!refund) return 'duplicate';
  const transfers = new Map(
    (await listBookingTransfers(tx, booking.id, { forUpdate: true })).map((t) => [t.partnerId, t]),
  );
  await insertReversals(
    tx,
    split.reversals.flatMap((r) => {
      const transfer = transfers.get(r.partnerId);
      if (r.amountMinor <= 0 || !transfer) return [];
      return [
        {
          id: crypto.randomUUID(),
          transferId: transfer.id,
          refundId: refund.id,
          partnerId: r.partnerId,
          bookingId: booking.id,
          amountMinor: r.amountMinor,
          currency: refund.currency,
          idempotencyKey: `reversal:${refund.id}:${transfer.id}`,
        },
      ];
    }),
  );
  await postJournal(tx, {
    bookingId: booking.id,
    kind: 'refund_issued',
    source: `refund:${refund.id}`,
    currency: refund.currency,
    memo: `${request.reason} refund of ${request.refundMinor}`,
    lines: refundIssuedLines({
      refundMinor: request.refundMinor,
      reversals: split.reversals.filter((r) => r.amountMinor > 0),
      platformRefundMinor: split.platformRefundMinor,
    }),
  });
  await appendBillingAudit(tx, {
    action: 'refund.requested',
    entityType: 'refund',
    entityId: refund.id,
    actorId: request.requestedBy,
    actorRole: request.requestedBy ? 'traveller' : 'system',
    data: {
      bookingId: booking.id,
      paymentId: payment.id,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      reason: refund.reason,
      platformRefundMinor: split.platformRefundMinor,
      method: split.method,
      parts: split.reversals.map((r) => ({ partnerId: r.partnerId, amountMinor: r.amountMinor })),
    },
    correlationId: request.correlationId,
  });
  return 'queued';
}

/** Who bears the refund, or undefined when it exceeds what remains of the payment. */
async function splitFor(
  tx: Tx,
  request: RefundRequest,
  totals: { amountMinor: number; platformMinor: number },
): Promise<RefundSplitResult | undefined> {
  const { booking, payment, refundMinor } = request;
  if (refundMinor > payment.amountMinor - totals.amountMinor) return undefined;
  const shares = await splitSharesByPartner(tx, booking.id);
  const reversed = await reversedByPartner(tx, booking.id);
  const transfers = new Map((await listBookingTransfers(tx, booking.id)).map((t) => [t.partnerId, t]));
  const input = {
    refundMinor,
    chargedMinor: payment.amountMinor,
    platformFeeMinor: shares.reduce((sum, s) => sum + s.feeMinor, 0),
    alreadyRefundedMinor: totals.amountMinor,
    alreadyPlatformRefundedMinor: totals.platformMinor,
    partners: shares.map((s) => ({
      partnerId: s.partnerId,
      transferId: transfers.get(s.partnerId)?.stripeTransferId ?? null,
      shareMinor: s.shareMinor,
      alreadyReversedMinor: reversed.get(s.partnerId) ?? 0,
    })),
  };
  try {
    if (request.partnerRefunds.length === 0) return splitRefund(input);
    const rows = await listSplits(tx, booking.id);
    return splitRefundByPartner({
      ...input,
      partnerRefunds: request.partnerRefunds,
      lines: booking.lines.map((l) => ({ position: l.position, partnerId: l.partnerId })),
      rows: rows.map((r) => ({
        position: r.position,
        partnerId: r.partnerId,
        shareMinor: r.shareMinor,
        feeMinor: r.feeMinor,
      })),
    });
  } catch (error) {
    if (error instanceof RefundSplitError && error.code === 'refund_exceeds_payment') return undefined;
    throw error;
  }
}

async function refuse(tx: Tx, request: RefundRequest, alreadyRefundedMinor: number): Promise<void> {
  await appendBillingAudit(tx, {
    action: 'refund.refused',
    entityType: 'booking',
    entityId: request.booking.id,
    actorRole: 'system',
    data: {
      paymentId: request.payment.id,
      requestedMinor: request.refundMinor,
      chargedMinor: request.payment.amountMinor,
      alreadyRefundedMinor,
      reason: 'exceeds_refundable',
      idempotencyKey: request.idempotencyKey,
    },
    correlationId: request.correlationId,
  });
}
