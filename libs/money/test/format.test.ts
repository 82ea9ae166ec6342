import { describe, expect, it } from 'vitest';
import { formatMoney, money } from '../src/index.ts';

// Intl separates amount and symbol with a no-break space (U+00A0); French groups thousands
// with a narrow no-break space (U+202F).
const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatMoney', () => {
  const eur = money(1234, 'EUR');

  it('formats euros in the portal languages', () => {
    expect(formatMoney(eur, 'en')).toBe('€12.34');
    expect(formatMoney(eur, 'it')).toBe(`12,34${NBSP}€`);
    expect(formatMoney(eur, 'de')).toBe(`12,34${NBSP}€`);
    expect(formatMoney(eur, 'fr')).toBe(`12,34${NBSP}€`);
    expect(formatMoney(eur, 'es')).toBe(`12,34${NBSP}€`);
  });

  it('groups thousands and keeps the sign', () => {
    const big = money(123_456_789, 'EUR');
    expect(formatMoney(big, 'en')).toBe('€1,234,567.89');
    expect(formatMoney(big, 'de')).toBe(`1.234.567,89${NBSP}€`);
    expect(formatMoney(big, 'fr')).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(formatMoney(money(-550, 'EUR'), 'en')).toBe('-€5.50');
  });

  it('shows exactly the currency minor-unit digits', () => {
    expect(formatMoney(money(1000, 'JPY'), 'en')).toBe('¥1,000');
    expect(formatMoney(money(1234, 'KWD'), 'en')).toBe(`KWD${NBSP}1.234`);
    expect(formatMoney(money(1234, 'KWD'), 'de')).toBe(`1,234${NBSP}KWD`);
    expect(formatMoney(money(1050, 'USD'), 'en')).toBe('$10.50');
  });

  it('formats amounts beyond float precision exactly', () => {
    expect(formatMoney(money(9_007_199_254_740_991, 'EUR'), 'en')).toBe('€90,071,992,547,409.91');
  });
});
