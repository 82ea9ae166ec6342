import {
  documentLangQuerySchema,
  fileResponseSchema,
  invoiceListSchema,
  invoiceParamsSchema,
  invoiceQuerySchema,
  issueInvoicesRequestSchema,
  issueInvoicesResponseSchema,
  receiptLinkQuerySchema,
  receiptParamsSchema,
  statementQuerySchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BillingContext } from '../domain/context.ts';
import { issueInvoices } from '../domain/invoicing.ts';
import { invoiceFile, myInvoices } from '../documents/invoices.ts';
import { pickLanguage } from '../documents/language.ts';
import { receiptLinkExpired, receiptNotFound } from '../documents/document-errors.ts';
import { verifyReceiptLink } from '../documents/receipt-link.ts';
import { receiptPdf, receiptPdfByLink } from '../documents/receipts.ts';
import { partnerStatement, type DocumentFile } from '../documents/statements.ts';

const tags = ['documents'];
const bearer = [{ bearer: [] }];
const file = (description: string, types: readonly string[]) => ({
  description,
  content: Object.fromEntries(types.map((type) => [type, { schema: fileResponseSchema }])),
});

const languageOf = (request: FastifyRequest, lang: Parameters<typeof pickLanguage>[0]) =>
  pickLanguage(lang, request.headers['accept-language']);

/** Sends a document as a download; the typed reply expects the schema's File, so it is widened. */
function sendFile(reply: FastifyReply, document: DocumentFile) {
  return reply
    .header('content-type', document.contentType)
    .header('content-disposition', `attachment; filename="${document.filename}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(document.body);
}

/** Receipts (traveller), statements and commission invoices (partner), invoice issuing (admin). */
export function documentsRoutes(app: ServiceApp, ctx: BillingContext): void {
  app.get(
    '/api/billing/receipts/:bookingId',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'The booking’s receipt as a PDF (the traveller who booked, or an admin)',
        description:
          'Language: `lang`, else Accept-Language, else English. 404 receipt_not_found before payment or for anyone else’s booking.',
        security: bearer,
        params: receiptParamsSchema,
        querystring: documentLangQuerySchema,
        response: { 200: file('The receipt', ['application/pdf']) },
      },
    },
    async (request, reply) => {
      const receipt = await receiptPdf(
        ctx,
        request.user!,
        request.params.bookingId,
        languageOf(request, request.query.lang),
      );
      return sendFile(reply as FastifyReply, {
        filename: receipt.filename,
        contentType: 'application/pdf',
        body: receipt.pdf,
      });
    },
  );

  app.get(
    '/api/billing/receipts/:bookingId/download',
    {
      schema: {
        tags,
        summary: 'The booking’s receipt as a PDF through a signed link (the payment e-mail’s; no token)',
        description:
          'The link is valid 30 days; `lang` is not signed (any language). A missing, altered or foreign signature → 404 receipt_not_found; an expired link → 410 receipt_link_expired.',
        params: receiptParamsSchema,
        querystring: receiptLinkQuerySchema,
        response: { 200: file('The receipt', ['application/pdf']) },
      },
    },
    async (request, reply) => {
      const { bookingId } = request.params;
      const check = verifyReceiptLink(ctx.settings.RECEIPT_LINK_KEY, bookingId, request.query.exp, request.query.sig);
      if (check === 'invalid') throw receiptNotFound();
      if (check === 'expired') throw receiptLinkExpired();
      const receipt = await receiptPdfByLink(ctx, bookingId, languageOf(request, request.query.lang));
      return sendFile(reply as FastifyReply, {
        filename: receipt.filename,
        contentType: 'application/pdf',
        body: receipt.pdf,
      });
    },
  );

  app.get(
    '/api/billing/reports',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'The caller partner’s statement for a period (CSV or PDF)',
        description: 'At most 366 days, both ends included; 400 invalid_period otherwise.',
        security: bearer,
        querystring: statementQuerySchema,
        response: { 200: file('The statement', ['text/csv', 'application/pdf']) },
      },
    },
    async (request, reply) => {
      const statement = await partnerStatement(
        ctx,
        request.user!,
        request.query,
        languageOf(request, request.query.lang),
      );
      return sendFile(reply as FastifyReply, statement);
    },
  );

  app.get(
    '/api/billing/invoices',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'The platform’s commission invoices to the caller’s partner, newest first',
        security: bearer,
        response: { 200: invoiceListSchema },
      },
    },
    async (request) => myInvoices(ctx, request.user!),
  );

  app.get(
    '/api/billing/invoices/:id',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'One commission invoice as PDF or CSV (a member of the invoiced partner, or an admin)',
        security: bearer,
        params: invoiceParamsSchema,
        querystring: invoiceQuerySchema,
        response: { 200: file('The invoice', ['application/pdf', 'text/csv']) },
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const invoice = await invoiceFile(ctx, request.user!, request.params.id, format, languageOf(request, lang));
      return sendFile(reply as FastifyReply, invoice);
    },
  );

  app.post(
    '/api/admin/billing/invoices/issue',
    {
      preHandler: app.requireUser('admin'),
      schema: {
        tags,
        summary: 'Issue the commission invoices of a month now (idempotent: an issued invoice is kept)',
        security: bearer,
        body: issueInvoicesRequestSchema,
        response: { 200: issueInvoicesResponseSchema },
      },
    },
    async (request) => issueInvoices(ctx, request.body.month, { id: request.user!.id, role: 'admin' }),
  );
}
