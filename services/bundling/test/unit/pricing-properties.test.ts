import type { DiscountRule, Party } from '@tourconnect/contracts/http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceBundle, type PricedBundle, type PricingInput, type PricingLine } from '../../src/domain/pricing/index.ts';

const SELLER = 'seller';
const partnerIds = [SELLER, 'supplier-a', 'supplier-b', 'supplier-c'];
const unitCodes = ['adult', 'child', 'room'] as const;

const units = fc.array(
  fc.record({
    code: fc.constantFrom(...unitCodes),
    quantity: fc.nat({ max: 12 }),
    unitPriceMinor: fc.nat({ max: 200_000 }),
  }),
  { minLength: 1, maxLength: 3 },
);

/** A line of the seller (own) or of a supplier (net rate at most the line's price, or a commission). */
const line = fc
  .record({
    itemId: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6'),
    itemKind: fc.constantFrom('tour', 'service', 'transport', 'extra') as fc.Arbitrary<PricingLine['itemKind']>,
    partnerId: fc.constantFrom(...partnerIds),
    units,
    terms: fc.oneof(
      fc.record({ kind: fc.constant('net_rate' as const), permille: fc.integer({ min: 0, max: 1000 }) }),
      fc.record({ kind: fc.constant('commission' as const), bps: fc.integer({ min: 0, max: 10_000 }) }),
    ),
  })
  .map(({ terms, ...l }): Omit<PricingLine, 'position'> => {
    if (l.partnerId === SELLER) return { ...l, supplier: { kind: 'own' } };
    const gross = l.units.reduce((sum, u) => sum + u.quantity * u.unitPriceMinor, 0);
    return {
      ...l,
      supplier:
        terms.kind === 'net_rate'
          ? { kind: 'net_rate', netRateMinor: Math.floor((gross * terms.permille) / 1000) }
          : { kind: 'commission', commissionBps: terms.bps },
    };
  });

const date = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10));

const conditions = fc.record(
  {
    minDistinctItems: fc.integer({ min: 1, max: 6 }),
    travelFrom: date,
    travelTo: date,
    minDaysBefore: fc.integer({ min: 1, max: 200 }),
    minAdults: fc.integer({ min: 1, max: 4 }),
    minChildren: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: [] },
);

const rule: fc.Arbitrary<DiscountRule> = fc.oneof(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    type: fc.constant('percentage' as const),
    bps: fc.integer({ min: 0, max: 10_000 }),
    conditions,
  }),
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    type: fc.constant('fixed' as const),
    amountMinor: fc.nat({ max: 500_000 }),
    conditions,
  }),
);

const party: fc.Arbitrary<Party> = fc.record({
  adult: fc.integer({ min: 0, max: 6 }),
  child: fc.nat({ max: 4 }),
  infant: fc.nat({ max: 2 }),
  senior: fc.nat({ max: 3 }),
});

const coupon = fc.option(
  fc.oneof(
    fc.record({
      code: fc.constant('P'),
      kind: fc.constant('percentage' as const),
      bpsOrAmount: fc.integer({ min: 0, max: 10_000 }),
      fundedBy: fc.constantFrom('seller' as const, 'platform' as const),
    }),
    fc.record({
      code: fc.constant('F'),
      kind: fc.constant('fixed' as const),
      bpsOrAmount: fc.nat({ max: 1_000_000 }),
      fundedBy: fc.constantFrom('seller' as const, 'platform' as const),
    }),
  ),
  { nil: undefined },
);

const input: fc.Arbitrary<PricingInput> = fc
  .record({
    lines: fc.array(line, { minLength: 1, maxLength: 6 }),
    rules: fc.array(rule, { maxLength: 5 }),
    travelDate: date,
    bookingDate: date,
    party,
    coupon,
  })
  .map(({ lines, rules, travelDate, bookingDate, party: p, coupon: c }) => ({
    currency: 'EUR',
    sellerPartnerId: SELLER,
    lines: lines.map((l, position) => ({ ...l, position })),
    rules,
    context: { travelDate, bookingDate, party: p },
    ...(c ? { coupon: c } : {}),
  }));

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const nonSellerShares = (p: PricedBundle) =>
  sum(p.lines.filter((l) => l.partnerId !== SELLER).map((l) => l.supplierShareMinor));

