import { allocate, money } from '@tourconnect/money';
import { PricingError } from './pricing-error.ts';

export const BPS_PER_WHOLE = 10_000;

/** floor(amountMinor × bps / 10 000) on a BigInt intermediate, so no product overflows. */
export function bpsFloor(amountMinor: number, bps: number): number {
  return Number((BigInt(amountMinor) * BigInt(bps)) / BigInt(BPS_PER_WHOLE));
}

/** Σ values, refusing a sum beyond the safe integer range rather than losing a cent. */
export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new PricingError('amount_too_large', `amounts sum to ${total}`);
  return total;
}

/**
 * Splits `amountMinor` over `weights` with @tourconnect/money's largest remainder: parts sum
 * exactly, each is within one minor unit of its exact share, zero weights get zero, ties go to
 * the earlier index. Nothing to split gives zeros (allocate refuses all-zero weights).
 * `currency` only labels the Money values allocate works on; the split is the same for any.
 */
export function splitMinor(amountMinor: number, weights: readonly number[], currency = 'EUR'): number[] {
  if (amountMinor === 0) return weights.map(() => 0);
  return allocate(money(amountMinor, currency), weights).map((part) => part.amount);
}

/** Throws unless `value` is a non-negative safe integer (a count or an amount in minor units). */
export function assertMinor(value: number, what: string): void {
  if (!Number.isSafeInteger(value))
    throw new PricingError('invalid_amount', `${what} must be an integer, got ${value}`);
  if (value < 0) throw new PricingError('negative_amount', `${what} must not be negative, got ${value}`);
}

export function assertBps(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > BPS_PER_WHOLE) {
    throw new PricingError('invalid_bps', `${what} must be 0–10000 basis points, got ${value}`);
  }
}
