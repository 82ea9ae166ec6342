import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SplitError, splitPayment, type SplitInput, type SplitLine } from '../../src/domain/split.ts';

const SELLER = 'p-seller';
const HOTEL = 'p-hotel';
const BUS = 'p-bus';

const own = (position: number, netMinor: number): SplitLine => ({
  position,
  itemId: `item-${position}`,
  itemType: 'tour',
  partnerId: SELLER,
  netMinor,
  supplierShareMinor: netMinor,
});
const bundled = (position: number, partnerId: string, netMinor: number, supplierShareMinor: number): SplitLine => ({
  position,
  itemId: `item-${position}`,
  itemType: 'service',
  partnerId,
  netMinor,
  supplierShareMinor,
});

const bpsOf: Record<string, number> = { [SELLER]: 1500, [HOTEL]: 1000, [BUS]: 2000 };
const input = (lines: SplitLine[], extra: Partial<SplitInput> = {}): SplitInput => ({
  currency: 'EUR',
  sellerPartnerId: SELLER,
  totalMinor: lines.reduce((sum, l) => sum + l.netMinor, 0),
  lines,
  feeBps: (id) => bpsOf[id] ?? 1500,
  ...extra,
});

const sharesPlusFee = (r: ReturnType<typeof splitPayment>) =>
  r.partners.reduce((sum, p) => sum + p.shareMinor, 0) + r.platformFeeMinor;

describe('splitPayment — examples', () => {
  it("pays a bundled hotel its net rate in full and takes the seller's 15 % on the whole sale from the seller", () => {
    const result = splitPayment(input([own(1, 10_000), bundled(2, HOTEL, 20_000, 16_000)]));

    // Sale 30,000 at the seller's 15 % = 4,500, over the seller's rows 10,000 : 4,000 → 3,214 : 1,286.
    expect(result.rows).toEqual([
      expect.objectContaining({
        position: 1,
        partnerId: SELLER,
        role: 'seller',
        earningMinor: 10_000,
        feeBps: 1500,
        feeMinor: 3214,
        shareMinor: 6786,
      }),
      expect.objectContaining({
        position: 2,
        partnerId: HOTEL,
        role: 'supplier',
        earningMinor: 16_000,
        feeBps: 0,
        feeMinor: 0,
        shareMinor: 16_000,
      }),
      expect.objectContaining({
        position: 2,
        partnerId: SELLER,
        role: 'seller',
        earningMinor: 4000,
        feeMinor: 1286,
        shareMinor: 2714,
      }),
    ]);
    expect(result.partners).toEqual([
      { partnerId: HOTEL, earningMinor: 16_000, feeBps: 0, feeMinor: 0, shareMinor: 16_000 },
      { partnerId: SELLER, earningMinor: 14_000, feeBps: 1500, feeMinor: 4500, shareMinor: 9500 },
    ]);
    expect(result).toMatchObject({ feeBps: 1500, feeDueMinor: 4500, feeWaivedMinor: 0 });
    expect(result.platformFeeMinor).toBe(4500);
    expect(result.platformRevenueMinor).toBe(4500);
    expect(sharesPlusFee(result)).toBe(30_000);
  });

  it("uses the seller's rate only: a supplier's own fee rule does not change the split", () => {
    const lines = [own(1, 10_000), bundled(2, HOTEL, 20_000, 16_000)];
    const a = splitPayment(input(lines, { feeBps: (id) => (id === SELLER ? 1500 : 1000) }));
    const b = splitPayment(input(lines, { feeBps: (id) => (id === SELLER ? 1500 : 2000) }));
    expect(b).toEqual(a);
  });

  it("caps the fee at the seller's margin, never touching the supplier's net rate, and reports what it waived", () => {
    // 10,000 sale, net rate 9,000: 15 % would be 1,500 but the seller earns only 1,000.
    const result = splitPayment(input([bundled(1, HOTEL, 10_000, 9000)]));
    expect(result.partners).toEqual([
      { partnerId: HOTEL, earningMinor: 9000, feeBps: 0, feeMinor: 0, shareMinor: 9000 },
      { partnerId: SELLER, earningMinor: 1000, feeBps: 1500, feeMinor: 1000, shareMinor: 0 },
    ]);
    expect(result).toMatchObject({ feeDueMinor: 1500, feeWaivedMinor: 500, platformFeeMinor: 1000 });
  });

  it("rounds the seller's fee once, half up, over all its lines (not once per line)", () => {
    // 3 lines of 10 at 15 %: per line 1.5 → 2 each would be 6; on the 30 earned: 4.5 → 5 (half up),
    // then 5 is spread over the lines by largest remainder.
    const result = splitPayment(input([own(1, 10), own(2, 10), own(3, 10)]));
    expect(result.platformFeeMinor).toBe(5);
    expect(result.rows.map((r) => r.feeMinor)).toEqual([2, 2, 1]);
    expect(result.partners).toEqual([
      { partnerId: SELLER, earningMinor: 30, feeBps: 1500, feeMinor: 5, shareMinor: 25 },
    ]);
  });

  it('sums the unit-type items bundling sends under one position into one line', () => {
    const adults = bundled(1, HOTEL, 6000, 5000);
    const children = { ...bundled(1, HOTEL, 3000, 2500) };
    const result = splitPayment(input([adults, children]));
    expect(result.rows.map((r) => [r.partnerId, r.role, r.earningMinor])).toEqual([
      [HOTEL, 'supplier', 7500],
      [SELLER, 'seller', 1500],
    ]);
  });

  it('lists a supplier whose net rate is the whole price with a zero seller margin row', () => {
    const result = splitPayment(input([bundled(1, BUS, 5000, 5000)]));
    expect(result.partners).toEqual([
      { partnerId: BUS, earningMinor: 5000, feeBps: 0, feeMinor: 0, shareMinor: 5000 },
      { partnerId: SELLER, earningMinor: 0, feeBps: 1500, feeMinor: 0, shareMinor: 0 },
    ]);
    expect(result).toMatchObject({ feeDueMinor: 750, feeWaivedMinor: 750, platformFeeMinor: 0 });
  });

  it('splits a free booking into zeros', () => {
    const result = splitPayment(input([own(1, 0), bundled(2, HOTEL, 0, 0)]));
    expect(result.platformFeeMinor).toBe(0);
    expect(result.partners.every((p) => p.shareMinor === 0)).toBe(true);
  });
});

