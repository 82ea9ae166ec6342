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
  // The Garda family weekend's lines as priced: the hotel sells the package (its own room), the
  // ferry, the guided tour and the bikes are bundled from their partners with these shares.
  const garda = [
    { position: 0, partnerId: 'hotel-lago', netMinor: 21_994, supplierShareMinor: 21_994 },
    { position: 1, partnerId: 'navigazione-garda', netMinor: 2_926, supplierShareMinor: 2_400 },
    { position: 2, partnerId: 'garda-guides', netMinor: 8_312, supplierShareMinor: 7_200 },
    { position: 3, partnerId: 'riva-bikes', netMinor: 4_658, supplierShareMinor: 4_000 },
  ];
  const seller = 'hotel-lago';

  it('gives half of €378.90 back per line by what it cost, and per partner by what each is owed', () => {
    // Lines: exact halves of what was paid. Partners: each supplier half its share, the hotel
    // half of its room plus half of its margin on the three bundled lines (263 + 556 + 329).
    const split = splitRefund(garda, seller, 18_945);
    expect(split.lines.map((l) => l.refundMinor)).toEqual([10_997, 1_463, 4_156, 2_329]);
    expect(split.partners).toEqual([
      { partnerId: 'hotel-lago', refundMinor: 12_145 },
      { partnerId: 'navigazione-garda', refundMinor: 1_200 },
      { partnerId: 'garda-guides', refundMinor: 3_600 },
      { partnerId: 'riva-bikes', refundMinor: 2_000 },
    ]);
  });

  it('on a full refund every partner gives back exactly what it was owed', () => {
    const split = splitRefund(garda, seller, 37_890);
    expect(split.partners).toEqual([
      { partnerId: 'hotel-lago', refundMinor: 21_994 + 526 + 1_112 + 658 },
      { partnerId: 'navigazione-garda', refundMinor: 2_400 },
      { partnerId: 'garda-guides', refundMinor: 7_200 },
      { partnerId: 'riva-bikes', refundMinor: 4_000 },
    ]);
  });

  it('gives the odd cents to the largest remainders, per line and within a bundled line', () => {
    const split = splitRefund(
      [
        { position: 0, partnerId: 'a', netMinor: 100, supplierShareMinor: 100 },
        { position: 1, partnerId: 'b', netMinor: 100, supplierShareMinor: 70 },
        { position: 2, partnerId: 'a', netMinor: 100, supplierShareMinor: 100 },
      ],
      'a',
      100,
    );
    expect(split.lines.map((l) => l.refundMinor)).toEqual([34, 33, 33]);
    // b's line: 33 × 70/100 = 23.1 and 33 × 30/100 = 9.9 → 23 to b, 10 to the seller.
    expect(split.partners).toEqual([
      { partnerId: 'a', refundMinor: 34 + 10 + 33 },
      { partnerId: 'b', refundMinor: 23 },
    ]);
  });

  it("lists the seller first even when it sells only other partners' items", () => {
    const split = splitRefund([{ position: 0, partnerId: 'b', netMinor: 1_000, supplierShareMinor: 800 }], 'a', 500);
    expect(split.partners).toEqual([
      { partnerId: 'a', refundMinor: 100 },
      { partnerId: 'b', refundMinor: 400 },
    ]);
  });

  it('gives a bundled line paid below its supplier share (a platform-funded coupon) all to the supplier', () => {
    const split = splitRefund([{ position: 0, partnerId: 'b', netMinor: 900, supplierShareMinor: 1_000 }], 'a', 900);
    expect(split.partners).toEqual([
      { partnerId: 'a', refundMinor: 0 },
      { partnerId: 'b', refundMinor: 900 },
    ]);
  });

  it('refuses to refund more than was paid', () => {
    expect(() => splitRefund(garda, seller, 37_891)).toThrow(expect.objectContaining({ code: 'refund_exceeds_paid' }));
  });

  const bookingLines = fc
    .array(
      fc.record({
        partnerId: fc.constantFrom('seller', 'b', 'c'),
        netMinor: fc.nat({ max: 1_000_000 }),
        shareBps: fc.integer({ min: 0, max: 10_000 }),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((raw) =>
      raw.map((l, position) => ({
        position,
        partnerId: l.partnerId,
        netMinor: l.netMinor,
        // The engine's own lines are owed their net; a bundled line's share is at most its net here.
        supplierShareMinor: l.partnerId === 'seller' ? l.netMinor : refundAmount(l.netMinor, l.shareBps),
      })),
    );

  it('sums exactly per line and per partner, and no part exceeds its line or what its partner is owed', () => {
    fc.assert(
      fc.property(bookingLines, fc.integer({ min: 0, max: 10_000 }), (lines, bps) => {
        const paid = lines.reduce((s, l) => s + l.netMinor, 0);
        const refund = refundAmount(paid, bps);
        const split = splitRefund(lines, 'seller', refund);
        expect(split.lines.reduce((s, l) => s + l.refundMinor, 0)).toBe(refund);
        expect(split.partners.reduce((s, p) => s + p.refundMinor, 0)).toBe(refund);
        expect(split.partners[0]!.partnerId).toBe('seller');
        split.lines.forEach((l, i) => {
          expect(l.refundMinor).toBeGreaterThanOrEqual(0);
          expect(l.refundMinor).toBeLessThanOrEqual(lines[i]!.netMinor);
        });
        for (const part of split.partners) {
          expect(part.refundMinor).toBeGreaterThanOrEqual(0);
          if (part.partnerId !== 'seller') expect(part.refundMinor).toBeLessThanOrEqual(owedTo(lines, part.partnerId));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives each supplier back its owed share of the refund, within two cents per line', () => {
    fc.assert(
      fc.property(bookingLines, fc.integer({ min: 0, max: 10_000 }), (lines, bps) => {
        const paid = lines.reduce((s, l) => s + l.netMinor, 0);
        const refund = refundAmount(paid, bps);
        const split = splitRefund(lines, 'seller', refund);
        for (const supplier of ['b', 'c']) {
          const count = lines.filter((l) => l.partnerId === supplier).length;
          const got = split.partners.find((p) => p.partnerId === supplier)?.refundMinor ?? 0;
          const exact = paid === 0 ? 0 : (refund * owedTo(lines, supplier)) / paid;
          expect(Math.abs(got - exact)).toBeLessThan(2 * count + 1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on a full refund returns to each supplier exactly its shares and to the seller the rest', () => {
    fc.assert(
      fc.property(bookingLines, (lines) => {
        const paid = lines.reduce((s, l) => s + l.netMinor, 0);
        const split = splitRefund(lines, 'seller', paid);
        for (const supplier of ['b', 'c']) {
          const got = split.partners.find((p) => p.partnerId === supplier)?.refundMinor ?? 0;
          expect(got).toBe(owedTo(lines, supplier));
        }
      }),
      { numRuns: 200 },
    );
  });
});

function owedTo(lines: readonly { partnerId: string; supplierShareMinor: number }[], partnerId: string): number {
  return lines.filter((l) => l.partnerId === partnerId).reduce((s, l) => s + l.supplierShareMinor, 0);
}
