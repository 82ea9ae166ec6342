import type { Locale } from '@tourconnect/contracts/http';
import { documentStrings } from './document-strings.ts';
import { formatAmount, formatDate } from './format.ts';
import { PdfWriter } from './pdf-writer.ts';
import type { ReceiptSnapshot } from './receipt-snapshot.ts';

export interface ReceiptDocument {
  number: string;
  issuedAt: Date;
  snapshot: ReceiptSnapshot;
}

/**
 * The traveller's receipt. Travel packages are sold at VAT-inclusive prices and the VAT regime
 * depends on each supplier (and, for a package, on the special scheme for travel agents), so
 * the receipt states the total paid and 'VAT included where applicable' instead of a VAT
 * breakdown billing cannot know for every supplier.
 */
export function renderReceiptPdf(
  receipt: ReceiptDocument,
  locale: Locale,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const t = documentStrings[locale];
  const s = receipt.snapshot;
  const money = (minor: number) => formatAmount(minor, s.currency, locale);
  const pdf = new PdfWriter(`${t.receipt.title} ${receipt.number}`, options).header(t.issuer, t.receipt.title);
  pdf.fields([
    [t.receipt.number, receipt.number],
    [t.receipt.issued, formatDate(receipt.issuedAt, locale)],
    [t.receipt.paidOn, formatDate(s.paidAt, locale)],
    [t.receipt.booking, s.bookingId],
    [t.receipt.package, s.packageTitle || '—'],
    ...(s.sellerName ? ([[t.receipt.soldBy, s.sellerName]] as const) : []),
  ]);
  pdf.table(
    [
      { label: t.receipt.item, width: 0.32 },
      { label: t.receipt.supplier, width: 0.2 },
      { label: t.receipt.quantity, width: 0.07, align: 'right' },
      { label: t.receipt.unitPrice, width: 0.14, align: 'right' },
      { label: t.receipt.discount, width: 0.13, align: 'right' },
      { label: t.receipt.lineTotal, width: 0.14, align: 'right' },
    ],
    s.lines.map((l) => [
      // The item by name with its kind ("Fast boat Riva – Sirmione (Transfer)"), or the kind alone.
      l.title ? `${l.title} (${t.itemTypes[l.itemType] ?? l.itemType})` : (t.itemTypes[l.itemType] ?? l.itemType),
      l.partnerName ?? '—',
      String(l.quantity),
      money(l.unitPriceMinor),
      l.discountMinor > 0 ? `-${money(l.discountMinor)}` : '',
      money(l.totalMinor),
    ]),
  );
  const totals: [string, string][] = [[t.receipt.subtotal, money(s.subtotalMinor)]];
  if (s.bundleDiscountMinor > 0) totals.push([t.receipt.bundleDiscount, `-${money(s.bundleDiscountMinor)}`]);
  if (s.couponDiscountMinor > 0) {
    totals.push([`${t.receipt.coupon}${s.couponCode ? ` ${s.couponCode}` : ''}`, `-${money(s.couponDiscountMinor)}`]);
  }
  totals.push([t.receipt.total, money(s.totalMinor)]);
  pdf.table(
    [
      { label: '', width: 0.7 },
      { label: '', width: 0.3, align: 'right' },
    ],
    totals,
    { boldLast: true },
  );
  if (s.paymentMethod)
    pdf.note(`${t.receipt.paymentMethod}: ${capitalise(s.paymentMethod.brand)} •••• ${s.paymentMethod.last4}`);
  pdf.note(t.receipt.vatNote);
  return pdf.end();
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