describe('splitPayment — promotions', () => {
  it('only reports a partner-funded coupon: the discount is already in the lines', () => {
    const plain = splitPayment(input([own(1, 9000)]));
    const withCoupon = splitPayment(
      input([own(1, 9000)], { couponFunding: { fundedBy: 'partner', amountMinor: 1000 } }),
    );
    expect(withCoupon.partners).toEqual(plain.partners);
    expect(withCoupon.platformFeeMinor).toBe(plain.platformFeeMinor);
    expect(withCoupon.coupon).toEqual({ fundedBy: 'partner', partnerId: null, amountMinor: 1000 });
  });

  it('pays a platform-funded coupon to the seller out of the platform fee, leaving the seller as without the coupon', () => {
    // Tour priced 10 000, coupon 1 000 paid by the platform: traveller pays 9 000.
    const result = splitPayment(
      input([{ ...own(1, 9000), supplierShareMinor: 10_000, platformFundedMinor: 1000 }], {
        couponFunding: { fundedBy: 'platform', amountMinor: 1000 },
      }),
    );
    const undiscounted = splitPayment(input([own(1, 10_000)]));
    expect(result.partners).toEqual(undiscounted.partners);
    expect(result.rows[0]).toMatchObject({ earningMinor: 10_000, couponReimbursementMinor: 1000, shareMinor: 8500 });
    expect(result.platformFeeMinor).toBe(1500 - 1000);
    expect(sharesPlusFee(result)).toBe(9000);
  });

  it("never touches a supplier's share: the platform's coupon part on a bundled line goes to the seller's margin", () => {
    const result = splitPayment(
      input([{ ...bundled(1, HOTEL, 7300, 6000), platformFundedMinor: 300 }], {
        couponFunding: { fundedBy: 'platform', amountMinor: 300 },
      }),
    );
    expect(result.rows.map((r) => [r.partnerId, r.earningMinor, r.couponReimbursementMinor, r.shareMinor])).toEqual([
      [HOTEL, 6000, 0, 6000],
      // 15 % of the undiscounted 7,600 = 1,140 from the seller's 1,600.
      [SELLER, 1600, 300, 460],
    ]);
    expect(result.platformFeeMinor).toBe(1140 - 300);
    expect(sharesPlusFee(result)).toBe(7300);
  });

  it("spreads a platform coupon without per-line parts over the coupon partner's lines by net", () => {
    const result = splitPayment(
      input([own(1, 3000), own(2, 1000), bundled(3, HOTEL, 6000, 5000)], {
        couponFunding: { fundedBy: 'platform', partnerId: SELLER, amountMinor: 400 },
      }),
    );
    expect(result.rows.map((r) => r.couponReimbursementMinor)).toEqual([300, 100, 0, 0]);
    expect(sharesPlusFee(result)).toBe(10_000);
  });

  it('refuses a platform coupon larger than the platform fee it would be paid from', () => {
    const run = () =>
      splitPayment(
        input([{ ...own(1, 1000), platformFundedMinor: 500 }], {
          couponFunding: { fundedBy: 'platform', amountMinor: 500 },
        }),
      );
    expect(run).toThrow(expect.objectContaining({ code: 'coupon_exceeds_platform_fee' }));
  });

  it('pays an affiliate commission from the platform fee, partners unchanged', () => {
    const plain = splitPayment(input([own(1, 10_000)]));
    const result = splitPayment(input([own(1, 10_000)], { affiliateCommissionMinor: 500 }));
    expect(result.partners).toEqual(plain.partners);
    expect(result).toMatchObject({ platformFeeMinor: 1500, affiliateCommissionMinor: 500, platformRevenueMinor: 1000 });
  });

  it('refuses an affiliate commission above the platform fee with a typed error', () => {
    const run = () => splitPayment(input([own(1, 10_000)], { affiliateCommissionMinor: 1501 }));
    expect(run).toThrow(SplitError);
    expect(run).toThrow(expect.objectContaining({ code: 'affiliate_exceeds_platform_fee' }));
  });
});

