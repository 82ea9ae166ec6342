export { MoneyError, type MoneyErrorCode } from './money-error.ts';
export { CURRENCY_EXPONENTS, currencyExponent, isKnownCurrency } from './currencies.ts';
export {
  type Money,
  money,
  zero,
  add,
  subtract,
  multiply,
  negate,
  isZero,
  isNegative,
  isPositive,
  compare,
  equals,
  sum,
  assertMoney,
} from './money.ts';
export { type Rounding, ROUNDING_MODES } from './rounding.ts';
export { allocate } from './allocate.ts';
export { BASIS_POINTS_PER_WHOLE, percentage, splitFee, type FeeSplit } from './percentage.ts';
export { fromDecimalString, toDecimalString } from './decimal.ts';
export { SUPPORTED_LOCALES, formatMoney } from './format.ts';
