import type { DiscountRule } from '@tourconnect/contracts/http';
import { describe, expect, it } from 'vitest';
import {
  noPromotions,
  priceBundle,
  PricingError,
  type PricingInput,
  type PricingLine,
} from '../../src/domain/pricing/index.ts';

// "Garda family weekend" as a partner would check it by hand: Hotel Lago (the seller) sells
// 2 nights of its own room, a ferry crossing of Navigazione Garda at net rates, a guided tour
// of Garda Guides on 15 % commission and bike rental of Riva Bikes on 20 % commission, for
// 2 adults and 1 child.
const HOTEL = 'hotel-lago';
const FERRY = 'navigazione-garda';
const GUIDES = 'garda-guides';
const BIKES = 'riva-bikes';

const hotel: PricingLine = {
  position: 0,
  itemId: 'room-lake-view',
  itemKind: 'service',
  partnerId: HOTEL,
  units: [{ code: 'room', quantity: 2, unitPriceMinor: 12900 }], // 2 nights × €129
  supplier: { kind: 'own' },
};
const ferry: PricingLine = {
  position: 1,
  itemId: 'ferry-riva-malcesine',
  itemKind: 'transport',
  partnerId: FERRY,
  units: [
    { code: 'adult', quantity: 2, unitPriceMinor: 1200 },
    { code: 'child', quantity: 1, unitPriceMinor: 600 },
  ],
  supplier: { kind: 'net_rate', netRateMinor: 2 * 1000 + 500 }, // net €10 adult, €5 child
};
const tour: PricingLine = {
  position: 2,
  itemId: 'tour-old-town',
  itemKind: 'tour',
  partnerId: GUIDES,
  units: [
    { code: 'adult', quantity: 2, unitPriceMinor: 3500 },
    { code: 'child', quantity: 1, unitPriceMinor: 1500 },
  ],
  supplier: { kind: 'commission', commissionBps: 1500 },
};
const bikes: PricingLine = {
  position: 3,
  itemId: 'bike-rental-day',
  itemKind: 'extra',
  partnerId: BIKES,
  units: [
    { code: 'adult', quantity: 2, unitPriceMinor: 1800 },
    { code: 'child', quantity: 1, unitPriceMinor: 1200 },
  ],
  supplier: { kind: 'commission', commissionBps: 2000 },
};

const threeItems10: DiscountRule = {
  id: 'bundle-10',
  type: 'percentage',
  bps: 1000,
  conditions: { minDistinctItems: 3 },
};
const family20: DiscountRule = {
  id: 'family-20',
  type: 'fixed',
  amountMinor: 2000,
  conditions: { minAdults: 2, minChildren: 1 },
};

function garda(overrides: Partial<PricingInput> = {}): PricingInput {
  return {
    currency: 'EUR',
    sellerPartnerId: HOTEL,
    lines: [hotel, ferry, tour, bikes],
    rules: [threeItems10],
    context: {
      travelDate: '2027-06-12',
      bookingDate: '2027-05-01',
      party: { adult: 2, child: 1, infant: 0, senior: 0 },
    },
    ...overrides,
  };
}

