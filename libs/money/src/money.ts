import { assertCurrency } from './currencies.ts';
import { MoneyError } from './money-error.ts';

/** An amount in integer minor units (cents, yen, fils) of an ISO 4217 currency. */
export type Money = { readonly amount: number; readonly currency: string };

/** Creates a validated, frozen Money. `amount` is in minor units: money(1234, 'EUR') is €12.34. */
export function money(amount: number, currency: string): Money {
  assertCurrency(currency);
  assertAmount(amount);
  // -0 would leak into Object.is comparisons and JSON as a surprise; there is only one zero.
  return Object.freeze({ amount: amount === 0 ? 0 : amount, currency });
}

export function zero(currency: string): Money {
  return money(0, currency);
}

/** Builds a Money from a bigint intermediate, failing loudly instead of losing precision. */
export function fromBigInt(amount: bigint, currency: string): Money {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError('overflow', `amount ${amount} ${currency} exceeds the safe integer range`);
  }
  return money(Number(amount), currency);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return fromBigInt(BigInt(a.amount) + BigInt(b.amount), a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return fromBigInt(BigInt(a.amount) - BigInt(b.amount), a.currency);
}

/** Multiplies by an integer quantity (units, nights, seats); fractions go through percentage/allocate. */
export function multiply(m: Money, quantity: number): Money {
  assertMoney(m);
  if (!Number.isSafeInteger(quantity)) {
    throw new MoneyError('not_integer', `quantity must be a safe integer, got ${quantity}`);
  }
  return fromBigInt(BigInt(m.amount) * BigInt(quantity), m.currency);
}

export function negate(m: Money): Money {
  assertMoney(m);
  return money(0 - m.amount, m.currency);
}

export function isZero(m: Money): boolean {
  assertMoney(m);
  return m.amount === 0;
}

export function isNegative(m: Money): boolean {
  assertMoney(m);
  return m.amount < 0;
}

export function isPositive(m: Money): boolean {
  assertMoney(m);
  return m.amount > 0;
}

/** -1, 0 or 1; usable directly as an Array#sort comparator. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  return compare(a, b) === 0;
}

/** Sums a list that must all be in `currency`; the currency is explicit so [] has an answer. */
export function sum(list: readonly Money[], currency: string): Money {
  assertCurrency(currency);
  let total = 0n;
  for (const m of list) {
    assertMoney(m);
    if (m.currency !== currency) {
      throw new MoneyError('currency_mismatch', `cannot sum ${m.currency} into ${currency}`);
    }
    total += BigInt(m.amount);
  }
  return fromBigInt(total, currency);
}

/** Guards values that did not come through money() (JSON, database rows, literals). */
export function assertMoney(m: Money): void {
  if (m === null || typeof m !== 'object') {
    throw new MoneyError('not_integer', `expected a Money object, got ${String(m)}`);
  }
  assertCurrency(m.currency);
  assertAmount(m.amount);
}

function assertAmount(amount: number): void {
  if (typeof amount !== 'number' || !Number.isInteger(amount)) {
    throw new MoneyError('not_integer', `amount must be an integer in minor units, got ${amount}`);
  }
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError('overflow', `amount ${amount} exceeds the safe integer range`);
  }
}

function assertSameCurrency(a: Money, b: Money): void {
  assertMoney(a);
  assertMoney(b);
  if (a.currency !== b.currency) {
    throw new MoneyError('currency_mismatch', `currency mismatch: ${a.currency} vs ${b.currency}`);
  }
}
