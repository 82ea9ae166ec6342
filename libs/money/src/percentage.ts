import { assertMoney, fromBigInt, subtract, type Money } from './money.ts';
import { MoneyError } from './money-error.ts';
import { divideRounded, type Rounding } from './rounding.ts';

/** 10 000 basis points = 100 %; 1500 = 15 %, 1 = 0.01 %. */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * `basisPoints` of `m`, rounded to a whole minor unit. Half-even by default: it is symmetric
 * for negative amounts (a refund's fee mirrors the charge's) and unbiased over many roundings.
 */
export function percentage(m: Money, basisPoints: number, rounding: Rounding = 'half-even'): Money {
  assertMoney(m);
  checkBasisPoints(basisPoints);
  const scaled = BigInt(m.amount) * BigInt(basisPoints);
  return fromBigInt(divideRounded(scaled, BigInt(BASIS_POINTS_PER_WHOLE), rounding), m.currency);
}

export interface FeeSplit {
  readonly fee: Money;
  readonly net: Money;
}

/**
 * Splits `m` into the platform fee and what remains. The net is derived by subtraction, so
 * fee + net === m holds exactly whatever the rounding.
 */
export function splitFee(m: Money, feeBasisPoints: number, rounding: Rounding = 'half-even'): FeeSplit {
  if (Number.isSafeInteger(feeBasisPoints) && feeBasisPoints > BASIS_POINTS_PER_WHOLE) {
    throw new MoneyError('out_of_range', `a fee of ${feeBasisPoints} bp exceeds 100 %`);
  }
  const fee = percentage(m, feeBasisPoints, rounding);
  return { fee, net: subtract(m, fee) };
}

function checkBasisPoints(basisPoints: number): void {
  if (!Number.isSafeInteger(basisPoints)) {
    throw new MoneyError('not_integer', `basis points must be an integer, got ${basisPoints}`);
  }
  if (basisPoints < 0) {
    throw new MoneyError('negative_not_allowed', `basis points must not be negative, got ${basisPoints}`);
  }
}