describe('priceBundle properties', () => {
  it('sums exactly: lines to the totals, partners to the total plus what the platform funds', () => {
    fc.assert(
      fc.property(input, (i) => {
        const p = priceBundle(i);
        expect(sum(p.lines.map((l) => l.grossMinor))).toBe(p.subtotalMinor);
        expect(sum(p.lines.map((l) => l.bundleDiscountMinor))).toBe(p.bundleDiscountMinor);
        expect(sum(p.appliedRules.map((r) => r.amountMinor))).toBe(p.bundleDiscountMinor);
        expect(sum(p.lines.map((l) => l.couponDiscountMinor))).toBe(p.couponDiscountMinor);
        expect(sum(p.lines.map((l) => l.netMinor))).toBe(p.totalMinor);
        expect(p.totalMinor).toBe(p.subtotalMinor - p.bundleDiscountMinor - p.couponDiscountMinor);
        expect(sum(p.partners.map((x) => x.netMinor))).toBe(p.totalMinor);
        expect(sum(p.partners.map((x) => x.payableMinor))).toBe(p.totalMinor + p.platformFundedMinor);
      }),
      { numRuns: 400 },
    );
  });

  it('never has a negative part, nor a line discounted beyond its price', () => {
    fc.assert(
      fc.property(input, (i) => {
        const p = priceBundle(i);
        const amounts = [
          p.subtotalMinor,
          p.bundleDiscountMinor,
          p.couponDiscountMinor,
          p.totalMinor,
          ...p.appliedRules.map((r) => r.amountMinor),
          ...p.lines.flatMap((l) => [l.bundleDiscountMinor, l.couponDiscountMinor, l.netMinor, l.supplierShareMinor]),
          ...p.partners.flatMap((x) => [x.netMinor, x.payableMinor]),
        ];
        for (const amount of amounts) expect(amount).toBeGreaterThanOrEqual(0);
        for (const l of p.lines) expect(l.netMinor).toBeLessThanOrEqual(l.grossMinor);
      }),
      { numRuns: 400 },
    );
  });

  it('owes every other partner exactly its supplier shares, which the total (plus platform funding) always covers', () => {
    fc.assert(
      fc.property(input, (i) => {
        const p = priceBundle(i);
        const undiscounted = priceBundle({ ...i, rules: [], coupon: undefined });
        for (const x of p.partners.filter((y) => y.partnerId !== SELLER)) {
          const own = p.lines.filter((l) => l.partnerId === x.partnerId);
          expect(x.payableMinor).toBe(sum(own.map((l) => l.supplierShareMinor)));
        }
        p.lines.forEach((l, n) => {
          if (l.partnerId !== SELLER) expect(l.supplierShareMinor).toBe(undiscounted.lines[n]!.supplierShareMinor);
        });
        expect(p.totalMinor + p.platformFundedMinor).toBeGreaterThanOrEqual(nonSellerShares(p));
        if (p.platformFundedMinor === 0) expect(p.totalMinor).toBeGreaterThanOrEqual(nonSellerShares(p));
      }),
      { numRuns: 300 },
    );
  });

  it('never raises the total when an applicable rule is added, wherever it goes in the list', () => {
    const applicable = fc.oneof(
      fc.record({
        id: fc.constant('extra'),
        type: fc.constant('percentage' as const),
        bps: fc.integer({ min: 0, max: 10_000 }),
        conditions: fc.constant({}),
      }),
      fc.record({
        id: fc.constant('extra'),
        type: fc.constant('fixed' as const),
        amountMinor: fc.nat({ max: 500_000 }),
        conditions: fc.constant({}),
      }),
    );
    fc.assert(
      fc.property(input, applicable, fc.nat(), (i, extra: DiscountRule, at) => {
        const index = at % (i.rules.length + 1);
        const more = [...i.rules.slice(0, index), extra, ...i.rules.slice(index)];
        const before = priceBundle(i);
        const after = priceBundle({ ...i, rules: more });
        expect(after.totalMinor).toBeLessThanOrEqual(before.totalMinor);
        expect(after.bundleDiscountMinor).toBeGreaterThanOrEqual(before.bundleDiscountMinor);
      }),
      { numRuns: 300 },
    );
  });

  it('serves rules in the listed order: appending one never changes what the earlier ones took', () => {
    fc.assert(
      fc.property(input, rule, (i, extra) => {
        const before = priceBundle(i);
        const after = priceBundle({ ...i, rules: [...i.rules, { ...extra, id: 'appended' }] });
        expect(after.appliedRules.slice(0, before.appliedRules.length)).toEqual(before.appliedRules);
        const order = i.rules.map((r) => r.id);
        let last = -1;
        before.appliedRules.forEach((r) => {
          const at = order.indexOf(r.ruleId, last + 1);
          expect(at).toBeGreaterThan(last);
          last = at;
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same output for the same input, and does not touch the input', () => {
    fc.assert(
      fc.property(input, (i) => {
        const copy = structuredClone(i);
        const first = priceBundle(i);
        expect(priceBundle(copy)).toEqual(first);
        expect(i).toEqual(copy);
      }),
      { numRuns: 200 },
    );
  });

  it('never lowers the subtotal for a larger party', () => {
    // Person units scale with the party (one ticket per traveller of the band), rooms do not.
    const package_ = fc.array(
      fc.record({ adult: fc.nat({ max: 20_000 }), child: fc.nat({ max: 20_000 }), room: fc.nat({ max: 50_000 }) }),
      { minLength: 1, maxLength: 4 },
    );
    const forParty = (prices: { adult: number; child: number; room: number }[], p: Party): PricingInput => ({
      currency: 'EUR',
      sellerPartnerId: SELLER,
      lines: prices.map((price, position) => ({
        position,
        itemId: `i${position}`,
        itemKind: 'tour',
        partnerId: SELLER,
        supplier: { kind: 'own' },
        units: [
          { code: 'adult', quantity: p.adult + p.senior, unitPriceMinor: price.adult },
          { code: 'child', quantity: p.child, unitPriceMinor: price.child },
          { code: 'room', quantity: 1, unitPriceMinor: price.room },
        ],
      })),
      rules: [],
      context: { travelDate: '2027-06-12', bookingDate: '2027-05-01', party: p },
    });
    fc.assert(
      fc.property(
        package_,
        party,
        fc.constantFrom('adult', 'child', 'senior') as fc.Arbitrary<'adult' | 'child' | 'senior'>,
        (prices, p, band) => {
          const larger = { ...p, [band]: p[band] + 1 };
          expect(priceBundle(forParty(prices, larger)).subtotalMinor).toBeGreaterThanOrEqual(
            priceBundle(forParty(prices, p)).subtotalMinor,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
