import { z } from 'zod';
import { localeSchema } from './auth.ts';

/**
 * billing's documents: the traveller's receipt (PDF), the partner's statement (CSV or PDF) and
 * the platform's commission invoices to partners (list, CSV or PDF). Amounts are integer minor
 * units of `currency`; in CSV files they are decimal strings next to a currency column.
 */

const isoDay = z.iso.date({ message: 'invalid_date' });

export const receiptParamsSchema = z.object({ bookingId: z.uuid({ message: 'invalid_id' }) });
export const documentLangQuerySchema = z.object({ lang: localeSchema.optional() });
/** A signed receipt link (from the payment e-mail): checked by the handler, so a bad one is a 404, not a 400. */
export const receiptLinkQuerySchema = z.object({
  lang: localeSchema.optional(),
  exp: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
});

export const documentFormats = ['csv', 'pdf'] as const;
export const documentFormatSchema = z.enum(documentFormats, { message: 'invalid_format' });

/** A statement covers at most 366 days, `from` and `to` included (calendar days in Rome). */
export const STATEMENT_MAX_DAYS = 366;
export const statementQuerySchema = z.object({
  from: isoDay,
  to: isoDay,
  format: documentFormatSchema.default('csv'),
  lang: localeSchema.optional(),
});
export type StatementQuery = z.infer<typeof statementQuerySchema>;

export const invoiceLineKinds = ['platform_fees', 'fees_refunded', 'sponsored', 'vat'] as const;
export const vatRules = ['it_vat', 'reverse_charge', 'out_of_scope'] as const;

export const invoiceSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  currency: z.string(),
  netMinor: z.number().int(),
  vatMinor: z.number().int(),
  totalMinor: z.number().int(),
  issuedAt: z.iso.datetime(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;
export const invoiceListSchema = z.array(invoiceSummarySchema);

export const invoiceParamsSchema = z.object({ id: z.uuid({ message: 'invalid_id' }) });
export const invoiceQuerySchema = z.object({
  format: documentFormatSchema.default('pdf'),
  lang: localeSchema.optional(),
});

/** 'YYYY-MM': the calendar month (Rome) whose invoices to issue. */
export const issueInvoicesRequestSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalid_month' }),
});
export type IssueInvoicesRequest = z.infer<typeof issueInvoicesRequestSchema>;
export const issueInvoicesResponseSchema = z.object({
  month: z.string(),
  /** Invoices issued by this call; 0 when the month was already issued (idempotent). */
  issued: z.number().int(),
  invoices: invoiceListSchema,
});
export type IssueInvoicesResponse = z.infer<typeof issueInvoicesResponseSchema>;
