import type { FeeModel } from '../state/types.ts';

/**
 * Stripe's card processing fee under the configured model: a percentage (rounded to the
 * nearest minor unit, halves up) plus a fixed part per currency. Integers only.
 */
export function processingFee(amount: number, currency: string, model: FeeModel): number {
  const percentPart = Math.floor((amount * model.percent_bps + 5_000) / 10_000);
  const fixed = model.fixed[currency] ?? model.fixed.default ?? 0;
  return Math.min(amount, percentPart + fixed);
}

/**
 * What Stripe withdraws for handling a dispute (US pricing: $15.00), in the charge currency's
 * minor unit; returned with the disputed amount when the dispute is won.
 */
export const DISPUTE_FEE = 1_500;
