import type { BookingView, Locale, Page, PartnerBookingView, BookingStatus } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { findBookingListing, listPartnerBookings, listUserBookings } from '../db/bookings.repository.ts';
import { toBookingView, toPartnerBookingView } from './booking-view.ts';
import { bookingNotFound } from './bundling-errors.ts';
import { callerPartner } from './caller-partner.ts';
import type { BundlingContext } from './context.ts';

export interface BookingsQuery {
  status?: BookingStatus | undefined;
  lang?: Locale | undefined;
  page: number;
  pageSize: number;
}

/** The caller's own bookings, newest first. */
export async function myBookings(
  ctx: BundlingContext,
  caller: AuthUser,
  query: BookingsQuery,
): Promise<Page<BookingView>> {
  const { rows, total } = await listUserBookings(ctx.db, caller.id, query);
  const now = new Date();
  return {
    items: rows.map((row) => toBookingView(row, now, query.lang)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

/** One of the caller's bookings; anyone else's is 404, as if it did not exist. */
export async function myBooking(
  ctx: BundlingContext,
  caller: AuthUser,
  bookingId: string,
  lang?: Locale,
): Promise<BookingView> {
  const listing = await findBookingListing(ctx.db, bookingId);
  if (!listing || listing.booking.userId !== caller.id) throw bookingNotFound();
  return toBookingView(listing, new Date(), lang);
}

/**
 * Bookings the caller's partner takes part in (as seller or supplier), each with only its own
 * lines and share. Any member may read them (viewers too).
 */
export async function partnerBookings(
  ctx: BundlingContext,
  caller: AuthUser,
  query: BookingsQuery,
): Promise<Page<PartnerBookingView>> {
  const partner = await callerPartner(ctx.db, caller.id);
  const { rows, total } = await listPartnerBookings(ctx.db, partner.partnerId, query);
  return {
    items: rows.map((row) => toPartnerBookingView(row, partner.partnerId, query.lang)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