describe('Garda family weekend', () => {
  it('prices each line, takes 10 % off for three or more items and says who is owed what', () => {
    const priced = priceBundle(garda());
    // Gross: hotel 2 × 129 = 258; ferry 2 × 12 + 6 = 30; tour 2 × 35 + 15 = 85; bikes 2 × 18 + 12 = 48.
    expect(priced.subtotalMinor).toBe(42100);
    // 10 % of €421.00.
    expect(priced.appliedRules).toEqual([{ ruleId: 'bundle-10', amountMinor: 4210 }]);
    expect(priced.bundleDiscountMinor).toBe(4210);
    expect(priced.totalMinor).toBe(37890);
    // Supplier shares: ferry its net rate €25; tour 85 − 15 % (12.75) = 72.25; bikes 48 − 20 % (9.60) = 38.40.
    // The seller's margin: hotel 258 + ferry 5 + tour 12.75 + bikes 9.60 = 285.35; the discount is split by it:
    // 4210 × 25800/28535 = 3806.47, × 500/28535 = 73.77, × 1275/28535 = 188.11, × 960/28535 = 141.63,
    // floors 3806 + 73 + 188 + 141 = 4208, the two cents left go to the largest remainders (ferry, bikes).
    expect(priced.lines.map((l) => [l.grossMinor, l.bundleDiscountMinor, l.netMinor, l.supplierShareMinor])).toEqual([
      [25800, 3806, 21994, 21994],
      [3000, 74, 2926, 2500],
      [8500, 188, 8312, 7225],
      [4800, 142, 4658, 3840],
    ]);
    expect(priced.partners).toEqual([
      // The hotel: its room's net 219.94 + margins ferry 4.26 + tour 10.87 + bikes 8.18 = 243.25 (= 285.35 − 42.10).
      { partnerId: HOTEL, netMinor: 21994, payableMinor: 24325 },
      { partnerId: FERRY, netMinor: 2926, payableMinor: 2500 },
      { partnerId: GUIDES, netMinor: 8312, payableMinor: 7225 },
      { partnerId: BIKES, netMinor: 4658, payableMinor: 3840 },
    ]);
    expect(priced.coupon).toBeNull();
    expect(priced.affiliateCode).toBeNull();
  });

  it('adds the family rule on the same subtotal (no compounding), in the package order', () => {
    const priced = priceBundle(garda({ rules: [threeItems10, family20] }));
    expect(priced.appliedRules).toEqual([
      { ruleId: 'bundle-10', amountMinor: 4210 },
      { ruleId: 'family-20', amountMinor: 2000 },
    ]);
    expect(priced.totalMinor).toBe(42100 - 6210);
    expect(priced.lines.map((l) => l.bundleDiscountMinor)).toEqual([5615, 109, 277, 209]);
    expect(priced.partners.map((p) => p.payableMinor)).toEqual([28535 - 6210, 2500, 7225, 3840]);
  });

  it('leaves out rules whose conditions do not hold', () => {
    const couple = { adult: 2, child: 0, infant: 0, senior: 0 };
    const priced = priceBundle(
      garda({ rules: [threeItems10, family20], context: { ...garda().context, party: couple } }),
    );
    expect(priced.appliedRules.map((r) => r.ruleId)).toEqual(['bundle-10']);
    expect(priceBundle(garda({ lines: [hotel, ferry] })).appliedRules).toEqual([]);
  });

  it('takes a seller-funded 5 % coupon off the price after the bundle discount, from the margin left', () => {
    const priced = priceBundle(
      garda({
        coupon: { code: 'LAGO5', kind: 'percentage', bpsOrAmount: 500, fundedBy: 'seller' },
        affiliateCode: 'blog-42',
      }),
    );
    // 5 % of €378.90 = 18.945 → 18.94.
    expect(priced.coupon).toEqual({ code: 'LAGO5', kind: 'percentage', fundedBy: 'seller', amountMinor: 1894 });
    expect(priced.totalMinor).toBe(37890 - 1894);
    expect(priced.lines.map((l) => l.couponDiscountMinor)).toEqual([1712, 33, 85, 64]);
    expect(priced.partners.map((p) => p.payableMinor)).toEqual([24325 - 1894, 2500, 7225, 3840]);
    expect(priced.platformFundedMinor).toBe(0);
    expect(priced.affiliateCode).toBe('blog-42');
  });

  it('lets a platform-funded €50 coupon go below what suppliers are owed: the platform pays the difference', () => {
    const priced = priceBundle(
      garda({ coupon: { code: 'TC50', kind: 'fixed', bpsOrAmount: 5000, fundedBy: 'platform' } }),
    );
    expect(priced.totalMinor).toBe(32890);
    expect(priced.platformFundedMinor).toBe(5000);
    // Split by the price each line has left after the bundle discount (21994, 2926, 8312, 4658 of 37890) …
    expect(priced.lines.map((l) => l.couponDiscountMinor)).toEqual([2902, 386, 1097, 615]);
    expect(priced.lines.map((l) => l.netMinor)).toEqual([19092, 2540, 7215, 4043]);
    // … and nobody is owed less than without the coupon.
    expect(priced.partners.map((p) => p.payableMinor)).toEqual([24325, 2500, 7225, 3840]);
    expect(priced.lines[0]!.supplierShareMinor).toBe(21994);
  });
});

