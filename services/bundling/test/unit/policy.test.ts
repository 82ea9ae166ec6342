import type { CancellationPolicy } from '@tourconnect/contracts/http';
import { policySchema } from '@tourconnect/contracts/http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundAmount, refundBpsAt, splitRefund } from '../../src/domain/policy.ts';
import { PricingError } from '../../src/domain/pricing/index.ts';

const HOUR = 3_600_000;
// 100 % until 7 days before, 50 % until 48 h before, nothing after.
const usual: CancellationPolicy = {
  tiers: [
    { hoursBefore: 168, refundPercent: 100 },
    { hoursBefore: 48, refundPercent: 50 },
    { hoursBefore: 0, refundPercent: 0 },
  ],
};
const startsAt = new Date('2027-06-12T07:00:00Z'); // 09:00 in Garda
const before = (ms: number) => new Date(startsAt.getTime() - ms);

describe('refundBpsAt', () => {
  it('gives each tier from its hour on, counted exactly', () => {
    expect(refundBpsAt(usual, startsAt, before(30 * 24 * HOUR))).toBe(10_000);
    expect(refundBpsAt(usual, startsAt, before(168 * HOUR))).toBe(10_000);
    expect(refundBpsAt(usual, startsAt, before(168 * HOUR - 60_000))).toBe(5_000);
    expect(refundBpsAt(usual, startsAt, before(48 * HOUR))).toBe(5_000);
    expect(refundBpsAt(usual, startsAt, before(48 * HOUR - 60_000))).toBe(0);
    expect(refundBpsAt(usual, startsAt, before(HOUR))).toBe(0);
  });

  it('refunds nothing later than every tier, nor at or after the start', () => {
    const generous: CancellationPolicy = {
      tiers: [
        { hoursBefore: 24, refundPercent: 80 },
        { hoursBefore: 0, refundPercent: 20 },
      ],
    };
    expect(refundBpsAt(generous, startsAt, before(HOUR))).toBe(2_000);
    expect(refundBpsAt(generous, startsAt, startsAt)).toBe(0);
    expect(refundBpsAt(generous, startsAt, new Date(startsAt.getTime() + HOUR))).toBe(0);
    expect(refundBpsAt({ tiers: [{ hoursBefore: 72, refundPercent: 100 }] }, startsAt, before(71 * HOUR))).toBe(0);
  });

  it('refuses an invalid date', () => {
    expect(() => refundBpsAt(usual, new Date('nope'), startsAt)).toThrow(PricingError);
  });

  it('never gives more back as time passes, for any valid policy', () => {
    const tiers = fc
      .uniqueArray(
        fc.record({
          hoursBefore: fc.integer({ min: 0, max: 24 * 365 }),
          refundPercent: fc.integer({ min: 0, max: 100 }),
        }),
        {
          selector: (t) => t.hoursBefore,
          minLength: 1,
          maxLength: 10,
        },
      )
      .map((list) => {
        // Sorted as the schema demands: hours descending, refunds not increasing.
        const hours = list.map((t) => t.hoursBefore).sort((a, b) => b - a);
        const percents = list.map((t) => t.refundPercent).sort((a, b) => b - a);
        return { tiers: hours.map((hoursBefore, i) => ({ hoursBefore, refundPercent: percents[i]! })) };
      });
    const offset = fc.integer({ min: -48 * HOUR, max: 400 * 24 * HOUR });
    fc.assert(
      fc.property(tiers, offset, offset, (policy, a, b) => {
        expect(policySchema.safeParse(policy).success).toBe(true);
        const [earlier, later] = a >= b ? [before(a), before(b)] : [before(b), before(a)];
        const first = refundBpsAt(policy, startsAt, earlier);
        const second = refundBpsAt(policy, startsAt, later);
        expect(second).toBeLessThanOrEqual(first);
        expect(first).toBeGreaterThanOrEqual(0);
        expect(first).toBeLessThanOrEqual(10_000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('refundAmount', () => {
  it('rounds down to the minor unit', () => {
    expect(refundAmount(37_890, 5_000)).toBe(18_945);
    expect(refundAmount(37_891, 5_000)).toBe(18_945);
    expect(refundAmount(37_890, 10_000)).toBe(37_890);
    expect(refundAmount(37_890, 0)).toBe(0);
  });

  it('refuses a negative total or a refund above 100 %', () => {
    expect(() => refundAmount(-1, 5_000)).toThrow(PricingError);
    expect(() => refundAmount(100, 10_001)).toThrow(PricingError);
  });
});

describe('splitRefund', () => {
  // The Garda family weekend's lines as priced (hotel is the seller).
  const garda = [
    { position: 0, partnerId: 'hotel-lago', netMinor: 21_994 },
    { position: 1, partnerId: 'navigazione-garda', netMinor: 2_926 },
    { position: 2, partnerId: 'garda-guides', netMinor: 8_312 },
    { position: 3, partnerId: 'riva-bikes', netMinor: 4_658 },
  ];

  it('splits half of €378.90 by what each line cost, to the cent', () => {
    // 18945 × 21994/37890 = 10997, × 2926/37890 = 1463, × 8312/37890 = 4156, × 4658/37890 = 2329: exact halves.
    const split = splitRefund(garda, 18_945);
    expect(split.lines.map((l) => l.refundMinor)).toEqual([10_997, 1_463, 4_156, 2_329]);
    expect(split.partners).toEqual([
      { partnerId: 'hotel-lago', refundMinor: 10_997 },
      { partnerId: 'navigazione-garda', refundMinor: 1_463 },
      { partnerId: 'garda-guides', refundMinor: 4_156 },
      { partnerId: 'riva-bikes', refundMinor: 2_329 },
    ]);
  });

  it('gives the odd cents to the largest remainders', () => {
    const split = splitRefund(
      [
        { position: 0, partnerId: 'a', netMinor: 100 },
        { position: 1, partnerId: 'b', netMinor: 100 },
        { position: 2, partnerId: 'a', netMinor: 100 },
      ],
      100,
    );
    expect(split.lines.map((l) => l.refundMinor)).toEqual([34, 33, 33]);
    expect(split.partners).toEqual([
      { partnerId: 'a', refundMinor: 67 },
      { partnerId: 'b', refundMinor: 33 },
    ]);
  });

  it('refuses to refund more than was paid', () => {
    expect(() => splitRefund(garda, 37_891)).toThrow(expect.objectContaining({ code: 'refund_exceeds_paid' }));
  });

  it('sums exactly per line and per partner, and no part exceeds its line', () => {
    const lines = fc.array(
      fc.record({ partnerId: fc.constantFrom('a', 'b', 'c'), netMinor: fc.nat({ max: 1_000_000 }) }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(lines, fc.integer({ min: 0, max: 10_000 }), (raw, bps) => {
        const withPositions = raw.map((l, position) => ({ ...l, position }));
        const paid = raw.reduce((s, l) => s + l.netMinor, 0);
        const refund = refundAmount(paid, bps);
        const split = splitRefund(withPositions, refund);
        expect(split.lines.reduce((s, l) => s + l.refundMinor, 0)).toBe(refund);
        expect(split.partners.reduce((s, p) => s + p.refundMinor, 0)).toBe(refund);
        split.lines.forEach((l, i) => {
          expect(l.refundMinor).toBeGreaterThanOrEqual(0);
          expect(l.refundMinor).toBeLessThanOrEqual(withPositions[i]!.netMinor);
        });
      }),
      { numRuns: 300 },
    );
  });
});
