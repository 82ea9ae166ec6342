import type { BookingPayment } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { findPaymentByBooking, hasReceipt } from '../db/payments.repository.ts';
import { listBookingRefunds } from '../db/refunds.repository.ts';
import { paymentNotFound } from './checkout-errors.ts';
import type { BillingContext } from './context.ts';

export async function bookingPayment(
  ctx: BillingContext,
  caller: AuthUser,
  bookingId: string,
): Promise<BookingPayment> {
  const payment = await findPaymentByBooking(ctx.db, bookingId);
  if (!payment || (payment.userId !== caller.id && !caller.roles.includes('admin'))) throw paymentNotFound();
  const refunds = await listBookingRefunds(ctx.db, bookingId);
  return {
    status: payment.status,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    amountRefundedMinor: payment.amountRefundedMinor,
    refunds: refunds.map((r) => ({
      id: r.id,
      amountMinor: r.amountMinor,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
    receiptAvailable: await hasReceipt(ctx.db, bookingId),
  };
}
