/**
 * Stable codes so callers (and the portal, through problem+json) can branch on the kind of
 * failure without parsing messages.
 */
export type MoneyErrorCode =
  | 'currency_mismatch'
  | 'not_integer'
  | 'unknown_currency'
  | 'negative_not_allowed'
  | 'overflow'
  | 'zero_total_weight'
  | 'out_of_range'
  | 'invalid_decimal'
  | 'too_many_decimals';

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
  readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