describe('the seller’s margin caps every discount', () => {
  // A travel agency selling only other partners' items keeps just its margins.
  const agencyLines: PricingLine[] = [
    { ...ferry, position: 0 },
    { ...tour, position: 1 },
  ];
  const agency = (rules: DiscountRule[]): PricingInput =>
    garda({ sellerPartnerId: 'agency', lines: agencyLines, rules });

  it('stops at the margin, serving the rules in the package order', () => {
    const half: DiscountRule = { id: 'half', type: 'percentage', bps: 5000, conditions: {} };
    const tenEuro: DiscountRule = { id: 'ten', type: 'fixed', amountMinor: 1000, conditions: {} };
    const priced = priceBundle(agency([tenEuro, half]));
    // Margin: ferry 500 + tour 1275 = 1775. €10 first, then €57.50 asked, €7.75 left.
    expect(priced.appliedRules).toEqual([
      { ruleId: 'ten', amountMinor: 1000 },
      { ruleId: 'half', amountMinor: 775 },
    ]);
    expect(priced.totalMinor).toBe(2500 + 7225);
    expect(priced.partners).toEqual([
      { partnerId: 'agency', netMinor: 0, payableMinor: 0 },
      { partnerId: FERRY, netMinor: 2500, payableMinor: 2500 },
      { partnerId: GUIDES, netMinor: 7225, payableMinor: 7225 },
    ]);
    expect(priceBundle(agency([half, tenEuro])).appliedRules).toEqual([
      { ruleId: 'half', amountMinor: 1775 },
      { ruleId: 'ten', amountMinor: 0 },
    ]);
  });

  it('caps a seller-funded coupon at what is left, and a platform-funded one at the price', () => {
    const rule: DiscountRule = { id: 'r', type: 'fixed', amountMinor: 1500, conditions: {} };
    const seller = priceBundle({
      ...agency([rule]),
      coupon: { code: 'X', kind: 'fixed', bpsOrAmount: 9999, fundedBy: 'seller' },
    });
    expect(seller.couponDiscountMinor).toBe(275);
    expect(seller.totalMinor).toBe(9725);
    const platform = priceBundle({
      ...agency([rule]),
      coupon: { code: 'FREE', kind: 'percentage', bpsOrAmount: 10000, fundedBy: 'platform' },
    });
    expect(platform.totalMinor).toBe(0);
    expect(platform.partners.map((p) => p.payableMinor)).toEqual([275, 2500, 7225]);
    expect(platform.platformFundedMinor).toBe(10000);
  });
});

describe('rule conditions', () => {
  const price = (conditions: DiscountRule['conditions'], context: Partial<PricingInput['context']> = {}) =>
    priceBundle(
      garda({
        rules: [{ id: 'r', type: 'fixed', amountMinor: 100, conditions }],
        context: { ...garda().context, ...context },
      }),
    ).appliedRules.length === 1;

  it('checks the travel date window inclusively', () => {
    expect(price({ travelFrom: '2027-06-12', travelTo: '2027-06-12' })).toBe(true);
    expect(price({ travelFrom: '2027-06-13' })).toBe(false);
    expect(price({ travelTo: '2027-06-11' })).toBe(false);
  });

  it('counts early booking in whole calendar days, N days before included', () => {
    expect(price({ minDaysBefore: 30 }, { travelDate: '2027-06-12', bookingDate: '2027-05-13' })).toBe(true);
    expect(price({ minDaysBefore: 30 }, { travelDate: '2027-06-12', bookingDate: '2027-05-14' })).toBe(false);
    // Across the DST change (28 March 2027) a day is still a day.
    expect(price({ minDaysBefore: 7 }, { travelDate: '2027-04-01', bookingDate: '2027-03-25' })).toBe(true);
  });

  it('counts seniors as adults and infants as children', () => {
    const grandparents = { adult: 0, child: 0, infant: 1, senior: 2 };
    expect(price({ minAdults: 2, minChildren: 1 }, { party: grandparents })).toBe(true);
    expect(price({ minAdults: 3 }, { party: grandparents })).toBe(false);
  });

  it('counts distinct items, not lines', () => {
    const twoNights = { ...hotel, position: 9 };
    expect(price({ minDistinctItems: 4 })).toBe(true);
    expect(priceBundle(garda({ lines: [hotel, twoNights, ferry], rules: [threeItems10] })).appliedRules).toEqual([]);
  });
});

