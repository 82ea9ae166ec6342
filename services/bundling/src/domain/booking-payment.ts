import type { Tx } from '@tourconnect/db';
import { PermanentEventError } from '@tourconnect/events';
import {
  appendBookingAudit,
  findBooking,
  findBookingListing,
  listBookingHolds,
  updateBookingStatus,
  type BookingHoldWithStart,
  type BookingRow,
} from '../db/bookings.repository.ts';
import { holdUnits, sellHeldUnits } from '../db/holds.repository.ts';
import { publishBookingCancelled, publishBookingConfirmed, type CancelReason } from './booking-events.ts';
import { packageTitleOf } from './booking-view.ts';
import type { BundlingContext } from './context.ts';
import { splitRefund } from './policy.ts';

export interface PaymentFacts {
  bookingId: string;
  userId: string;
  paymentIntentId: string;
  amountMinor: number;
  currency: string;
  /** The event's correlation id and its own id (the audit names the cause). */
  correlationId?: string | undefined;
  eventId: string;
}

export type PaymentOutcome = 'confirmed' | 'already_confirmed' | 'cancelled_sold_out' | 'refunded_cancelled';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A payment that can never apply (wrong booking, amount or traveller): an admin must look. */
class PaymentMismatch extends PermanentEventError {}

/**
 * `billing.payment.succeeded.v1` for a booking, as a guarded state change (a redelivery is a
 * no-op):
 * - pending → confirmed: its held units become sold;
 * - expired (the hold ran out first) → its units are held again and sold if every row still has
 *   them, and it is confirmed; otherwise it is cancelled as `sold_out` with the whole payment
 *   to refund;
 * - cancelled by the traveller while pending (nothing was refunded then) → stays cancelled, the
 *   whole payment to refund;
 * - confirmed by this payment already → nothing.
 */
export async function applyPaymentSucceeded(
  ctx: BundlingContext,
  tx: Tx,
  payment: PaymentFacts,
): Promise<PaymentOutcome> {
  const booking = UUID.test(payment.bookingId)
    ? await findBooking(tx, payment.bookingId, { forUpdate: true })
    : undefined;
  if (!booking) throw new PaymentMismatch(`payment ${payment.paymentIntentId}: no booking ${payment.bookingId}`);
  checkPaymentMatches(booking, payment);
  if (booking.status === 'confirmed') {
    if (booking.paymentIntentId === payment.paymentIntentId) return 'already_confirmed';
    throw new PaymentMismatch(`booking ${booking.id} was already paid by another payment intent`);
  }
  if (booking.status === 'cancelled' && booking.paymentIntentId !== null) return 'refunded_cancelled';
  const holds = await listBookingHolds(tx, booking.id);
  const meta = await eventMeta(tx, booking, payment);
  if (booking.status === 'cancelled') {
    const reason = (booking.cancelReason ?? 'traveller_requested') as CancelReason;
    await refundWhole(ctx, tx, booking, holds, payment, meta, reason);
    return 'refunded_cancelled';
  }
  if (booking.status === 'expired' && !(await holdAgain(tx, holds))) {
    await refundWhole(ctx, tx, booking, holds, payment, meta, 'sold_out');
    return 'cancelled_sold_out';
  }
  await sellHeldUnits(tx, holds);
  const now = new Date();
  const confirmed = await updateBookingStatus(tx, booking.id, ['pending_payment', 'expired'], {
    status: 'confirmed',
    confirmedAt: now,
    paymentIntentId: payment.paymentIntentId,
  });
  if (!confirmed) throw new Error(`booking ${booking.id} changed under its lock`);
  await publishBookingConfirmed(ctx, tx, confirmed, holds, meta);
  await appendBookingAudit(tx, {
    action: 'booking.confirmed',
    entityType: 'booking',
    entityId: booking.id,
    actorRole: 'system',
    data: { paymentIntentId: payment.paymentIntentId, reheld: booking.status === 'expired', cause: payment.eventId },
    correlationId: payment.correlationId ?? null,
  });
  return 'confirmed';
}

function checkPaymentMatches(booking: BookingRow, payment: PaymentFacts): void {
  if (booking.userId !== payment.userId) {
    throw new PaymentMismatch(`payment ${payment.paymentIntentId} names another traveller than booking ${booking.id}`);
  }
  if (
    booking.currency !== payment.currency ||
    (payment.amountMinor !== 0 && payment.amountMinor !== booking.pricePaid)
  ) {
    throw new PaymentMismatch(
      `payment ${payment.paymentIntentId} of ${payment.amountMinor} ${payment.currency} does not pay booking ${booking.id} (${booking.pricePaid} ${booking.currency})`,
    );
  }
}

/** Holds an expired booking's units again, all or none (a savepoint undoes a partial hold). */
async function holdAgain(tx: Tx, holds: readonly BookingHoldWithStart[]): Promise<boolean> {
  class NotAgain extends Error {}
  try {
    await tx.transaction(async (sp) => {
      const held = await holdUnits(sp, holds);
      if (!held.ok) throw new NotAgain();
    });
    return true;
  } catch (error) {
    if (error instanceof NotAgain) return false;
    throw error;
  }
}

/** The booking ends cancelled with the whole payment to refund, per line by what each was paid, per partner by what each is owed. */
async function refundWhole(
  ctx: BundlingContext,
  tx: Tx,
  booking: BookingRow,
  holds: readonly BookingHoldWithStart[],
  payment: PaymentFacts,
  meta: { correlationId?: string | undefined; packageTitle: string },
  reason: CancelReason,
): Promise<void> {
  const refund = booking.pricePaid;
  const split = splitRefund(booking.breakdown.lines, booking.sellerPartnerId, refund);
  const now = new Date();
  const cancelled = await updateBookingStatus(tx, booking.id, [booking.status], {
    status: 'cancelled',
    paymentIntentId: payment.paymentIntentId,
    refundMinor: refund,
    cancelReason: reason,
    cancelledAt: booking.cancelledAt ?? now,
  });
  if (!cancelled) throw new Error(`booking ${booking.id} changed under its lock`);
  await publishBookingCancelled(
    ctx,
    tx,
    cancelled,
    holds,
    {
      reason,
      refundMinor: refund,
      refundBps: 10_000,
      lineRefunds: new Map(split.lines.map((l) => [l.position, l.refundMinor])),
      partnerRefunds: split.partners,
    },
    meta,
  );
  await appendBookingAudit(tx, {
    action: 'booking.refund_requested',
    entityType: 'booking',
    entityId: booking.id,
    actorRole: 'system',
    data: { paymentIntentId: payment.paymentIntentId, refundMinor: refund, reason, cause: payment.eventId },
    correlationId: payment.correlationId ?? null,
  });
}

async function eventMeta(tx: Tx, booking: BookingRow, payment: PaymentFacts) {
  const listing = await findBookingListing(tx, booking.id);
  return { correlationId: payment.correlationId, packageTitle: listing ? packageTitleOf(listing) : '' };
}
