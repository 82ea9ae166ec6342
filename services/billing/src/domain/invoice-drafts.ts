import { allocate, money, percentage } from '@tourconnect/money';
import type { MonthFees, PartnerSnapshot, RefundFeeShare, SpendRow } from '../db/documents-invoice.repository.ts';

export type VatRule = 'it_vat' | 'reverse_charge' | 'out_of_scope';
export type InvoiceLineKind = 'platform_fees' | 'fees_refunded' | 'sponsored' | 'vat';

export interface InvoiceLine {
  kind: InvoiceLineKind;
  /** Negative for fees given back. */
  amountMinor: number;
  /** Bookings (fees) or charged clicks (sponsored). */
  quantity?: number;
  rateBps?: number;
  rule?: VatRule;
}

/** EU member states (ISO 3166-1 alpha-2; Greece as GR). */
const EU = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '));
export const IT_VAT_BPS = 2200;

/**
 * The platform is established in Italy and sells its commission (a service) to partners:
 * Italian partners pay 22 % Italian VAT; a business in another EU state with a VAT id accounts
 * for the VAT itself (reverse charge, Art. 196 Directive 2006/112/EC); outside the EU the
 * service is outside the scope of Italian VAT (Art. 7-ter DPR 633/72). An EU partner without a
 * VAT id, or a partner whose country billing does not know, is charged Italian VAT.
 */
export function vatRuleFor(partner: Pick<PartnerSnapshot, 'country' | 'vatId'> | undefined): {
  rule: VatRule;
  rateBps: number;
} {
  const country = partner?.country?.trim().toUpperCase() || 'IT';
  if (country === 'IT') return { rule: 'it_vat', rateBps: IT_VAT_BPS };
  if (EU.has(country))
    return partner?.vatId?.trim() ? { rule: 'reverse_charge', rateBps: 0 } : { rule: 'it_vat', rateBps: IT_VAT_BPS };
  return { rule: 'out_of_scope', rateBps: 0 };
}

export interface InvoiceDraft {
  partnerId: string;
  currency: string;
  feeMinor: number;
  bookings: number;
  feesRefundedMinor: number;
  spendMinor: number;
  spendEventIds: string[];
}

/** What each partner owes the platform for the period, per currency, before VAT. */
export function invoiceDrafts(
  fees: readonly MonthFees[],
  refunds: readonly RefundFeeShare[],
  spend: readonly SpendRow[],
): InvoiceDraft[] {
  const drafts = new Map<string, InvoiceDraft>();
  const of = (partnerId: string, currency: string) => {
    const key = `${partnerId}|${currency}`;
    let d = drafts.get(key);
    if (!d) {
      d = { partnerId, currency, feeMinor: 0, bookings: 0, feesRefundedMinor: 0, spendMinor: 0, spendEventIds: [] };
      drafts.set(key, d);
    }
    return d;
  };
  for (const f of fees) Object.assign(of(f.partnerId, f.currency), { feeMinor: f.feeMinor, bookings: f.bookings });
  for (const [partnerId, currency, minor] of refundedFees(refunds)) of(partnerId, currency).feesRefundedMinor += minor;
  for (const s of spend) {
    const d = of(s.partnerId, s.currency);
    d.spendMinor += s.amountMinor;
    d.spendEventIds.push(s.eventId);
  }
  return [...drafts.values()].sort(
    (a, b) => a.partnerId.localeCompare(b.partnerId) || a.currency.localeCompare(b.currency),
  );
}

/** Each refund's platform part split over the booking's partners by their fee (largest remainder). */
function refundedFees(refunds: readonly RefundFeeShare[]): [string, string, number][] {
  const byRefund = new Map<string, RefundFeeShare[]>();
  for (const r of refunds) byRefund.set(r.refundId, [...(byRefund.get(r.refundId) ?? []), r]);
  const out: [string, string, number][] = [];
  for (const shares of byRefund.values()) {
    const weights = shares.map((s) => s.partnerFeeMinor);
    if (weights.every((w) => w === 0)) continue;
    const parts = allocate(money(shares[0]!.platformRefundMinor, shares[0]!.currency), weights);
    shares.forEach((s, i) => out.push([s.partnerId, s.currency, parts[i]!.amount]));
  }
  return out;
}

export interface InvoiceAmounts {
  lines: InvoiceLine[];
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
}

/** The invoice's lines, net, VAT (rounded half up on the net) and total. */
export function invoiceAmounts(draft: InvoiceDraft, partner: PartnerSnapshot | undefined): InvoiceAmounts {
  const lines: InvoiceLine[] = [];
  if (draft.feeMinor > 0) lines.push({ kind: 'platform_fees', amountMinor: draft.feeMinor, quantity: draft.bookings });
  if (draft.feesRefundedMinor > 0) lines.push({ kind: 'fees_refunded', amountMinor: -draft.feesRefundedMinor });
  if (draft.spendMinor > 0)
    lines.push({ kind: 'sponsored', amountMinor: draft.spendMinor, quantity: draft.spendEventIds.length });
  const netMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const { rule, rateBps } = vatRuleFor(partner);
  const vatMinor = netMinor > 0 ? percentage(money(netMinor, draft.currency), rateBps, 'half-up').amount : 0;
  lines.push({ kind: 'vat', amountMinor: vatMinor, rateBps, rule });
  return { lines, netMinor, vatMinor, totalMinor: netMinor + vatMinor };
}

/** 'YYYY-MM' → its first and last calendar day. */
export function monthPeriod(month: string): { start: string; end: string } {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' });

/** The calendar month (Rome) `now` falls in, as 'YYYY-MM'. */
export function currentMonth(now: Date): string {
  return monthFormat.format(now).slice(0, 7);
}

/** The calendar month (Rome) before the one `now` falls in, as 'YYYY-MM'. */
export function previousMonth(now: Date): string {
  const [y, m] = currentMonth(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