describe('refused input', () => {
  const code = (input: PricingInput) => {
    try {
      priceBundle(input);
    } catch (error) {
      expect(error).toBeInstanceOf(PricingError);
      expect((error as PricingError).status).toBe(422);
      return (error as PricingError).code;
    }
    return 'priced';
  };

  it('names each problem with a stable code', () => {
    expect(code(garda({ lines: [] }))).toBe('pricing_lines_required');
    expect(code(garda({ currency: 'XYZ' }))).toBe('unknown_currency');
    expect(code(garda({ lines: [hotel, { ...ferry, currency: 'CHF' }] }))).toBe('currency_mismatch');
    expect(
      code(garda({ coupon: { code: 'C', kind: 'fixed', bpsOrAmount: 5, fundedBy: 'seller', currency: 'USD' } })),
    ).toBe('currency_mismatch');
    const negative = { ...hotel, units: [{ code: 'room' as const, quantity: 2, unitPriceMinor: -1 }] };
    expect(code(garda({ lines: [negative] }))).toBe('negative_amount');
    const fractional = { ...hotel, units: [{ code: 'room' as const, quantity: 1.5, unitPriceMinor: 100 }] };
    expect(code(garda({ lines: [fractional] }))).toBe('invalid_amount');
    expect(code(garda({ rules: [{ id: 'r', type: 'percentage', bps: 10001, conditions: {} }] }))).toBe('invalid_bps');
    expect(code(garda({ rules: [{ id: 'r', type: 'fixed', amountMinor: -5, conditions: {} }] }))).toBe(
      'negative_amount',
    );
    expect(code(garda({ lines: [hotel, { ...ferry, position: 0 }] }))).toBe('duplicate_line_position');
    expect(code(garda({ lines: [{ ...ferry, supplier: { kind: 'own' } }] }))).toBe('invalid_supplier_terms');
    expect(code(garda({ lines: [{ ...hotel, supplier: { kind: 'commission', commissionBps: 10 } }] }))).toBe(
      'invalid_supplier_terms',
    );
    expect(code(garda({ lines: [{ ...ferry, supplier: { kind: 'net_rate', netRateMinor: 3001 } }] }))).toBe(
      'net_rate_above_price',
    );
    expect(code(garda({ context: { ...garda().context, travelDate: '12/06/2027' } }))).toBe('invalid_date');
    const huge = { ...hotel, units: [{ code: 'room' as const, quantity: 2 ** 40, unitPriceMinor: 2 ** 20 }] };
    expect(code(garda({ lines: [huge] }))).toBe('amount_too_large');
  });

  it('does not change its input', () => {
    const input = garda({ rules: [threeItems10, family20] });
    const copy = structuredClone(input);
    priceBundle(input);
    expect(input).toEqual(copy);
  });
});

describe('promotions port', () => {
  it('answers coupon_not_found for every code until promotions exists', async () => {
    const context = {
      currency: 'EUR',
      sellerPartnerId: HOTEL,
      packageId: 'p',
      travelDate: '2027-06-12',
      bookingDate: '2027-05-01',
    };
    await expect(noPromotions.resolveCoupon('SUMMER10', context)).resolves.toEqual({ error: 'coupon_not_found' });
  });
});
