import type { InvoiceSummary, Locale } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { findInvoice, listPartnerInvoices } from '../db/documents-invoice.repository.ts';
import { findCallerPartnerId } from '../db/documents-statement.repository.ts';
import type { BillingContext } from '../domain/context.ts';
import { invoiceSummary } from '../domain/invoicing.ts';
import { invoiceNotFound, partnerMembershipRequired } from './document-errors.ts';
import { invoiceCsv, invoicePdf } from './invoice-render.ts';
import type { DocumentFile } from './statements.ts';

/** The caller's partner's commission invoices, newest first. */
export async function myInvoices(ctx: BillingContext, caller: AuthUser): Promise<InvoiceSummary[]> {
  const partnerId = await findCallerPartnerId(ctx.db, caller.id);
  if (!partnerId) throw partnerMembershipRequired();
  return (await listPartnerInvoices(ctx.db, partnerId)).map(invoiceSummary);
}

/** One invoice as PDF or CSV, for a member of the invoiced partner or an admin; anyone else: 404. */
export async function invoiceFile(
  ctx: BillingContext,
  caller: AuthUser,
  id: string,
  format: 'csv' | 'pdf',
  locale: Locale,
): Promise<DocumentFile> {
  const invoice = await findInvoice(ctx.db, id);
  const allowed =
    invoice && (caller.roles.includes('admin') || (await findCallerPartnerId(ctx.db, caller.id)) === invoice.partnerId);
  if (!invoice || !allowed) throw invoiceNotFound();
  const filename = `invoice-${invoice.number}.${format}`;
  if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: invoiceCsv(invoice) };
  return { filename, contentType: 'application/pdf', body: await invoicePdf(invoice, locale) };
}
