import { timestampFromDate } from '@tourconnect/contracts';
import type { Executor, Tx } from '@tourconnect/db';
import type { BookingHoldWithStart, BookingRow } from '../db/bookings.repository.ts';
import { bookingItems, lineStarts } from './booking-lines.ts';
import type { BundlingContext } from './context.ts';

/**
 * bundling's booking events (contracts in proto/tourconnect/events/v1/bundling.proto), written to
 * the outbox in the state change's transaction. Each carries the priced lines billing needs; the
 * traveller is the live audience.
 */

export interface EventMeta {
  correlationId?: string | undefined;
  /** The package's title for e-mails and receipts. */
  packageTitle: string;
}

export type CancelReason = 'traveller_requested' | 'hold_expired' | 'sold_out' | 'cancelled_externally' | 'admin';

export interface CancelFacts {
  reason: CancelReason;
  refundMinor: number;
  refundBps: number;
  /** Per line position and per partner; each sums to refundMinor. */
  lineRefunds: ReadonlyMap<number, number>;
  partnerRefunds: readonly { partnerId: string; refundMinor: number }[];
  cancelledByUserId?: string | undefined;
}

function common(booking: BookingRow) {
  return {
    bookingId: booking.id,
    packageId: booking.packageId,
    userId: booking.userId,
    sellerPartnerId: booking.sellerPartnerId,
  };
}

function publishMeta(booking: BookingRow, meta: EventMeta) {
  return { audience: [booking.userId], ...(meta.correlationId ? { correlationId: meta.correlationId } : {}) };
}

export async function publishBookingHeld(
  ctx: BundlingContext,
  tx: Executor,
  booking: BookingRow,
  holds: readonly BookingHoldWithStart[],
  meta: EventMeta,
): Promise<void> {
  const { breakdown } = booking;
  await ctx.publish(
    tx,
    'bundling.booking.held.v1',
    {
      ...common(booking),
      items: bookingItems(breakdown, lineStarts(holds)),
      currency: booking.currency,
      subtotalMinor: BigInt(breakdown.subtotalMinor),
      bundleDiscountMinor: BigInt(breakdown.bundleDiscountMinor),
      couponDiscountMinor: BigInt(breakdown.couponDiscountMinor),
      totalMinor: BigInt(booking.pricePaid),
      holdExpiresAt: timestampFromDate(booking.holdExpiresAt),
      couponCode: booking.couponCode ?? '',
      affiliateCode: booking.affiliateCode ?? '',
      packageTitle: meta.packageTitle,
    },
    publishMeta(booking, meta),
  );
}

export async function publishBookingConfirmed(
  ctx: BundlingContext,
  tx: Tx,
  booking: BookingRow,
  holds: readonly BookingHoldWithStart[],
  meta: EventMeta,
): Promise<void> {
  await ctx.publish(
    tx,
    'bundling.booking.confirmed.v1',
    {
      ...common(booking),
      items: bookingItems(booking.breakdown, lineStarts(holds)),
      currency: booking.currency,
      totalMinor: BigInt(booking.pricePaid),
      paymentIntentId: booking.paymentIntentId ?? '',
      couponCode: booking.couponCode ?? '',
      affiliateCode: booking.affiliateCode ?? '',
      packageTitle: meta.packageTitle,
    },
    publishMeta(booking, meta),
  );
}

/** `total_minor` is what was charged: the price when paid, 0 for a booking never paid. */
export async function publishBookingCancelled(
  ctx: BundlingContext,
  tx: Tx,
  booking: BookingRow,
  holds: readonly BookingHoldWithStart[],
  facts: CancelFacts,
  meta: EventMeta,
): Promise<void> {
  const paid = booking.paymentIntentId !== null;
  await ctx.publish(
    tx,
    'bundling.booking.cancelled.v1',
    {
      ...common(booking),
      items: bookingItems(booking.breakdown, lineStarts(holds), facts.lineRefunds),
      currency: booking.currency,
      totalMinor: BigInt(paid ? booking.pricePaid : 0),
      refundMinor: BigInt(facts.refundMinor),
      refundBps: facts.refundBps,
      reason: facts.reason,
      cancelledByUserId: facts.cancelledByUserId ?? '',
      refunds: facts.partnerRefunds.map((r) => ({ partnerId: r.partnerId, refundMinor: BigInt(r.refundMinor) })),
      paymentIntentId: booking.paymentIntentId ?? '',
      packageTitle: meta.packageTitle,
    },
    publishMeta(booking, meta),
  );
}

export async function publishBookingExpired(
  ctx: BundlingContext,
  tx: Tx,
  booking: BookingRow,
  reason: 'hold_expired' | 'payment_failed',
  meta: EventMeta,
): Promise<void> {
  await ctx.publish(
    tx,
    'bundling.booking.expired.v1',
    {
      ...common(booking),
      reason,
      paymentIntentId: booking.paymentIntentId ?? '',
      packageTitle: meta.packageTitle,
    },
    publishMeta(booking, meta),
  );
}
