import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@tourconnect/contracts';
import type { EventEnvelope } from '@tourconnect/events';
import { testEnvelope } from '@tourconnect/service-kit/testing';

export interface TestLine {
  partnerId: string;
  itemType?: string;
  netMinor: number;
  /** What the supplier is owed before the fee (defaults to netMinor: the seller's own item). */
  supplierShareMinor?: number;
  startsAt?: Date;
}

export interface TestBooking {
  bookingId: string;
  packageId: string;
  userId: string;
  sellerPartnerId: string;
  currency: string;
  lines: TestLine[];
  totalMinor: number;
  holdExpiresAt: Date;
}

export function testBooking(input: {
  userId: string;
  sellerPartnerId: string;
  lines: TestLine[];
  currency?: string;
  holdExpiresAt?: Date;
}): TestBooking {
  return {
    bookingId: randomUUID(),
    packageId: randomUUID(),
    userId: input.userId,
    sellerPartnerId: input.sellerPartnerId,
    currency: input.currency ?? 'EUR',
    lines: input.lines,
    totalMinor: input.lines.reduce((sum, l) => sum + l.netMinor, 0),
    holdExpiresAt: input.holdExpiresAt ?? new Date(Date.now() + 15 * 60_000),
  };
}

const items = (booking: TestBooking) =>
  booking.lines.map((line, position) => ({
    itemId: randomUUID(),
    itemType: line.itemType ?? 'tour',
    partnerId: line.partnerId,
    quantity: 1,
    startsAt: timestampFromDate(line.startsAt ?? new Date(Date.now() + 7 * 86_400_000)),
    unitPriceMinor: BigInt(line.netMinor),
    grossMinor: BigInt(line.netMinor),
    discountMinor: 0n,
    netMinor: BigInt(line.netMinor),
    supplierShareMinor: BigInt(line.supplierShareMinor ?? line.netMinor),
    position,
  }));

/** bundling.booking.held.v1 as bundling publishes it. */
export function heldEvent(booking: TestBooking): EventEnvelope {
  return testEnvelope('bundling.booking.held.v1', {
    bookingId: booking.bookingId,
    packageId: booking.packageId,
    userId: booking.userId,
    items: items(booking),
    currency: booking.currency,
    subtotalMinor: BigInt(booking.totalMinor),
    totalMinor: BigInt(booking.totalMinor),
    holdExpiresAt: timestampFromDate(booking.holdExpiresAt),
    sellerPartnerId: booking.sellerPartnerId,
    packageTitle: 'Lake Como weekend',
  });
}

export function confirmedEvent(booking: TestBooking, paymentIntentId: string): EventEnvelope {
  return testEnvelope('bundling.booking.confirmed.v1', {
    bookingId: booking.bookingId,
    packageId: booking.packageId,
    userId: booking.userId,
    items: items(booking),
    currency: booking.currency,
    totalMinor: BigInt(booking.totalMinor),
    paymentIntentId,
    sellerPartnerId: booking.sellerPartnerId,
    packageTitle: 'Lake Como weekend',
  });
}

export function expiredEvent(booking: TestBooking, paymentIntentId = ''): EventEnvelope {
  return testEnvelope('bundling.booking.expired.v1', {
    bookingId: booking.bookingId,
    packageId: booking.packageId,
    userId: booking.userId,
    sellerPartnerId: booking.sellerPartnerId,
    reason: 'hold_expired',
    paymentIntentId,
  });
}

/** bundling.booking.cancelled.v1 refunding `refundMinor`, attributed to partners as given (or none: pro rata). */
export function cancelledEvent(
  booking: TestBooking,
  options: {
    refundMinor: number;
    reason?: string;
    paymentIntentId?: string;
    partnerRefunds?: { partnerId: string; refundMinor: number }[];
  },
): EventEnvelope {
  return testEnvelope('bundling.booking.cancelled.v1', {
    bookingId: booking.bookingId,
    packageId: booking.packageId,
    userId: booking.userId,
    items: items(booking),
    currency: booking.currency,
    totalMinor: BigInt(booking.totalMinor),
    refundMinor: BigInt(options.refundMinor),
    refundBps: Math.round((options.refundMinor / booking.totalMinor) * 10_000),
    reason: options.reason ?? 'traveller_requested',
    cancelledByUserId: booking.userId,
    sellerPartnerId: booking.sellerPartnerId,
    refunds: (options.partnerRefunds ?? []).map((r) => ({
      partnerId: r.partnerId,
      refundMinor: BigInt(r.refundMinor),
    })),
    paymentIntentId: options.paymentIntentId ?? '',
    packageTitle: 'Lake Como weekend',
  });
}
