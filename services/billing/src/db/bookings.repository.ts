import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { Tx } from '@tourconnect/db';
import { auditLog, bookings } from './schema.ts';

export type { BookingLine } from './schema.ts';
export type BillingBookingRow = typeof bookings.$inferSelect;
export type NewBillingBookingRow = typeof bookings.$inferInsert;
export type BillingBookingStatus = BillingBookingRow['status'];

/** The projection's row, once: a redelivered or late `held` never overwrites what followed it. */
export async function insertBooking(tx: Tx, row: NewBillingBookingRow): Promise<BillingBookingRow | undefined> {
  const [inserted] = await tx.insert(bookings).values(row).onConflictDoNothing({ target: bookings.id }).returning();
  return inserted;
}

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
