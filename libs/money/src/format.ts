import { currencyExponent } from './currencies.ts';
import { toDecimalString } from './decimal.ts';
import type { Money } from './money.ts';

/** Locales the portal ships translations for; any BCP 47 tag works, these are tested. */
export const SUPPORTED_LOCALES = ['en', 'it', 'de', 'fr', 'es'] as const;

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Localised display string, e.g. '€12.34' (en) or '12,34 €' (it/de/fr/es; the space is a
 * no-break space). The amount is passed to Intl as a decimal string, which Intl formats
 * exactly, so large amounts never pass through a float. The number of decimals is always the
 * currency's ISO exponent, so what is shown is exactly what is charged.
 */
export function formatMoney(m: Money, locale: string): string {
  return formatterFor(locale, m.currency).format(toDecimalString(m) as Intl.StringNumericLiteral);
}

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}
