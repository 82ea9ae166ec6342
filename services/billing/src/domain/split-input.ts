/**
 * What splitPayment accepts: amounts are non-negative safe integers, the lines sum to the
 * total, one item per position, coupon parts consistent with the coupon. Refused input throws
 * SplitError with a stable code (a payment handler logs it; it is never shown to a traveller).
 */
import type { SplitInput, SplitLine } from './split.ts';

export type SplitErrorCode =
  | 'invalid_amount'
  | 'invalid_fee_bps'
  | 'supplier_share_exceeds_net'
  | 'total_mismatch'
  | 'inconsistent_position'
  | 'no_lines'
  | 'coupon_partner_not_in_booking'
  | 'coupon_mismatch'
  | 'coupon_exceeds_platform_fee'
  | 'affiliate_exceeds_platform_fee';

export class SplitError extends Error {
  override readonly name = 'SplitError';
  constructor(
    readonly code: SplitErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function assertSupplierShares(
  lines: readonly (SplitLine & { platformFundedMinor: number })[],
  seller: string,
): void {
  for (const line of lines) {
    if (line.partnerId !== seller && line.supplierShareMinor > line.netMinor + line.platformFundedMinor) {
      throw new SplitError(
        'supplier_share_exceeds_net',
        `line ${line.position}: supplier share ${line.supplierShareMinor} exceeds what the line brings in (${line.netMinor + line.platformFundedMinor})`,
      );
    }
  }
}

export function checkedBps(bps: number, partnerId: string): number {
  if (!Number.isSafeInteger(bps) || bps < 0 || bps > 10_000) {
    throw new SplitError('invalid_fee_bps', `fee of partner ${partnerId} must be 0–10000 bps, got ${bps}`);
  }
  return bps;
}

function checkAmount(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new SplitError('invalid_amount', `${what} must be a non-negative integer, got ${String(value)}`);
  }
}

export function validateInput(input: SplitInput): void {
  checkAmount(input.totalMinor, 'totalMinor');
  if (input.lines.length === 0) throw new SplitError('no_lines', 'a booking needs at least one line');
  const positions = new Map<number, SplitLine>();
  let sum = 0;
  for (const line of input.lines) {
    checkAmount(line.netMinor, `line ${line.position} netMinor`);
    checkAmount(line.supplierShareMinor, `line ${line.position} supplierShareMinor`);
    if (line.platformFundedMinor !== undefined) {
      checkAmount(line.platformFundedMinor, `line ${line.position} platformFundedMinor`);
    }
    const seen = positions.get(line.position);
    if (seen && (seen.partnerId !== line.partnerId || seen.itemId !== line.itemId)) {
      throw new SplitError('inconsistent_position', `line position ${line.position} has two different items`);
    }
    positions.set(line.position, line);
    sum += line.netMinor;
  }
  if (sum !== input.totalMinor) {
    throw new SplitError('total_mismatch', `the lines sum to ${sum}, the booking's total is ${input.totalMinor}`);
  }
  validatePromotions(input);
}

function validatePromotions(input: SplitInput): void {
  if (input.affiliateCommissionMinor !== undefined) {
    checkAmount(input.affiliateCommissionMinor, 'affiliateCommissionMinor');
  }
  const coupon = input.couponFunding;
  if (coupon) checkAmount(coupon.amountMinor, 'couponFunding.amountMinor');
  const platformAmount = coupon?.fundedBy === 'platform' ? coupon.amountMinor : 0;
  if (input.lines.some((l) => l.platformFundedMinor !== undefined)) {
    const carried = input.lines.reduce((sum, l) => sum + (l.platformFundedMinor ?? 0), 0);
    if (carried !== platformAmount) {
      throw new SplitError(
        'coupon_mismatch',
        `the lines carry ${carried} of platform-funded coupon, the coupon is ${platformAmount}`,
      );
    }
  }
  if (!coupon) return;
  if (coupon.partnerId !== undefined && !input.lines.some((l) => l.partnerId === coupon.partnerId)) {
    throw new SplitError(
      'coupon_partner_not_in_booking',
      `coupon partner ${coupon.partnerId} has no line in the booking`,
    );
  }
}
