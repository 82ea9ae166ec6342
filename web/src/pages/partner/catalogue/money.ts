import { formatMoney, fromDecimalString, isKnownCurrency, money, toDecimalString } from '@tourconnect/money';

/**
 * Prices as the partner types them ("12.50", "12,5") and as the API carries them (integer
 * minor units of an ISO currency). Conversion goes through @tourconnect/money's decimal
 * parser, never through a float, so 0.1 + 0.2 problems cannot reach a payload.
 */

/** Currencies offered for a new item (all have a known ISO exponent). */
export const itemCurrencies = ['EUR', 'CHF', 'GBP', 'USD', 'CZK', 'DKK', 'HUF', 'NOK', 'PLN', 'SEK'] as const;

/** "12,50" or "12.50" (no grouping) → 1250 for EUR; null when it is not a valid amount. */
export function toMinor(text: string, currency: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!normalised || !isKnownCurrency(currency) || normalised.startsWith('-') || normalised.startsWith('+')) {
    return null;
  }
  try {
    const amount = fromDecimalString(normalised, currency).amount;
    return amount <= 100_000_000_00 ? amount : null;
  } catch {
    return null;
  }
}

/** 1250 EUR → "12.50", the text an input shows for a stored amount. */
export function toDecimalText(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined || !isKnownCurrency(currency)) return '';
  return toDecimalString(money(minor, currency));
}

/** 1250 EUR → "€12.50" (en) or "12,50 €" (it, de, fr, es). */
export function formatMinor(minor: number, currency: string, language: string): string {
  if (!isKnownCurrency(currency)) return `${minor} ${currency}`;
  return formatMoney(money(minor, currency), language);
}

/**
 * A percentage with at most two decimals ("12.5", "12,5") → basis points (1250), exactly;
 * null unless 0–100.
 */
export function percentToBps(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}

/** 1250 → "12.5" (no trailing zeros). */
export function bpsToPercentText(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** 1250 → "12.5 %" in the portal's language. */
export function formatBps(bps: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}
