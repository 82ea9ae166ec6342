import { currencyExponent } from './currencies.ts';
import { assertMoney, fromBigInt, type Money } from './money.ts';
import { MoneyError } from './money-error.ts';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal ('12.34', '-0.5', '1000') into minor units without going through a
 * float. More fraction digits than the currency has is an error, even trailing zeros, so a
 * value like '12.345' EUR is never silently rounded. No grouping separators, no exponents.
 */
export function fromDecimalString(value: string, currency: string): Money {
  const exponent = currencyExponent(currency);
  const match = typeof value === 'string' ? DECIMAL.exec(value) : null;
  if (!match) {
    throw new MoneyError('invalid_decimal', `'${String(value)}' is not a plain decimal number`);
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent) {
    throw new MoneyError(
      'too_many_decimals',
      `${currency} has ${exponent} decimal place(s); '${value}' has ${fraction.length}`,
    );
  }
  const digits = BigInt(`${whole}${fraction.padEnd(exponent, '0')}`);
  return fromBigInt(sign === '-' ? -digits : digits, currency);
}

/** '12.34', '-0.05', '1000' (JPY), '1.234' (KWD): exact, no grouping, '.' as separator. */
export function toDecimalString(m: Money): string {
  assertMoney(m);
  const exponent = currencyExponent(m.currency);
  const digits = Math.abs(m.amount).toString();
  const sign = m.amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}