describe('splitPayment — input it refuses', () => {
  const cases: [string, SplitInput, string][] = [
    ['lines not summing to the total', { ...input([own(1, 1000)]), totalMinor: 999 }, 'total_mismatch'],
    ['a supplier share above its net', input([bundled(1, HOTEL, 1000, 1001)]), 'supplier_share_exceeds_net'],
    ['a negative net', input([own(1, -5)]), 'invalid_amount'],
    ['a fractional amount', input([own(1, 10.5)]), 'invalid_amount'],
    ['no lines', input([]), 'no_lines'],
    ['two items at one position', input([own(1, 10), bundled(1, HOTEL, 10, 5)]), 'inconsistent_position'],
    ['a fee above 100 %', input([own(1, 10)], { feeBps: () => 10_001 }), 'invalid_fee_bps'],
    [
      'a coupon partner with no line',
      input([own(1, 10)], { couponFunding: { fundedBy: 'platform', partnerId: BUS, amountMinor: 1 } }),
      'coupon_partner_not_in_booking',
    ],
    [
      'line coupon parts not adding up to the coupon',
      input([{ ...own(1, 1000), platformFundedMinor: 10 }], {
        couponFunding: { fundedBy: 'platform', amountMinor: 20 },
      }),
      'coupon_mismatch',
    ],
  ];
  it.each(cases)('refuses %s', (_name, bad, code) => {
    expect(() => splitPayment(bad)).toThrow(expect.objectContaining({ name: 'SplitError', code }));
  });
});

// ─── Properties ──────────────────────────────────────────────────────────────────────────

const partnerIds = [SELLER, HOTEL, BUS, 'p-guide'];
const arbLine = fc
  .record({
    partnerId: fc.constantFrom(...partnerIds),
    netMinor: fc.nat({ max: 5_000_000 }),
    permille: fc.integer({ min: 0, max: 1000 }),
    itemType: fc.constantFrom('tour', 'service', 'transport', 'extra'),
  })
  .map(({ partnerId, netMinor, permille, itemType }) => ({
    partnerId,
    netMinor,
    itemType,
    supplierShareMinor: partnerId === SELLER ? netMinor : Math.floor((netMinor * permille) / 1000),
  }));
const arbLines = fc
  .array(arbLine, { minLength: 1, maxLength: 8 })
  .map((lines) => lines.map((l, i): SplitLine => ({ ...l, position: i + 1, itemId: `i${i + 1}` })));
const arbBps = fc.record(Object.fromEntries(partnerIds.map((id) => [id, fc.integer({ min: 0, max: 10_000 })])));

