import { timestampDate, type EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import type { BookingLine } from '../db/bookings.repository.ts';
import {
  findBooking,
  insertBooking,
  updateBookingStatus,
  type BillingBookingRow,
  type ProjectedBooking,
} from '../db/bookings.repository.ts';

type Held = EventPayloadBySubject['bundling.booking.held.v1'];
type Confirmed = EventPayloadBySubject['bundling.booking.confirmed.v1'];
type Cancelled = EventPayloadBySubject['bundling.booking.cancelled.v1'];
type EventItem = Held['items'][number];

/** A line of the booking as bundling priced it, in the projection's shape. */
export function lineOf(item: EventItem): BookingLine {
  return {
    position: item.position,
    itemId: item.itemId,
    itemType: item.itemType,
    ...(item.title ? { title: item.title } : {}),
    partnerId: item.partnerId,
    quantity: item.quantity,
    availabilityId: item.availabilityId || null,
    startsAt: item.startsAt ? timestampDate(item.startsAt).toISOString() : null,
    unitPriceMinor: Number(item.unitPriceMinor),
    grossMinor: Number(item.grossMinor),
    discountMinor: Number(item.discountMinor),
    netMinor: Number(item.netMinor),
    supplierShareMinor: Number(item.supplierShareMinor),
  };
}

function facts(
  event: Held | Confirmed | Cancelled,
  extra: Pick<ProjectedBooking, 'status' | 'holdExpiresAt'>,
): ProjectedBooking {
  const lines = event.items.map(lineOf);
  const starts = lines.flatMap((l) => (l.startsAt ? [Date.parse(l.startsAt)] : []));
  const seller = event.sellerPartnerId || lines[0]?.partnerId || '';
  const held = 'subtotalMinor' in event ? event : undefined;
  return {
    id: event.bookingId,
    packageId: event.packageId,
    userId: event.userId,
    sellerPartnerId: seller,
    packageTitle: event.packageTitle,
    currency: event.currency,
    subtotalMinor: Number(held?.subtotalMinor ?? event.totalMinor),
    bundleDiscountMinor: Number(held?.bundleDiscountMinor ?? 0n),
    couponDiscountMinor: Number(held?.couponDiscountMinor ?? 0n),
    totalMinor: Number(event.totalMinor),
    couponCode: 'couponCode' in event && event.couponCode ? event.couponCode : null,
    affiliateCode: 'affiliateCode' in event && event.affiliateCode ? event.affiliateCode : null,
    lines,
    partnerIds: [...new Set([seller, ...lines.map((l) => l.partnerId)].filter(Boolean))],
    firstServiceAt: starts.length > 0 ? new Date(Math.min(...starts)) : null,
    ...extra,
  };
}

/** bundling.booking.held.v1 → the booking billing may charge (once; a late or repeated one changes nothing). */
export async function projectBookingHeld(tx: Tx, event: Held): Promise<void> {
  if (!event.holdExpiresAt) return;
  await insertBooking(tx, facts(event, { status: 'held', holdExpiresAt: timestampDate(event.holdExpiresAt) }));
}

/**
 * The booking as of bundling's confirmation: held or expired (re-held on payment) → confirmed.
 * A confirmation that overtook its `held` creates the row from its own facts.
 */
export async function projectBookingConfirmed(tx: Tx, event: Confirmed): Promise<BillingBookingRow | undefined> {
  await insertBooking(tx, facts(event, { status: 'confirmed', holdExpiresAt: new Date() }));
  await updateBookingStatus(tx, event.bookingId, ['held', 'expired'], 'confirmed');
  const row = await findBooking(tx, event.bookingId, { forUpdate: true });
  return row?.status === 'confirmed' ? row : undefined;
}

/** held → expired; any other state stays (a payment may already have confirmed it). */
export async function projectBookingExpired(tx: Tx, bookingId: string): Promise<BillingBookingRow | undefined> {
  return updateBookingStatus(tx, bookingId, ['held'], 'expired');
}

/** Any state → cancelled (final). The row answers whether this event moved it. */
export async function projectBookingCancelled(tx: Tx, event: Cancelled): Promise<BillingBookingRow | undefined> {
  await insertBooking(tx, facts(event, { status: 'cancelled', holdExpiresAt: new Date() }));
  await updateBookingStatus(tx, event.bookingId, ['held', 'expired', 'confirmed'], 'cancelled');
  return findBooking(tx, event.bookingId, { forUpdate: true });
}
