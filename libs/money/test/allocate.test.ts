import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, money, MoneyError, negate, sum } from '../src/index.ts';

const amounts = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
const weightLists = fc
  .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
  .filter((ws) => ws.some((w) => w > 0));

describe('allocate (largest remainder)', () => {
  it('parts always sum exactly to the whole', () => {
    fc.assert(
      fc.property(amounts, weightLists, (amount, weights) => {
        const total = money(amount, 'EUR');
        expect(sum(allocate(total, weights), 'EUR')).toEqual(total);
      }),
    );
  });

  it('never produces a negative part for a non-negative total', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000_000_000 }), weightLists, (amount, weights) => {
        for (const part of allocate(money(amount, 'JPY'), weights)) {
          expect(part.amount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('is deterministic: the same input gives the same parts', () => {
    fc.assert(
      fc.property(amounts, weightLists, (amount, weights) => {
        const total = money(amount, 'KWD');
        expect(allocate(total, weights)).toEqual(allocate(total, [...weights]));
      }),
    );
  });

  it('keeps every part within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(amounts, weightLists, (amount, weights) => {
        const weightSum = BigInt(weights.reduce((a, b) => a + b, 0));
        allocate(money(amount, 'USD'), weights).forEach((part, i) => {
          // |part - amount·w/W| < 1  ⇔  |part·W - amount·w| < W, checked without floats.
          const diff = BigInt(part.amount) * weightSum - BigInt(amount) * BigInt(weights[i]!);
          expect(diff < 0n ? -diff : diff).toBeLessThan(weightSum);
        });
      }),
    );
  });

  it('allocates a negative total as the mirror image of the positive one', () => {
    fc.assert(
      fc.property(amounts, weightLists, (amount, weights) => {
        const total = money(amount, 'EUR');
        expect(allocate(negate(total), weights)).toEqual(allocate(total, weights).map(negate));
      }),
    );
  });

  it('gives leftover units to the largest remainders, ties to the lower index', () => {
    expect(allocate(money(100, 'EUR'), [1, 1, 1]).map((m) => m.amount)).toEqual([34, 33, 33]);
    expect(allocate(money(5, 'EUR'), [3, 7]).map((m) => m.amount)).toEqual([2, 3]); // 1.5 / 3.5 tie
    expect(allocate(money(7, 'EUR'), [1, 2]).map((m) => m.amount)).toEqual([2, 5]); // 2.33 / 4.67
    expect(allocate(money(10, 'EUR'), [1, 2, 3]).map((m) => m.amount)).toEqual([2, 3, 5]);
    expect(allocate(money(-100, 'EUR'), [1, 1, 1]).map((m) => m.amount)).toEqual([-34, -33, -33]);
  });

  it('gives zero-weight parts exactly zero', () => {
    expect(allocate(money(101, 'EUR'), [0, 1, 0, 1]).map((m) => m.amount)).toEqual([0, 51, 0, 50]);
  });

  it('splits zero- and three-decimal currencies in their own minor units', () => {
    expect(allocate(money(1000, 'JPY'), [1, 1, 1])).toEqual([money(334, 'JPY'), money(333, 'JPY'), money(333, 'JPY')]);
    expect(allocate(money(10_001, 'KWD'), [70, 30]).map((m) => m.amount)).toEqual([7001, 3000]);
  });

  it('rejects zero total weight, negative or fractional weights', () => {
    const total = money(100, 'EUR');
    const code = (weights: number[]) => {
      try {
        allocate(total, weights);
      } catch (error) {
        return (error as MoneyError).code;
      }
      return undefined;
    };
    expect(code([0, 0])).toBe('zero_total_weight');
    expect(code([])).toBe('zero_total_weight');
    expect(code([1, -1, 2])).toBe('negative_not_allowed');
    expect(code([0.5, 0.5])).toBe('not_integer');
  });

  it('handles totals and weights whose product exceeds 2^53 exactly', () => {
    const total = money(Number.MAX_SAFE_INTEGER, 'EUR');
    const parts = allocate(total, [Number.MAX_SAFE_INTEGER, 1]);
    expect(sum(parts, 'EUR')).toEqual(total);
    expect(parts[1]!.amount).toBe(1);
  });
});
