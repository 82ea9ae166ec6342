import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, money, MoneyError, negate, percentage, splitFee, ROUNDING_MODES } from '../src/index.ts';

describe('percentage (basis points)', () => {
  it('takes 15 % of an amount', () => {
    expect(percentage(money(10_000, 'EUR'), 1500)).toEqual(money(1500, 'EUR'));
    expect(percentage(money(1999, 'EUR'), 1500)).toEqual(money(300, 'EUR')); // 299.85
  });

  it('rounds exact ties according to the mode (half-even by default)', () => {
    // 10 % of 25 = 2.5 ; 10 % of 35 = 3.5 ; 10 % of -25 = -2.5
    const tenPercent = (amount: number, rounding?: (typeof ROUNDING_MODES)[number]) =>
      percentage(money(amount, 'EUR'), 1000, rounding).amount;
    expect([tenPercent(25), tenPercent(35), tenPercent(-25)]).toEqual([2, 4, -2]);
    expect([tenPercent(25, 'half-up'), tenPercent(-25, 'half-up')]).toEqual([3, -3]);
    expect([tenPercent(25, 'half-down'), tenPercent(-25, 'half-down')]).toEqual([2, -2]);
    expect([tenPercent(21, 'up'), tenPercent(-21, 'up')]).toEqual([3, -3]);
    expect([tenPercent(29, 'down'), tenPercent(-29, 'down')]).toEqual([2, -2]);
    expect([tenPercent(21, 'ceiling'), tenPercent(-29, 'ceiling')]).toEqual([3, -2]);
    expect([tenPercent(29, 'floor'), tenPercent(-21, 'floor')]).toEqual([2, -3]);
  });

  it('works in the minor units of zero- and three-decimal currencies', () => {
    expect(percentage(money(1005, 'JPY'), 1000)).toEqual(money(100, 'JPY')); // 100.5 → 100
    expect(percentage(money(12_345, 'KWD'), 1250)).toEqual(money(1543, 'KWD')); // 1543.125
  });

  it('rejects fractional or negative basis points', () => {
    const code = (bp: number) => {
      try {
        percentage(money(100, 'EUR'), bp);
      } catch (error) {
        return (error as MoneyError).code;
      }
      return undefined;
    };
    expect(code(12.5)).toBe('not_integer');
    expect(code(-100)).toBe('negative_not_allowed');
  });
});

describe('splitFee', () => {
  it('fee + net is exactly the amount, for any amount, fee rate and rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(...ROUNDING_MODES),
        (amount, bp, rounding) => {
          const m = money(amount, 'EUR');
          const { fee, net } = splitFee(m, bp, rounding);
          expect(add(fee, net)).toEqual(m);
        },
      ),
    );
  });

  it('a refund splits as the mirror image of the charge (half-even is symmetric)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const charge = splitFee(money(amount, 'EUR'), bp);
        const refund = splitFee(money(-amount, 'EUR'), bp);
        expect(refund).toEqual({ fee: negate(charge.fee), net: negate(charge.net) });
      }),
    );
  });

  it('splits a 15 % platform fee', () => {
    // 12 990 × 15 % = 1948.5 → 1948 (half-even), 1949 (half-up)
    expect(splitFee(money(12_990, 'EUR'), 1500)).toEqual({
      fee: money(1948, 'EUR'),
      net: money(11_042, 'EUR'),
    });
    expect(splitFee(money(12_990, 'EUR'), 1500, 'half-up').fee).toEqual(money(1949, 'EUR'));
  });

  it('refuses a fee above 100 %', () => {
    expect(() => splitFee(money(100, 'EUR'), 10_001)).toThrow(MoneyError);
  });
});
