import { fromBigInt, assertMoney, type Money } from './money.ts';
import { MoneyError } from './money-error.ts';

/**
 * Splits `total` in proportion to integer `weights` with the largest-remainder (Hamilton)
 * method: every part first gets the floor of its exact share, then the minor units left over
 * go one each to the parts with the largest fractional remainders, ties to the lower index.
 * Parts therefore sum exactly to the total, each is within one minor unit of its exact
 * share, zero-weight parts get exactly zero, and the result depends only on the input.
 *
 * A negative total (refund, reversal) is allocated as the negation of allocating its absolute
 * value, so a refund of a charge splits exactly like the charge did.
 */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  assertMoney(total);
  const bigWeights = weights.map(checkWeight);
  const weightSum = bigWeights.reduce((acc, w) => acc + w, 0n);
  if (weightSum === 0n) {
    throw new MoneyError('zero_total_weight', 'allocation weights must not all be zero');
  }
  const negative = total.amount < 0;
  const absolute = BigInt(Math.abs(total.amount));
  const parts = largestRemainder(absolute, bigWeights, weightSum);
  return parts.map((part) => fromBigInt(negative ? -part : part, total.currency));
}

function checkWeight(weight: number, index: number): bigint {
  if (!Number.isSafeInteger(weight)) {
    throw new MoneyError('not_integer', `weight #${index} must be a safe integer, got ${weight}`);
  }
  if (weight < 0) {
    throw new MoneyError('negative_not_allowed', `weight #${index} must not be negative`);
  }
  return BigInt(weight);
}

function largestRemainder(total: bigint, weights: bigint[], weightSum: bigint): bigint[] {
  const parts = weights.map((w) => (total * w) / weightSum);
  const remainders = weights.map((w) => (total * w) % weightSum);
  let leftover = total - parts.reduce((acc, p) => acc + p, 0n);
  // leftover < number of parts with a non-zero remainder, so one pass suffices.
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => compareBigDesc(remainders[a]!, remainders[b]!) || a - b);
  for (const index of order) {
    if (leftover === 0n) break;
    parts[index]! += 1n;
    leftover -= 1n;
  }
  return parts;
}

function compareBigDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}
