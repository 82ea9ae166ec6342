/**
 * Rounding modes, named as in java.math.RoundingMode:
 * up/down are away from/towards zero, ceiling/floor towards +∞/−∞, and the half-* modes only
 * decide exact ties (half-up = ties away from zero, half-even = banker's rounding).
 */
export type Rounding = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceiling' | 'floor';

export const ROUNDING_MODES: readonly Rounding[] = [
  'half-even',
  'half-up',
  'half-down',
  'up',
  'down',
  'ceiling',
  'floor',
];

/** numerator / denominator rounded to an integer; denominator must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const quotient = numerator / denominator; // truncates towards zero
  const remainder = numerator % denominator; // carries the numerator's sign
  if (remainder === 0n) return quotient;
  const away = quotient + (numerator < 0n ? -1n : 1n);
  switch (rounding) {
    case 'down':
      return quotient;
    case 'up':
      return away;
    case 'floor':
      return numerator < 0n ? away : quotient;
    case 'ceiling':
      return numerator > 0n ? away : quotient;
    default:
      return roundHalf(quotient, away, remainder, denominator, rounding);
  }
}

function roundHalf(quotient: bigint, away: bigint, remainder: bigint, denominator: bigint, rounding: Rounding): bigint {
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice > denominator) return away;
  if (twice < denominator) return quotient;
  if (rounding === 'half-up') return away;
  if (rounding === 'half-down') return quotient;
  return quotient % 2n === 0n ? quotient : away;
}
