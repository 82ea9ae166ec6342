import { MoneyError } from './money-error.ts';

/**
 * ISO 4217 minor-unit exponents of the currencies we accept. A currency missing here is
 * rejected rather than guessed, because a wrong exponent silently scales every amount by 10^n.
 * Source: ISO 4217 amendment list (https://www.six-group.com/en/products-services/financial-information/data-standards.html).
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  AED: 2,
  AUD: 2,
  BGN: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MAD: 2,
  MXN: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PLN: 2,
  RON: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  USD: 2,
  VND: 0,
  ZAR: 2,
});

export function isKnownCurrency(currency: string): boolean {
  return Object.hasOwn(CURRENCY_EXPONENTS, currency);
}

/** Number of decimal digits of the currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  assertCurrency(currency);
  return CURRENCY_EXPONENTS[currency] as number;
}

export function assertCurrency(currency: string): void {
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) {
    const hint =
      typeof currency === 'string' && isKnownCurrency(currency.toUpperCase())
        ? ` (currency codes are uppercase: '${currency.toUpperCase()}')`
        : '';
    throw new MoneyError('unknown_currency', `unknown currency '${String(currency)}'${hint}`);
  }
}
