import { AppError } from '@tourconnect/service-kit';

/**
 * Stable codes for input the engine refuses. Most are caller bugs that the HTTP schemas
 * already stop (negative amounts, bad basis points); `currency_mismatch` and
 * `net_rate_above_price` can come from real catalogue data (an item in another currency, a
 * date's price override below the supplier's net rate).
 */
export type PricingErrorCode =
  | 'pricing_lines_required'
  | 'unknown_currency'
  | 'currency_mismatch'
  | 'negative_amount'
  | 'invalid_amount'
  | 'amount_too_large'
  | 'invalid_bps'
  | 'invalid_date'
  | 'invalid_party'
  | 'duplicate_line_position'
  | 'invalid_supplier_terms'
  | 'net_rate_above_price'
  | 'refund_exceeds_paid';

/**
 * A 422 problem with a stable code: it extends AppError so an unmapped pricing error still
 * reaches the client as problem+json, never as a 500.
 */
export class PricingError extends AppError {
  declare readonly code: PricingErrorCode;

  constructor(code: PricingErrorCode, detail: string) {
    super(422, code, detail);
    this.name = 'PricingError';
  }
}
