import { describe, expect, it } from 'vitest';
import {
  invoiceAmounts,
  invoiceDrafts,
  monthPeriod,
  previousMonth,
  vatRuleFor,
} from '../../src/domain/invoice-drafts.ts';

const partner = (country: string | null, vatId: string | null = null) => ({
  partnerId: 'p',
  name: 'P',
  legalName: null,
  vatId,
  country,
});

describe('VAT rule of a commission invoice (platform established in Italy)', () => {
  it('charges 22 % Italian VAT to Italian partners and to EU partners without a VAT id', () => {
    expect(vatRuleFor(partner('IT', 'IT01234567890'))).toEqual({ rule: 'it_vat', rateBps: 2200 });
    expect(vatRuleFor(partner('FR'))).toEqual({ rule: 'it_vat', rateBps: 2200 });
    expect(vatRuleFor(partner(null))).toEqual({ rule: 'it_vat', rateBps: 2200 });
  });

  it('applies the reverse charge to EU businesses outside Italy and keeps non-EU partners out of scope', () => {
    expect(vatRuleFor(partner('DE', 'DE123456789'))).toEqual({ rule: 'reverse_charge', rateBps: 0 });
    expect(vatRuleFor(partner('es', 'ESB12345678'))).toEqual({ rule: 'reverse_charge', rateBps: 0 });
    expect(vatRuleFor(partner('CH', 'CHE-123.456.789'))).toEqual({ rule: 'out_of_scope', rateBps: 0 });
  });
});

describe('invoice drafts and amounts', () => {
  it('splits a refund’s platform part over the booking’s partners by their fees, exactly', () => {
    const drafts = invoiceDrafts(
      [
        { partnerId: 'a', currency: 'EUR', feeMinor: 1_000, bookings: 1 },
        { partnerId: 'b', currency: 'EUR', feeMinor: 500, bookings: 1 },
      ],
      [
        { refundId: 'r', currency: 'EUR', platformRefundMinor: 100, partnerId: 'a', partnerFeeMinor: 1_000 },
        { refundId: 'r', currency: 'EUR', platformRefundMinor: 100, partnerId: 'b', partnerFeeMinor: 500 },
      ],
      [{ eventId: 'e1', partnerId: 'b', currency: 'EUR', amountMinor: 40 }],
    );
    expect(drafts.map((d) => [d.partnerId, d.feeMinor, d.feesRefundedMinor, d.spendMinor])).toEqual([
      ['a', 1_000, 67, 0],
      ['b', 500, 33, 40],
    ]);
  });

  it('adds the lines, rounds VAT half up on the net and totals', () => {
    const draft = {
      partnerId: 'p',
      currency: 'EUR',
      feeMinor: 2_101,
      bookings: 3,
      feesRefundedMinor: 300,
      spendMinor: 301,
      spendEventIds: ['x', 'y'],
    };
    const it = invoiceAmounts(draft, partner('IT'));
    expect(it.netMinor).toBe(2_102);
    expect(it.vatMinor).toBe(462); // 462.44
    expect(it.totalMinor).toBe(2_564);
    expect(it.lines).toEqual([
      { kind: 'platform_fees', amountMinor: 2_101, quantity: 3 },
      { kind: 'fees_refunded', amountMinor: -300 },
      { kind: 'sponsored', amountMinor: 301, quantity: 2 },
      { kind: 'vat', amountMinor: 462, rateBps: 2200, rule: 'it_vat' },
    ]);
    const de = invoiceAmounts(draft, partner('DE', 'DE123456789'));
    expect([de.vatMinor, de.totalMinor, de.lines.at(-1)?.rule]).toEqual([0, 2_102, 'reverse_charge']);
  });
});

describe('months', () => {
  it('knows a month’s last day and the month before, on the Italian calendar', () => {
    expect(monthPeriod('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(previousMonth(new Date('2027-01-15T12:00:00Z'))).toBe('2026-12');
    // 23:30 UTC on 31 March is already 1 April in Rome.
    expect(previousMonth(new Date('2026-03-31T23:30:00Z'))).toBe('2026-03');
  });
});
