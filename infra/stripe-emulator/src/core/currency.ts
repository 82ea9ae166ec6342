// Currencies Stripe settles card payments in, the per-currency minimum charge amounts Stripe
// publishes, and the zero-decimal currencies (amounts there are whole units).
import { invalidParam } from './errors.ts';

const SUPPORTED = new Set(
  (
    'usd aed aud bgn brl cad chf cny czk dkk eur gbp hkd huf idr ils inr isk jpy krw mxn myr nok nzd ' +
    'php pln ron sek sgd thb try twd zar'
  ).split(' '),
);

export const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/** https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts */
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

const MAXIMUM_CHARGE = 99_999_999;

export function normalizeCurrency(value: unknown, param = 'currency'): string {
  const currency = String(value).toLowerCase();
  if (!SUPPORTED.has(currency)) {
    throw invalidParam(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: ${[...SUPPORTED].join(', ')}`,
      param,
    );
  }
  return currency;
}

export function formatAmount(amount: number, currency: string): string {
  const major = ZERO_DECIMAL.has(currency) ? String(amount) : (amount / 100).toFixed(2);
  const symbol = currency === 'usd' ? '$' : '';
  return `${symbol}${major} ${currency}`;
}

/** Amount checks for charges: Stripe answers `amount_too_small` / `amount_too_large`. */
export function checkChargeAmount(amount: number, currency: string): void {
  const minimum = MINIMUM_CHARGE[currency] ?? 50;
  if (amount < minimum) {
    throw invalidParam(`Amount must be at least ${formatAmount(minimum, currency)}`, 'amount', 'amount_too_small');
  }
  if (amount > MAXIMUM_CHARGE) {
    throw invalidParam(
      `Amount must be no more than ${formatAmount(MAXIMUM_CHARGE, currency)}`,
      'amount',
      'amount_too_large',
    );
  }
}

/** Transfers, refunds, reversals and payouts take any positive integer. */
export function checkPositiveAmount(amount: unknown, param = 'amount'): number {
  const value = Number(amount);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw invalidParam('This value must be greater than or equal to 1.', param, 'parameter_invalid_integer');
  }
  return value;
}

const COUNTRY_CURRENCY: Record<string, string> = {
  US: 'usd',
  GB: 'gbp',
  CA: 'cad',
  AU: 'aud',
  NZ: 'nzd',
  JP: 'jpy',
  CH: 'chf',
  SE: 'sek',
  NO: 'nok',
  DK: 'dkk',
  PL: 'pln',
  CZ: 'czk',
  HU: 'huf',
  RO: 'ron',
  BG: 'bgn',
  SG: 'sgd',
  HK: 'hkd',
  MX: 'mxn',
  BR: 'brl',
  IN: 'inr',
  MY: 'myr',
  TH: 'thb',
  AE: 'aed',
};

export function defaultCurrencyFor(country: string): string {
  return COUNTRY_CURRENCY[country] ?? 'eur';
}
