import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import { placeholders, preparedStatement, type Tx } from '@tourconnect/db';
import { auditLog, bookings } from './schema.ts';

export type { BookingLine } from './schema.ts';
export type BillingBookingRow = typeof bookings.$inferSelect;
export type NewBillingBookingRow = typeof bookings.$inferInsert;
export type BillingBookingStatus = BillingBookingRow['status'];

/**
 * The projection's row, once: a redelivered or late `held` never overwrites what followed it.
 * True when this call wrote it.
 */
export async function insertBooking(tx: Tx, row: ProjectedBooking): Promise<boolean> {
  return (await insertBookingStatement.run(tx, row)).rowCount > 0;
}

// One per booking (its held event): built once, planned once per connection.
const projectedColumns = [
  'id',
  'packageId',
  'userId',
  'sellerPartnerId',
  'packageTitle',
  'currency',
  'subtotalMinor',
  'bundleDiscountMinor',
  'couponDiscountMinor',
  'totalMinor',
  'couponCode',
  'affiliateCode',
  'lines',
  'partnerIds',
  'firstServiceAt',
  'status',
  'holdExpiresAt',
] as const;
/** What the projection writes from a booking event; the row's times start at their defaults. */
export type ProjectedBooking = Required<Pick<NewBillingBookingRow, (typeof projectedColumns)[number]>>;
const insertBookingStatement = preparedStatement<ProjectedBooking>('billing_project_booking', (db) =>
  db
    .insert(bookings)
    .values(placeholders<NewBillingBookingRow>(projectedColumns))
    .onConflictDoNothing({ target: bookings.id }),
);

export async function findBooking(
  tx: Tx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<BillingBookingRow | undefined> {
  const query = tx.select().from(bookings).where(eq(bookings.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Moves the booking to `status` only from one of `from` (a guarded state change); undefined otherwise. */
export async function updateBookingStatus(
  tx: Tx,
  id: string,
  from: readonly BillingBookingStatus[],
  status: BillingBookingStatus,
): Promise<BillingBookingRow | undefined> {
  const [row] = await tx
    .update(bookings)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(bookings.id, id), inArray(bookings.status, [...from])))
    .returning();
  return row;
}

/** billing's hash-chained audit log, in the caller's transaction (append last: it takes the log's lock). */
export async function appendBillingAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
