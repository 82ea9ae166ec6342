import type { Locale } from '@tourconnect/contracts/http';
import type { InvoiceRow, PartnerSnapshot } from '../db/documents-invoice.repository.ts';
import type { InvoiceLine } from '../domain/invoice-drafts.ts';
import { toCsv } from './csv.ts';
import { documentStrings, type DocumentStrings } from './document-strings.ts';
import { decimalAmount, formatAmount, formatDate, isoDay } from './format.ts';
import { PdfWriter } from './pdf-writer.ts';

const linesOf = (invoice: InvoiceRow) => invoice.lines as InvoiceLine[];
const partnerOf = (invoice: InvoiceRow) => invoice.partnerSnapshot as PartnerSnapshot;

/** Who issued the invoice, as configured then; invoices issued before it was kept have {}. */
interface IssuerSnapshot {
  legalName?: string;
  address?: string | null;
  vatId?: string | null;
}
const issuerOf = (invoice: InvoiceRow) => (invoice.issuerSnapshot ?? {}) as IssuerSnapshot;
const rate = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)} %`;

function describe(line: InvoiceLine, t: DocumentStrings): string {
  switch (line.kind) {
    case 'platform_fees':
      return `${t.invoice.platformFees}${line.quantity ? ` (${line.quantity})` : ''}`;
    case 'fees_refunded':
      return t.invoice.feesRefunded;
    case 'sponsored':
      return `${t.invoice.sponsored}${line.quantity ? ` (${line.quantity})` : ''}`;
    case 'vat':
      return `${t.invoice.vat} ${rate(line.rateBps ?? 0)}`;
  }
}

/** The note the law asks for when no Italian VAT is charged. */
function vatNote(line: InvoiceLine | undefined, t: DocumentStrings): string | undefined {
  if (line?.rule === 'reverse_charge') return t.invoice.reverseCharge;
  if (line?.rule === 'out_of_scope') return t.invoice.outOfScope;
  return undefined;
}

/** RFC 4180: one row per line, then net, VAT and total; amounts as exact decimals. */
export function invoiceCsv(invoice: InvoiceRow): string {
  const d = (minor: number) => decimalAmount(minor, invoice.currency);
  const p = partnerOf(invoice);
  const head = [
    'invoice_number',
    'issued_on',
    'period_start',
    'period_end',
    'partner',
    'vat_id',
    'country',
    'line',
    'quantity',
    'vat_rate_bps',
    'vat_rule',
    'currency',
    'amount',
  ];
  const common = [
    invoice.number,
    isoDay(invoice.issuedAt),
    invoice.periodStart,
    invoice.periodEnd,
    p.legalName || p.name,
    p.vatId ?? '',
    p.country ?? '',
  ];
  const rows = linesOf(invoice).map((l) => [
    ...common,
    l.kind,
    l.quantity ?? '',
    l.rateBps ?? '',
    l.rule ?? '',
    invoice.currency,
    d(l.amountMinor),
  ]);
  const sums = [
    [...common, 'net', '', '', '', invoice.currency, d(invoice.netMinor)],
    [...common, 'total', '', '', '', invoice.currency, d(invoice.totalMinor)],
  ];
  return toCsv([head, ...rows, ...sums]);
}

export function invoicePdf(invoice: InvoiceRow, locale: Locale, options: { compress?: boolean } = {}): Promise<Buffer> {
  const t = documentStrings[locale];
  const m = (minor: number) => formatAmount(minor, invoice.currency, locale);
  const p = partnerOf(invoice);
  const lines = linesOf(invoice);
  const vat = lines.find((l) => l.kind === 'vat');
  const issuer = issuerOf(invoice);
  const pdf = new PdfWriter(`${t.invoice.title} ${invoice.number}`, options).header(
    issuer.legalName || t.issuer,
    t.invoice.title,
  );
  const issuerFields: [string, string][] = [
    ...(issuer.address ? ([[t.invoice.address, issuer.address]] as [string, string][]) : []),
    ...(issuer.vatId ? ([[t.invoice.vatId, issuer.vatId]] as [string, string][]) : []),
  ];
  if (issuerFields.length > 0) pdf.fields(issuerFields);
  pdf.fields([
    [t.invoice.number, invoice.number],
    [t.invoice.issued, formatDate(invoice.issuedAt, locale)],
    [t.invoice.period, `${formatDate(invoice.periodStart, locale)} – ${formatDate(invoice.periodEnd, locale)}`],
  ]);
  pdf.fields([
    [t.invoice.billTo, p.legalName || p.name || p.partnerId],
    [t.invoice.vatId, p.vatId || '—'],
    [t.invoice.country, p.country || '—'],
  ]);
  const items = lines.filter((l) => l.kind !== 'vat').map((l) => [describe(l, t), m(l.amountMinor)]);
  pdf.table(
    [
      { label: t.invoice.description, width: 0.7 },
      { label: t.invoice.amount, width: 0.3, align: 'right' },
    ],
    [
      ...items,
      [t.invoice.net, m(invoice.netMinor)],
      ...(vat ? [[describe(vat, t), m(vat.amountMinor)]] : []),
      [t.invoice.total, m(invoice.totalMinor)],
    ],
    { boldLast: true },
  );
  const note = vatNote(vat, t);
  if (note) pdf.note(note);
  return pdf.end();
}
