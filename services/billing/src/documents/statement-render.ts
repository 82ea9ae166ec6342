import type { Locale } from '@tourconnect/contracts/http';
import type { StatementBookingRow, StatementPayoutRow } from '../db/documents-statement.repository.ts';
import { toCsv } from './csv.ts';
import { documentStrings } from './document-strings.ts';
import { decimalAmount, formatAmount, formatDate, isoDay } from './format.ts';
import { PdfWriter } from './pdf-writer.ts';
import { rowNet, type StatementTotals } from './statement-totals.ts';

export interface StatementData {
  partnerName: string;
  from: string;
  to: string;
  rows: StatementBookingRow[];
  payouts: StatementPayoutRow[];
  totals: StatementTotals[];
}

/** Machine-readable column names (stable for spreadsheets and imports, not translated). */
const CSV_HEADER = [
  'record',
  'date',
  'booking_id',
  'package',
  'currency',
  'gross_share',
  'platform_fee',
  'share',
  'reversals',
  'net',
  'transfer_id',
  'transfer_status',
  'transfer_amount',
  'payout_id',
  'payout_status',
  'payout_amount',
  'arrival_date',
];

/**
 * One table, one record kind per row ('booking', 'payout', 'total'), so every record has the
 * same fields (RFC 4180) and a spreadsheet can filter by kind. Amounts are exact decimals.
 */
export function statementCsv(data: StatementData): string {
  const d = decimalAmount;
  const bookings = data.rows.map((r) => [
    'booking',
    isoDay(r.paidAt),
    r.bookingId,
    r.packageTitle,
    r.currency,
    d(r.earningMinor, r.currency),
    d(r.feeMinor, r.currency),
    d(r.shareMinor, r.currency),
    d(r.reversalsMinor, r.currency),
    d(rowNet(r), r.currency),
    r.transferId,
    r.transferStatus,
    r.transferMinor === null ? '' : d(r.transferMinor, r.currency),
    '',
    '',
    '',
    '',
  ]);
  const payouts = data.payouts.map((p) => [
    'payout',
    isoDay(p.createdAt),
    '',
    '',
    p.currency,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    p.payoutId,
    p.status,
    d(p.amountMinor, p.currency),
    p.arrivalAt ? isoDay(p.arrivalAt) : '',
  ]);
  const totals = data.totals.map((t) => [
    'total',
    '',
    '',
    '',
    t.currency,
    d(t.earningMinor, t.currency),
    d(t.feeMinor, t.currency),
    d(t.shareMinor, t.currency),
    d(t.reversalsMinor, t.currency),
    d(t.netMinor, t.currency),
    '',
    '',
    d(t.transferredMinor, t.currency),
    '',
    '',
    d(t.paidOutMinor, t.currency),
    '',
  ]);
  return toCsv([CSV_HEADER, ...bookings, ...payouts, ...totals]);
}

export function statementPdf(
  data: StatementData,
  locale: Locale,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const t = documentStrings[locale];
  const s = t.statement;
  const m = (minor: number, currency: string) => formatAmount(minor, currency, locale);
  const pdf = new PdfWriter(`${s.title} ${data.from} – ${data.to}`, options).header(t.issuer, s.title);
  pdf.fields([
    [t.invoice.billTo, data.partnerName],
    [s.period, `${formatDate(data.from, locale)} – ${formatDate(data.to, locale)}`],
  ]);
  if (data.rows.length === 0) pdf.note(s.noBookings);
  else
    pdf.table(
      [
        { label: s.date, width: 0.11 },
        { label: s.package, width: 0.19 },
        { label: s.earning, width: 0.12, align: 'right' },
        { label: s.fee, width: 0.12, align: 'right' },
        { label: s.reversals, width: 0.13, align: 'right' },
        { label: s.net, width: 0.12, align: 'right' },
        { label: s.transfer, width: 0.21 },
      ],
      data.rows.map((r) => [
        formatDate(r.paidAt, locale),
        `${r.packageTitle}\n${r.bookingId}`,
        m(r.earningMinor, r.currency),
        m(r.feeMinor, r.currency),
        m(r.reversalsMinor, r.currency),
        m(rowNet(r), r.currency),
        r.transferId ? `${r.transferId}\n${r.transferStatus ?? ''}` : '—',
      ]),
    );
  pdf.section(s.payouts);
  if (data.payouts.length === 0) pdf.note(s.noPayouts);
  else
    pdf.table(
      [
        { label: s.payout, width: 0.4 },
        { label: s.payoutStatus, width: 0.2 },
        { label: s.arrival, width: 0.2 },
        { label: s.amount, width: 0.2, align: 'right' },
      ],
      data.payouts.map((p) => [
        p.payoutId,
        p.status,
        p.arrivalAt ? formatDate(p.arrivalAt, locale) : '—',
        m(p.amountMinor, p.currency),
      ]),
    );
  pdf.section(s.totals);
  for (const total of data.totals) {
    pdf.fields([
      [s.earning, m(total.earningMinor, total.currency)],
      [s.fee, `-${m(total.feeMinor, total.currency)}`],
      [s.reversals, `-${m(total.reversalsMinor, total.currency)}`],
      [s.net, m(total.netMinor, total.currency)],
      [s.totalTransfers, m(total.transferredMinor, total.currency)],
      [s.totalPayouts, m(total.paidOutMinor, total.currency)],
    ]);
  }
  return pdf.end();
}
