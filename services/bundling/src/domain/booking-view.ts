import type { BookingView, Locale, PartnerBookingView } from '@tourconnect/contracts/http';
import type { BookingListing, BookingRow } from '../db/bookings.repository.ts';
import { localised } from './package-view.ts';
import { refundAmount, refundBpsAt } from './policy.ts';

/**
 * What the policy gives back if the traveller cancels at `now`: only a confirmed (paid) booking
 * has anything to refund; tiers count hours to the booking's first start.
 */
export function refundNow(
  booking: Pick<BookingRow, 'status' | 'policy' | 'pricePaid'>,
  firstStartsAt: Date | null,
  now: Date,
): { bps: number; percent: number; amountMinor: number } {
  if (booking.status !== 'confirmed' || !firstStartsAt) return { bps: 0, percent: 0, amountMinor: 0 };
  const bps = refundBpsAt(booking.policy, firstStartsAt, now);
  return { bps, percent: Math.floor(bps / 100), amountMinor: refundAmount(booking.pricePaid, bps) };
}

export function packageTitleOf(
  listing: Pick<BookingListing, 'packageTranslations' | 'packageDefaultLanguage'>,
  lang?: Locale,
) {
  return localised(listing.packageTranslations, listing.packageDefaultLanguage, lang).title;
}

/** The traveller's view of their booking. */
export function toBookingView(listing: BookingListing, now: Date, lang?: Locale): BookingView {
  const { booking } = listing;
  const refund = refundNow(booking, listing.firstStartsAt, now);
  return {
    id: booking.id,
    packageId: booking.packageId,
    packageTitle: packageTitleOf(listing, lang),
    sellerPartnerId: booking.sellerPartnerId,
    status: booking.status,
    startDate: booking.startDate,
    party: booking.party,
    breakdown: booking.breakdown,
    pricePaidMinor: booking.pricePaid,
    currency: booking.currency,
    holdExpiresAt: booking.status === 'pending_payment' ? booking.holdExpiresAt.toISOString() : null,
    paymentIntentId: booking.paymentIntentId,
    policy: booking.policy,
    refundNow: { percent: refund.percent, amountMinor: refund.amountMinor },
    refundMinor: booking.refundMinor,
    cancelReason: booking.cancelReason,
    createdAt: booking.createdAt.toISOString(),
    confirmedAt: booking.confirmedAt?.toISOString() ?? null,
    cancelledAt: booking.cancelledAt?.toISOString() ?? null,
  };
}

/**
 * A partner's view: only the lines of its own items, and only what it is owed — a supplier its
 * supplier shares, the seller (who keeps the margin) its breakdown payable. Other partners'
 * lines, the traveller and the payment stay out.
 */
export function toPartnerBookingView(listing: BookingListing, partnerId: string, lang?: Locale): PartnerBookingView {
  const { booking } = listing;
  const isSeller = booking.sellerPartnerId === partnerId;
  const lines = booking.breakdown.lines.filter((line) => line.partnerId === partnerId);
  const payable = booking.breakdown.partners.find((p) => p.partnerId === partnerId)?.payableMinor;
  const shareMinor = payable ?? lines.reduce((sum, line) => sum + line.supplierShareMinor, 0);
  return {
    id: booking.id,
    packageId: booking.packageId,
    packageTitle: packageTitleOf(listing, lang),
    status: booking.status,
    startDate: booking.startDate,
    party: booking.party,
    currency: booking.currency,
    lines,
    shareMinor,
    isSeller,
    createdAt: booking.createdAt.toISOString(),
  };
}
