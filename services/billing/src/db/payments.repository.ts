import { and, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { payments, receipts } from './schema.ts';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = typeof payments.$inferInsert;
export type PaymentStatus = PaymentRow['status'];

/** The booking's one payment: a concurrent second checkout finds the first's row (undefined here). */
export async function insertPayment(tx: Executor, row: NewPaymentRow): Promise<PaymentRow | undefined> {
  const [inserted] = await tx
    .insert(payments)
    .values(row)
    .onConflictDoNothing({ target: payments.bookingId })
    .returning();
  return inserted;
}

export async function findPaymentByBooking(tx: Executor, bookingId: string): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.bookingId, bookingId));
  return row;
}

export async function findPayment(tx: Executor, id: string): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id));
  return row;
}

export async function findPaymentByIntent(
  tx: Tx,
  paymentIntentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PaymentRow | undefined> {
  const query = tx.select().from(payments).where(eq(payments.paymentIntentId, paymentIntentId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findPaymentByCharge(tx: Tx, chargeId: string): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.chargeId, chargeId));
  return row;
}

/** Changes the payment only while it is in one of `from` (succeeded and canceled are final). */
export async function updatePayment(
  tx: Tx,
  id: string,
  from: readonly PaymentStatus[],
  changes: Partial<Pick<PaymentRow, 'status' | 'chargeId' | 'stripeFeeMinor' | 'lastErrorCode' | 'succeededAt'>>,
): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .update(payments)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(payments.id, id), inArray(payments.status, [...from])))
    .returning();
  return row;
}

/** Stripe's amount_refunded is the truth: only ever raised, never past the charge. */
export async function setAmountRefunded(tx: Tx, id: string, amountRefundedMinor: number): Promise<void> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
  if (!row || amountRefundedMinor <= row.amountRefundedMinor) return;
  await tx
    .update(payments)
    .set({ amountRefundedMinor: Math.min(amountRefundedMinor, row.amountMinor), updatedAt: new Date() })
    .where(eq(payments.id, id));
}

/** Whether the traveller's receipt for the booking was issued (rendered by the receipts module). */
export async function hasReceipt(tx: Executor, bookingId: string): Promise<boolean> {
  const [row] = await tx.select({ id: receipts.id }).from(receipts).where(eq(receipts.bookingId, bookingId));
  return row !== undefined;
}
