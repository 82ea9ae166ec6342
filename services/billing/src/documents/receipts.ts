import type { Locale } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { findReceipt, findSucceededPayment, issueReceipt, receiptBookingExists } from '../db/documents.repository.ts';
import type { BillingContext } from '../domain/context.ts';
import { receiptNotFound } from './document-errors.ts';
import { renderReceiptPdf } from './receipt-pdf.ts';
import type { ReceiptSnapshot } from './receipt-snapshot.ts';

export interface ReceiptFile {
  filename: string;
  pdf: Buffer;
}

/**
 * The booking's receipt as a PDF, for the traveller who booked or an admin. A succeeded
 * payment without a receipt yet (issued normally in the payment's transaction) gets it here,
 * numbered in one transaction: the same gapless counter, the same one-per-booking rule.
 */
export async function receiptPdf(
  ctx: BillingContext,
  caller: AuthUser,
  bookingId: string,
  locale: Locale,
): Promise<ReceiptFile> {
  const isAdmin = caller.roles.includes('admin');
  return receiptFor(ctx, bookingId, locale, (userId) => userId === caller.id || isAdmin);
}

/**
 * The receipt a signed link (receipt-link.ts) names: the link itself is the authorisation, so
 * any holder gets it — the same PDF, issued lazily the same way, only for a succeeded payment.
 */
export async function receiptPdfByLink(ctx: BillingContext, bookingId: string, locale: Locale): Promise<ReceiptFile> {
  return receiptFor(ctx, bookingId, locale, () => true);
}

async function receiptFor(
  ctx: BillingContext,
  bookingId: string,
  locale: Locale,
  mayRead: (userId: string) => boolean,
): Promise<ReceiptFile> {
  const receipt = await ctx.db.transaction(async (tx) => {
    const existing = await findReceipt(tx, bookingId);
    if (existing) return existing;
    const payment = await findSucceededPayment(tx, bookingId);
    if (!payment || !(await receiptBookingExists(tx, bookingId))) return undefined;
    if (!mayRead(payment.userId)) return undefined;
    return issueReceipt(tx, {
      bookingId,
      userId: payment.userId,
      currency: payment.currency,
      totalMinor: payment.amountMinor,
    });
  });
  if (!receipt || !mayRead(receipt.userId)) throw receiptNotFound();
  const pdf = await renderReceiptPdf(
    { number: receipt.number, issuedAt: receipt.issuedAt, snapshot: receipt.snapshot as ReceiptSnapshot },
    locale,
  );
  return { filename: `receipt-${receipt.number}.pdf`, pdf };
}
