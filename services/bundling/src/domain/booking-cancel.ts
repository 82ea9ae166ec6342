import type { BookingView } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import {
  appendBookingAudit,
  findBooking,
  findBookingListing,
  listBookingHolds,
  updateBookingStatus,
} from '../db/bookings.repository.ts';
import { releaseHeldUnits, releaseSoldUnits } from '../db/holds.repository.ts';
import { publishBookingCancelled } from './booking-events.ts';
import { packageTitleOf, refundNow, toBookingView } from './booking-view.ts';
import { bookingNotCancellable, bookingNotFound } from './bundling-errors.ts';
import type { BundlingContext } from './context.ts';
import { splitRefund } from './policy.ts';

/**
 * The traveller cancels their booking. Pending: its held units return to sale, nothing was paid.
 * Confirmed: its sold units return to sale and the policy's refund at this moment (tiers count
 * hours to the booking's first start) is split per line by what each was paid and per partner by what each is owed, for
 * billing to refund. Either way `bundling.booking.cancelled.v1`. Someone else's booking is 404;
 * an expired or cancelled one 409 `booking_not_cancellable`.
 */
export async function cancelBooking(
  ctx: BundlingContext,
  caller: AuthUser,
  bookingId: string,
  meta: { correlationId?: string | undefined },
): Promise<BookingView> {
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const booking = await findBooking(tx, bookingId, { forUpdate: true });
    if (!booking || booking.userId !== caller.id) throw bookingNotFound();
    if (booking.status !== 'pending_payment' && booking.status !== 'confirmed') {
      throw bookingNotCancellable(booking.status);
    }
    const listing = await findBookingListing(tx, booking.id);
    const holds = await listBookingHolds(tx, booking.id);
    const refund = refundNow(booking, listing?.firstStartsAt ?? null, now);
    if (booking.status === 'confirmed') await releaseSoldUnits(tx, holds);
    else await releaseHeldUnits(tx, holds);
    const split = splitRefund(booking.breakdown.lines, booking.sellerPartnerId, refund.amountMinor);
    const cancelled = await updateBookingStatus(tx, booking.id, [booking.status], {
      status: 'cancelled',
      cancelledAt: now,
      cancelReason: 'traveller_requested',
      refundMinor: refund.amountMinor,
    });
    if (!cancelled) throw new Error(`booking ${booking.id} changed under its lock`);
    await publishBookingCancelled(
      ctx,
      tx,
      cancelled,
      holds,
      {
        reason: 'traveller_requested',
        refundMinor: refund.amountMinor,
        refundBps: refund.bps,
        lineRefunds: new Map(split.lines.map((l) => [l.position, l.refundMinor])),
        partnerRefunds: split.partners,
        cancelledByUserId: caller.id,
      },
      { correlationId: meta.correlationId, packageTitle: listing ? packageTitleOf(listing) : '' },
    );
    await appendBookingAudit(tx, {
      action: 'booking.cancelled',
      entityType: 'booking',
      entityId: booking.id,
      actorId: caller.id,
      actorRole: 'traveller',
      data: { from: booking.status, refundMinor: refund.amountMinor, refundBps: refund.bps },
      correlationId: meta.correlationId ?? null,
    });
  });
  const listing = await findBookingListing(ctx.db, bookingId);
  if (!listing) throw bookingNotFound();
  return toBookingView(listing, now);
}
