import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  isZero,
  money,
  MoneyError,
  multiply,
  negate,
  subtract,
  sum,
  currencyExponent,
  type Money,
} from '../src/index.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

describe('money()', () => {
  it('accepts integer minor units of a known uppercase currency', () => {
    expect(money(1234, 'EUR')).toEqual({ amount: 1234, currency: 'EUR' });
    expect(Object.isFrozen(money(1, 'USD'))).toBe(true);
  });

  it('rejects floats, unsafe integers and unknown or lowercase currencies with stable codes', () => {
    expect(codeOf(() => money(12.5, 'EUR'))).toBe('not_integer');
    expect(codeOf(() => money(Number.NaN, 'EUR'))).toBe('not_integer');
    expect(codeOf(() => money(Number.POSITIVE_INFINITY, 'EUR'))).toBe('not_integer');
    expect(codeOf(() => money(2 ** 53, 'EUR'))).toBe('overflow');
    expect(codeOf(() => money(1, 'XXX'))).toBe('unknown_currency');
    expect(codeOf(() => money(1, 'eur'))).toBe('unknown_currency');
    expect(() => money(1, 'eur')).toThrow(/uppercase/);
  });

  it('never produces negative zero', () => {
    expect(Object.is(negate(money(0, 'EUR')).amount, 0)).toBe(true);
    expect(Object.is(multiply(money(0, 'EUR'), -3).amount, 0)).toBe(true);
  });

  it('knows the exponent of zero- and three-decimal currencies', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('ISK')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('EUR')).toBe(2);
  });
});

describe('arithmetic', () => {
  const eur = (n: number): Money => money(n, 'EUR');

  it('adds, subtracts, multiplies by integer quantities and negates', () => {
    expect(add(eur(1050), eur(250))).toEqual(eur(1300));
    expect(subtract(eur(1000), eur(1250))).toEqual(eur(-250));
    expect(multiply(eur(1999), 3)).toEqual(eur(5997));
    expect(negate(eur(500))).toEqual(eur(-500));
    expect(isZero(subtract(eur(5), eur(5)))).toBe(true);
  });

  it('refuses to mix currencies', () => {
    expect(codeOf(() => add(eur(1), money(1, 'USD')))).toBe('currency_mismatch');
    expect(codeOf(() => subtract(eur(1), money(1, 'JPY')))).toBe('currency_mismatch');
    expect(codeOf(() => compare(eur(1), money(1, 'GBP')))).toBe('currency_mismatch');
    expect(codeOf(() => sum([eur(1), money(1, 'USD')], 'EUR'))).toBe('currency_mismatch');
  });

  it('refuses fractional quantities and results beyond the safe integer range', () => {
    expect(codeOf(() => multiply(eur(100), 1.5))).toBe('not_integer');
    expect(codeOf(() => multiply(eur(Number.MAX_SAFE_INTEGER), 2))).toBe('overflow');
    expect(codeOf(() => add(eur(Number.MAX_SAFE_INTEGER), eur(1)))).toBe('overflow');
  });

  it('validates plain objects that bypassed money()', () => {
    const forged = { amount: 0.1, currency: 'EUR' } as Money;
    expect(codeOf(() => add(forged, eur(1)))).toBe('not_integer');
  });

  it('compares and sums, with an empty sum being zero in the given currency', () => {
    const list = [eur(300), eur(100), eur(200)];
    expect([...list].sort(compare).map((m) => m.amount)).toEqual([100, 200, 300]);
    expect(sum(list, 'EUR')).toEqual(eur(600));
    expect(sum([], 'JPY')).toEqual(money(0, 'JPY'));
  });
});
