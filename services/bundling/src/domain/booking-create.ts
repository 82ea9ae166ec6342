import { randomUUID } from 'node:crypto';
import type { BookingView, BookRequest } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import type { AuthUser } from '@tourconnect/service-kit';
import {
  findBookingByIdempotencyKey,
  findBookingListing,
  insertBooking,
  insertBookingHolds,
  type BookingListing,
  type BookingRow,
} from '../db/bookings.repository.ts';
import { holdUnitsAndCommit } from '../db/holds.repository.ts';
import { findPackageWithSeller } from '../db/packages.repository.ts';
import { publishBookingHeld } from './booking-events.ts';
import { planBooking } from './booking-plan.ts';
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

/** Thrown inside the transaction when a concurrent request with the same key won: rolls ours back. */
class DuplicateKey extends Error {}

const MINUTE_MS = 60_000;

/**
 * Books a package: in ONE transaction, plans it (dates, slots, prices; nothing written), writes
 * the pending booking and its holds, holds every row's units with conditional updates, and
 * writes `bundling.booking.held.v1` and the audit entry. Any row without enough units left
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
    const listing = await ctx.db.transaction((tx) => holdAndRecord(ctx, tx, caller, packageId, request, meta));
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
  tx: Tx,
  caller: AuthUser,
  packageId: string,
  request: BookRequest,
  meta: BookMeta,
): Promise<BookingListing> {
  const now = new Date();
  // The package with its seller, then the items with their partners: each partner's payout
  // readiness comes with them (no separate read).
  const found = await findPackageWithSeller(tx, packageId);
  if (!found) throw packageNotFound();
  const { pkg } = found;
  const plan = await planBooking(tx, pkg, request, now, { seller: { partner: found.seller } });
  requirePayoutReadyAsRead(ctx, found.sellerPayoutsReady && plan.itemPartnersPayoutReady);
  const booking = await insertBooking(tx, {
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
    holdExpiresAt: new Date(now.getTime() + ctx.settings.HOLD_MINUTES * MINUTE_MS),
    idempotencyKey: meta.idempotencyKey ?? null,
    createdAt: now,
  });
  if (!booking) throw new DuplicateKey();
  const holds = await insertBookingHolds(
    tx,
    plan.holds.map((h) => ({ bookingId: booking.id, ...h })),
  );
  const packageTitle = localised(pkg.translations, pkg.defaultLanguage, request.lang).title;
  await publishBookingHeld(ctx, tx, booking, holds, { correlationId: meta.correlationId, packageTitle });
  // The hot rows are locked last, with the commit in the same round trip: bookers of one slot
  // queue on its row lock only for the updates and the commit, never for this process to answer.
  // Nothing is written after this.
  const held = await holdUnitsAndCommit(tx, plan.holds);
  if (!held.ok) throw soldOut(plan.holds.find((h) => h.availabilityId === held.availabilityId)?.position);
  // Its audit entry `booking.held` follows from the held event (domain/booking-audit.ts).
  return {
    booking,
    packageTranslations: pkg.translations,
    packageDefaultLanguage: pkg.defaultLanguage,
    firstStartsAt: plan.startsAt,
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
