import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_EXPONENTS, fromDecimalString, money, MoneyError, toDecimalString } from '../src/index.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as MoneyError).code;
  }
  return undefined;
}

describe('decimal strings', () => {
  it('parses and prints two-decimal currencies exactly', () => {
    expect(fromDecimalString('12.34', 'EUR')).toEqual(money(1234, 'EUR'));
    expect(fromDecimalString('12.3', 'EUR')).toEqual(money(1230, 'EUR'));
    expect(fromDecimalString('12', 'EUR')).toEqual(money(1200, 'EUR'));
    expect(fromDecimalString('-0.05', 'EUR')).toEqual(money(-5, 'EUR'));
    expect(fromDecimalString('+7.10', 'USD')).toEqual(money(710, 'USD'));
    expect(toDecimalString(money(1234, 'EUR'))).toBe('12.34');
    expect(toDecimalString(money(-5, 'EUR'))).toBe('-0.05');
    expect(toDecimalString(money(0, 'EUR'))).toBe('0.00');
  });

  it('does not suffer float artefacts (0.1 + 0.2, 1.005)', () => {
    expect(fromDecimalString('1.005', 'KWD')).toEqual(money(1005, 'KWD'));
    expect(fromDecimalString('0.29', 'EUR')).toEqual(money(29, 'EUR')); // 0.29 * 100 = 28.999…
    expect(fromDecimalString('90071992547409.91', 'EUR').amount).toBe(9_007_199_254_740_991);
  });

  it('handles zero-decimal currencies', () => {
    expect(fromDecimalString('1500', 'JPY')).toEqual(money(1500, 'JPY'));
    expect(toDecimalString(money(1500, 'JPY'))).toBe('1500');
    expect(toDecimalString(money(-3, 'ISK'))).toBe('-3');
    expect(codeOf(() => fromDecimalString('1500.5', 'JPY'))).toBe('too_many_decimals');
    expect(codeOf(() => fromDecimalString('1500.0', 'KRW'))).toBe('too_many_decimals');
  });

  it('handles three-decimal currencies', () => {
    expect(fromDecimalString('1.234', 'KWD')).toEqual(money(1234, 'KWD'));
    expect(fromDecimalString('0.5', 'BHD')).toEqual(money(500, 'BHD'));
    expect(toDecimalString(money(1, 'BHD'))).toBe('0.001');
    expect(codeOf(() => fromDecimalString('1.2345', 'KWD'))).toBe('too_many_decimals');
  });

  it('rejects anything that is not a plain decimal', () => {
    for (const bad of ['', ' 12.34', '12.', '.5', '1e3', '1,000.00', '12,34', 'NaN', '--1', '0x10']) {
      expect(codeOf(() => fromDecimalString(bad, 'EUR'))).toBe('invalid_decimal');
    }
    expect(codeOf(() => fromDecimalString('12.345', 'EUR'))).toBe('too_many_decimals');
    expect(codeOf(() => fromDecimalString('90071992547409.92', 'EUR'))).toBe('overflow');
    expect(codeOf(() => fromDecimalString('1', 'ABC'))).toBe('unknown_currency');
  });

  it('round-trips every safe amount in every currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...Object.keys(CURRENCY_EXPONENTS)),
        (amount, currency) => {
          const m = money(amount, currency);
          expect(fromDecimalString(toDecimalString(m), currency)).toEqual(m);
        },
      ),
    );
  });
});