describe('splitPayment — properties', () => {
  it('Σ shares + platform fee = total exactly, and no part is negative, for any lines and fees', () => {
    fc.assert(
      fc.property(arbLines, arbBps, (lines, bps) => {
        const result = splitPayment(input(lines, { feeBps: (id) => bps[id]! }));
        const total = lines.reduce((sum, l) => sum + l.netMinor, 0);
        expect(sharesPlusFee(result)).toBe(total);
        for (const row of result.rows) {
          expect(row.feeMinor).toBeGreaterThanOrEqual(0);
          expect(row.shareMinor).toBeGreaterThanOrEqual(0);
          expect(row.feeMinor + row.shareMinor).toBe(row.earningMinor);
        }
      }),
    );
  });

  it('suppliers are paid their net rates in full; the seller pays its bps of the sale, capped by its earnings', () => {
    fc.assert(
      fc.property(arbLines, arbBps, (lines, bps) => {
        const result = splitPayment(input(lines, { feeBps: (id) => bps[id]! }));
        const sale = lines.reduce((sum, l) => sum + l.netMinor, 0);
        const due = Math.floor((sale * bps[SELLER]!) / 10_000 + 0.5);
        for (const row of result.rows.filter((r) => r.role === 'supplier')) {
          expect(row.shareMinor).toBe(row.earningMinor);
        }
        for (const line of lines.filter((l) => l.partnerId !== SELLER)) {
          const supplied = result.rows.find((r) => r.role === 'supplier' && r.position === line.position)!;
          expect(supplied.shareMinor).toBe(
            lines.filter((l) => l.position === line.position).reduce((sum, l) => sum + l.supplierShareMinor, 0),
          );
        }
        const seller = result.partners.find((p) => p.partnerId === SELLER)!;
        expect(result.feeDueMinor).toBe(due);
        expect(seller.feeMinor).toBe(Math.min(due, seller.earningMinor));
        expect(result.feeWaivedMinor).toBe(due - seller.feeMinor);
      }),
    );
  });

  it('the order of the lines does not change any total', () => {
    fc.assert(
      fc.property(
        arbLines.chain((lines) =>
          fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length })),
        ),
        arbBps,
        ([lines, shuffled], bps) => {
          const a = splitPayment(input(lines, { feeBps: (id) => bps[id]! }));
          const b = splitPayment(input(shuffled, { feeBps: (id) => bps[id]! }));
          expect(b.partners).toEqual(a.partners);
          expect(b.platformFeeMinor).toBe(a.platformFeeMinor);
          expect(b.rows).toEqual(a.rows);
        },
      ),
    );
  });

  it('a platform-funded coupon keeps Σ shares + platform fee = total and never lowers a share', () => {
    fc.assert(
      fc.property(arbLines, fc.nat({ max: 100_000 }), (lines, amount) => {
        const plain = splitPayment(input(lines));
        const withCoupon = () =>
          splitPayment(input(lines, { couponFunding: { fundedBy: 'platform', amountMinor: amount } }));
        let result;
        try {
          result = withCoupon();
        } catch (error) {
          expect(error).toMatchObject({ code: 'coupon_exceeds_platform_fee' });
          return;
        }
        expect(sharesPlusFee(result)).toBe(plain.rows.reduce((sum, r) => sum + r.earningMinor, 0));
        expect(result.platformFeeMinor).toBeGreaterThanOrEqual(0);
        for (const p of result.partners) {
          const before = plain.partners.find((q) => q.partnerId === p.partnerId)!;
          expect(p.shareMinor).toBeGreaterThanOrEqual(before.shareMinor);
        }
      }),
    );
  });

  it('with per-line coupon parts as bundling prices them, every partner ends exactly as without the coupon', () => {
    fc.assert(
      fc.property(
        arbLines,
        fc.array(fc.nat({ max: 50_000 }), { minLength: 8, maxLength: 8 }),
        arbBps,
        (lines, parts, bps) => {
          // The undiscounted booking: each line's price is what the traveller now pays plus the
          // platform's coupon part; a supplier's share stays, an own line's share is its price.
          const undiscounted = lines.map((l, i) => ({
            ...l,
            netMinor: l.netMinor + parts[i]!,
            supplierShareMinor: l.partnerId === SELLER ? l.netMinor + parts[i]! : l.supplierShareMinor,
          }));
          const discounted = lines.map((l, i) => ({
            ...l,
            supplierShareMinor: l.partnerId === SELLER ? l.netMinor + parts[i]! : l.supplierShareMinor,
            platformFundedMinor: parts[i]!,
          }));
          const amount = lines.reduce((sum, _l, i) => sum + parts[i]!, 0);
          const feeBps = (id: string) => bps[id]!;
          const before = splitPayment(input(undiscounted, { feeBps }));
          let after;
          try {
            after = splitPayment(
              input(discounted, { feeBps, couponFunding: { fundedBy: 'platform', amountMinor: amount } }),
            );
          } catch (error) {
            expect(error).toMatchObject({ code: 'coupon_exceeds_platform_fee' });
            expect(amount).toBeGreaterThan(before.platformFeeMinor);
            return;
          }
          expect(after.partners).toEqual(before.partners);
          expect(after.platformFeeMinor).toBe(before.platformFeeMinor - amount);
          expect(sharesPlusFee(after)).toBe(lines.reduce((sum, l) => sum + l.netMinor, 0));
        },
      ),
    );
  });
});
