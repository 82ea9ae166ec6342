import { and, asc, count, desc, eq, exists, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { Executor, Tx } from '@tourconnect/db';
import type { BookingStatus, Translations } from '@tourconnect/contracts/http';
import { auditLog, availability, bookingHolds, packageBookings, packages } from './schema.ts';
import { literal, quoted } from './sql-literal.ts';

export type BookingRow = typeof packageBookings.$inferSelect;
export type NewBookingRow = typeof packageBookings.$inferInsert;
export type BookingHoldRow = typeof bookingHolds.$inferSelect;

/** A hold with the instant its date or slot starts (for event lines and refund tiers). */
export type BookingHoldWithStart = BookingHoldRow & { startsAt: Date };

/** A booking with what a view needs besides its own row: the package's titles and its first start. */
export interface BookingListing {
  booking: BookingRow;
  packageTranslations: Translations;
  packageDefaultLanguage: string;
  /** The earliest start of its dates and slots (null only for a booking with no holds). */
  firstStartsAt: Date | null;
}

export interface PageQuery {
  status?: BookingStatus | undefined;
  page: number;
  pageSize: number;
}

/** The unique index that makes one user's Idempotency-Key name one booking. */
export const IDEMPOTENCY_CONSTRAINT = 'package_bookings_idempotency_uq';

/** Column of each field of a booking row; `json` columns take the value as JSON text. */
const BOOKING_COLUMNS: Record<keyof BookingRow, string> = {
  id: 'id',
  packageId: 'package_id',
  packageVersion: 'package_version',
  sellerPartnerId: 'seller_partner_id',
  userId: 'user_id',
  status: 'status',
  startDate: 'start_date',
  party: 'party',
  currency: 'currency',
  pricePaid: 'price_paid',
  breakdown: 'breakdown',
  policy: 'policy',
  couponCode: 'coupon_code',
  affiliateCode: 'affiliate_code',
  paymentIntentId: 'payment_intent_id',
  holdExpiresAt: 'hold_expires_at',
  idempotencyKey: 'idempotency_key',
  refundMinor: 'refund_minor',
  cancelReason: 'cancel_reason',
  createdAt: 'created_at',
  confirmedAt: 'confirmed_at',
  cancelledAt: 'cancelled_at',
  expiredAt: 'expired_at',
};
const BOOKING_JSON = new Set<keyof BookingRow>(['party', 'breakdown', 'policy']);
const bookingFields = Object.keys(BOOKING_COLUMNS) as (keyof BookingRow)[];
const BOOKING_INSERT = `INSERT INTO bundling.package_bookings (${bookingFields.map((f) => BOOKING_COLUMNS[f]).join(', ')}) VALUES `;
const HOLD_INSERT =
  'INSERT INTO bundling.booking_holds (booking_id, availability_id, item_id, item_partner_id, position, quantity) VALUES ';

/**
 * The booking's and its holds' INSERTs as statements for one batch (`writeAndHold`), not sent
 * here: SQL text with the values written in as literals (`sql-literal.ts`), built directly —
 * drizzle's insert builder was the largest single share of a booking's CPU. Every column of the
 * row is written (the column map is typed against the row, so a new column cannot be missed).
 * No ON CONFLICT: a second booking under the same user and Idempotency-Key fails on
 * IDEMPOTENCY_CONSTRAINT, which rolls its whole batch back.
 */
export function bookingInserts(booking: BookingRow, holds: readonly BookingHoldRow[]): string[] {
  const values = bookingFields.map((field) => {
    const value = booking[field];
    return BOOKING_JSON.has(field) ? quoted(JSON.stringify(value)) : literal(value);
  });
  const statements = [`${BOOKING_INSERT}(${values.join(', ')})`];
  if (holds.length > 0) {
    const rows = holds.map((hold) =>
      [hold.bookingId, hold.availabilityId, hold.itemId, hold.itemPartnerId, hold.position, hold.quantity]
        .map(literal)
        .join(', '),
    );
    statements.push(`${HOLD_INSERT}(${rows.join('), (')})`);
  }
  return statements;
}

export async function findBookingByIdempotencyKey(
  ex: Executor,
  userId: string,
  key: string,
): Promise<BookingRow | undefined> {
  const [row] = await ex
    .select()
    .from(packageBookings)
    .where(and(eq(packageBookings.userId, userId), eq(packageBookings.idempotencyKey, key)))
    .limit(1);
  return row;
}

/** `forUpdate` locks the row: lifecycle changes (payment, cancel, sweep) of one booking queue on it. */
export async function findBooking(
  ex: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<BookingRow | undefined> {
  const query = ex.select().from(packageBookings).where(eq(packageBookings.id, id)).limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function listBookingHolds(ex: Executor, bookingId: string): Promise<BookingHoldWithStart[]> {
  const rows = await ex
    .select({ hold: bookingHolds, startsAt: availability.startsAt })
    .from(bookingHolds)
    .innerJoin(availability, eq(availability.id, bookingHolds.availabilityId))
    .where(eq(bookingHolds.bookingId, bookingId))
    .orderBy(asc(bookingHolds.position), asc(availability.startsAt));
  return rows.map((r) => ({ ...r.hold, startsAt: r.startsAt }));
}

/** A guarded status change: undefined when the booking is no longer in one of `from`. */
export async function updateBookingStatus(
  tx: Tx,
  id: string,
  from: readonly BookingStatus[],
  patch: Partial<Omit<NewBookingRow, 'id'>>,
): Promise<BookingRow | undefined> {
  const [row] = await tx
    .update(packageBookings)
    .set(patch)
    .where(and(eq(packageBookings.id, id), inArray(packageBookings.status, [...from])))
    .returning();
  return row;
}

/**
 * Locks up to `limit` pending bookings whose hold ran out, skipping rows another sweeper (or a
 * payment, or a cancel) has locked: several instances sweep in parallel without waiting on or
 * releasing the same booking twice.
 */
export async function claimExpiredBookings(tx: Tx, now: Date, limit: number): Promise<BookingRow[]> {
  return tx
    .select()
    .from(packageBookings)
    .where(and(eq(packageBookings.status, 'pending_payment'), lte(packageBookings.holdExpiresAt, now)))
    .orderBy(asc(packageBookings.holdExpiresAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function findBookingListing(ex: Executor, id: string): Promise<BookingListing | undefined> {
  const [row] = await listingQuery(ex).where(eq(packageBookings.id, id)).limit(1);
  return row;
}

/** The traveller's bookings, newest first. */
export async function listUserBookings(
  ex: Executor,
  userId: string,
  query: PageQuery,
): Promise<{ rows: BookingListing[]; total: number }> {
  return page(ex, eq(packageBookings.userId, userId), query);
}

/**
 * Bookings a partner takes part in: as the package's seller, or because one of its items was
 * held or sold by the booking (booking_holds.item_partner_id), newest first.
 */
export async function listPartnerBookings(
  ex: Executor,
  partnerId: string,
  query: PageQuery,
): Promise<{ rows: BookingListing[]; total: number }> {
  const involved = or(
    eq(packageBookings.sellerPartnerId, partnerId),
    exists(
      ex
        .select({ one: sql`1` })
        .from(bookingHolds)
        .where(and(eq(bookingHolds.bookingId, packageBookings.id), eq(bookingHolds.itemPartnerId, partnerId))),
    ),
  )!;
  return page(ex, involved, query);
}

async function page(ex: Executor, scope: SQL, query: PageQuery): Promise<{ rows: BookingListing[]; total: number }> {
  const where = query.status ? and(scope, eq(packageBookings.status, query.status))! : scope;
  const [rows, [counted]] = await Promise.all([
    listingQuery(ex)
      .where(where)
      .orderBy(desc(packageBookings.createdAt), desc(packageBookings.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ex.select({ total: count() }).from(packageBookings).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

function listingQuery(ex: Executor) {
  const firstStartsAt = sql<Date | null>`(
    SELECT min(${availability.startsAt}) FROM ${bookingHolds}
    JOIN ${availability} ON ${availability.id} = ${bookingHolds.availabilityId}
    WHERE ${bookingHolds.bookingId} = ${packageBookings.id})`.mapWith((v: string | Date | null) =>
    v === null ? null : new Date(v),
  );
  return ex
    .select({
      booking: packageBookings,
      packageTranslations: packages.translations,
      packageDefaultLanguage: packages.defaultLanguage,
      firstStartsAt,
    })
    .from(packageBookings)
    .innerJoin(packages, eq(packages.id, packageBookings.packageId))
    .$dynamic();
}

/** Appends to bundling's hash-chained audit log in the caller's transaction (call it last). */
export async function appendBookingAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
