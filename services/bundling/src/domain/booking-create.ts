import { randomUUID } from 'node:crypto';
import type { BookingView, BookRequest } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import {
  bookingInserts,
  findBookingByIdempotencyKey,
  findBookingListing,
  IDEMPOTENCY_CONSTRAINT,
  type BookingListing,
  type BookingRow,
} from '../db/bookings.repository.ts';
import { writeAndHold } from '../db/holds.repository.ts';
import { readForBooking, type PackageRow } from '../db/packages.repository.ts';
import { captureStatements } from '../db/statement-capture.ts';
import { publishBookingHeld } from './booking-events.ts';
import { planBooking, type BookingPlan } from './booking-plan.ts';
import { requirePayoutReadyAsRead } from './payout-readiness.ts';
import { toBookingView } from './booking-view.ts';
import { emailUnverified, idempotencyKeyReused, packageNotFound, soldOut } from './bundling-errors.ts';
import type { BundlingContext } from './context.ts';
import { localised } from './package-view.ts';

export interface BookMeta {
  correlationId?: string | undefined;
  /** The `Idempotency-Key` header: the same user and key answer the same booking. */
  idempotencyKey?: string | undefined;
}

/** Our batch was rolled back because a concurrent request with the same key won. */
class DuplicateKey extends Error {}

const MINUTE_MS = 60_000;

/**
 * Books a package: plans it (dates, slots, prices; reads only), then in ONE transaction writes
 * the pending booking, its holds and `bundling.booking.held.v1`, and holds every row's units with
 * conditional updates (the audit entry follows from the event). Any row without enough units left
 * answers 409 `sold_out` and nothing is held or written. `created` is false when the
 * Idempotency-Key named an earlier booking of the same request (a different request under that
 * key is 409 `idempotency_key_reused`). With BOOKING_REQUIRES_PAYOUT_ACCOUNTS, a package whose
 * partners cannot all be paid yet is 409 `partner_payouts_not_ready`, nothing held.
 */
export async function bookPackage(
  ctx: BundlingContext,
  caller: AuthUser,
  packageId: string,
  request: BookRequest,
  meta: BookMeta,
): Promise<{ booking: BookingView; created: boolean }> {
  if (!caller.emailVerified) throw emailUnverified();
  const key = meta.idempotencyKey;
  if (key) {
    const earlier = await findBookingByIdempotencyKey(ctx.db, caller.id, key);
    if (earlier) return { booking: await sameRequestOrRefuse(ctx, earlier, packageId, request), created: false };
  }
  try {
    const listing = await holdAndRecord(ctx, caller, packageId, request, meta);
    return { booking: toBookingView(listing, new Date(), request.lang), created: true };
  } catch (error) {
    if (!(error instanceof DuplicateKey) || !key) throw error;
    const winner = await findBookingByIdempotencyKey(ctx.db, caller.id, key);
    if (!winner) throw error;
    return { booking: await sameRequestOrRefuse(ctx, winner, packageId, request), created: false };
  }
}

async function holdAndRecord(
  ctx: BundlingContext,
  caller: AuthUser,
  packageId: string,
  request: BookRequest,
  meta: BookMeta,
): Promise<BookingListing> {
  const now = new Date();
  // Every read and check first, outside the write: they take no lock (the conditional UPDATE is
  // the guard), so the transaction that locks the hot row is only the writes below.
  const found = await readForBooking(ctx.db, packageId, request.date);
  if (!found) throw packageNotFound();
  const { pkg } = found;
  const plan = await planBooking(ctx.db, pkg, request, now, { seller: { partner: found.seller }, lines: found.lines });
  requirePayoutReadyAsRead(ctx, found.sellerPayoutsReady && plan.itemPartnersPayoutReady);
  const booking = pendingBooking(ctx, caller, pkg, plan, request, meta, now);
  const holds = plan.holds.map(({ availabilityId, itemId, itemPartnerId, position, quantity }) => ({
    bookingId: booking.id,
    availabilityId,
    itemId,
    itemPartnerId,
    position,
    quantity,
  }));
  const packageTitle = localised(pkg.translations, pkg.defaultLanguage, request.lang).title;
  const heldEvent = await captureStatements((ex) =>
    publishBookingHeld(
      ctx,
      ex,
      booking,
      plan.holds.map((h) => ({ ...h, bookingId: booking.id })),
      { correlationId: meta.correlationId, packageTitle },
    ),
  );
  // ONE transaction in one round trip: the rows' conditional updates (in id order), then the
  // booking, its holds and the held event in the outbox, committed at once. Any row short of
  // units, or a concurrent booking under the same Idempotency-Key, and none of it stays.
  const written = await writeAndHold(ctx.db, [...bookingInserts(booking, holds), ...heldEvent], plan.holds);
  if (!written.ok) {
    if (written.reason === 'duplicate' && written.constraint === IDEMPOTENCY_CONSTRAINT) throw new DuplicateKey();
    if (written.reason === 'sold_out') {
      throw soldOut(plan.holds.find((h) => h.availabilityId === written.availabilityId)?.position);
    }
    throw new Error(`booking ${booking.id} refused on ${written.constraint}`);
  }
  // Its audit entry `booking.held` follows from the held event (domain/booking-audit.ts).
  return {
    booking,
    packageTranslations: pkg.translations,
    packageDefaultLanguage: pkg.defaultLanguage,
    firstStartsAt: plan.startsAt,
  };
}

/** The booking row as it is written: pending payment, the plan's price and snapshots, the hold's expiry. */
function pendingBooking(
  ctx: BundlingContext,
  caller: AuthUser,
  pkg: PackageRow,
  plan: BookingPlan,
  request: BookRequest,
  meta: BookMeta,
  now: Date,
): BookingRow {
  return {
    id: randomUUID(),
    packageId: pkg.id,
    packageVersion: plan.packageVersion,
    sellerPartnerId: pkg.partnerId,
    userId: caller.id,
    status: 'pending_payment',
    startDate: request.date,
    party: request.party,
    currency: plan.breakdown.currency,
    pricePaid: plan.breakdown.totalMinor,
    breakdown: plan.breakdown,
    policy: pkg.policy,
    couponCode: request.couponCode ?? null,
    affiliateCode: request.affiliateCode ?? null,
    paymentIntentId: null,
    holdExpiresAt: new Date(now.getTime() + ctx.settings.HOLD_MINUTES * MINUTE_MS),
    idempotencyKey: meta.idempotencyKey ?? null,
    refundMinor: null,
    cancelReason: null,
    createdAt: now,
    confirmedAt: null,
    cancelledAt: null,
    expiredAt: null,
  };
}

async function viewOf(ctx: BundlingContext, booking: BookingRow, request: Pick<BookRequest, 'lang'>) {
  const listing = await findBookingListing(ctx.db, booking.id);
  if (!listing) throw packageNotFound();
  return toBookingView(listing, new Date(), request.lang);
}

/**
 * The earlier booking under this key, if it was booked with the same request (package, date,
 * party, codes and chosen slots; the language does not matter); else 409.
 */
async function sameRequestOrRefuse(
  ctx: BundlingContext,
  earlier: BookingRow,
  packageId: string,
  request: BookRequest,
): Promise<BookingView> {
  const party = earlier.party;
  const sameParty = (['adult', 'child', 'infant', 'senior'] as const).every(
    (band) => (party[band] ?? 0) === request.party[band],
  );
  const sameSlots = Object.entries(request.slots).every(([position, availabilityId]) =>
    earlier.breakdown.lines
      .find((line) => line.position === Number(position))
      ?.dates.some((d) => d.availabilityId === availabilityId),
  );
  const same =
    earlier.packageId === packageId &&
    earlier.startDate === request.date &&
    sameParty &&
    sameSlots &&
    (earlier.couponCode ?? undefined) === request.couponCode &&
    (earlier.affiliateCode ?? undefined) === request.affiliateCode;
  if (!same) throw idempotencyKeyReused();
  return viewOf(ctx, earlier, request);
}
