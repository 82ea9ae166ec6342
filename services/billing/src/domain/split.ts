/**
 * The money model of a booking's payment — how one charge becomes partner shares and the
 * platform's fee. Pure: no I/O, integers in minor units of one currency.
 *
 * Input, from bundling.booking.held.v1:
 * - lines: { position, itemId, itemType, partnerId (the item's supplier), netMinor (what the
 *   traveller pays for the line, discounts applied), supplierShareMinor (what the supplier is
 *   owed before the platform fee: = netMinor for the seller's own items, the net rate for an
 *   item bundled from another partner) }. Σ netMinor = totalMinor, the amount charged.
 * - sellerPartnerId: the partner that sells the package.
 *
 * Earnings, per line:
 * - supplier ≠ seller: the supplier earns supplierShareMinor (role 'supplier') and the seller
 *   earns its margin netMinor − supplierShareMinor (role 'seller');
 * - supplier = seller: one earning of netMinor for the seller (role 'seller'; its
 *   supplierShareMinor is not used).
 * So Σ earnings = Σ netMinor = totalMinor.
 *
 * Platform fee, per partner at that partner's basis points (feeBps(partnerId)):
 *   fee(partner) = round-half-up(Σ its earnings × bps / 10 000),
 * allocated over the partner's earning rows by largest remainder (weights = earnings), so a
 * partner's fee is rounded once, not once per line. share = earning − fee; every row has
 * 0 ≤ fee ≤ earning, hence share ≥ 0.
 *
 * Promotions:
 * - couponFunding.fundedBy 'partner': the coupon's amount is already inside netMinor (bundling
 *   applied it to the lines), so nothing changes; the coupon is only reported.
 * - couponFunding.fundedBy 'platform': the traveller paid the discounted total, the platform
 *   makes the partners whole. The amount is added to the earnings of the funded partner's
 *   rows (couponFunding.partnerId) or, without one, of every row, pro rata by earning (largest
 *   remainder; equal weights if those earnings are all 0). The fee is computed on the earnings
 *   including that reimbursement — a partner ends as if the traveller had paid the undiscounted
 *   price — and the platform's fee is reduced by the amount:
 *     platformFeeMinor = Σ row fees − amount.
 *   Then Σ shares + platformFeeMinor = (totalMinor + amount) − amount = totalMinor: the coupon
 *   moves money from the platform's fee to the partners, never creates any. The platform can
 *   only fund from its own fee on the booking: amount > Σ row fees → SplitError
 *   'coupon_exceeds_platform_fee'.
 * - affiliateCommissionMinor is paid FROM the platform fee (after the coupon):
 *   platformRevenueMinor = platformFeeMinor − affiliateCommissionMinor; a commission above the
 *   fee → SplitError 'affiliate_exceeds_platform_fee'. Partners' shares do not change.
 *
 * Invariant (every result): Σ partners.shareMinor + platformFeeMinor = totalMinor.
 * Rows are ordered by position (supplier before seller); partners by partnerId. A partner whose
 * share is 0 is still listed (it gets no transfer).
 */
import { allocate, money, percentage } from '@tourconnect/money';

export type ItemType = 'tour' | 'service' | 'transport' | 'extra';
export type SplitRole = 'seller' | 'supplier';

export interface SplitLine {
  position: number;
  itemId: string;
  itemType: ItemType | string;
  /** The item's supplier. */
  partnerId: string;
  netMinor: number;
  supplierShareMinor: number;
}

export interface CouponFunding {
  fundedBy: 'platform' | 'partner';
  /** The partner whose lines the coupon applies to; absent = the whole booking. */
  partnerId?: string | undefined;
  amountMinor: number;
}

export interface SplitInput {
  currency: string;
  sellerPartnerId: string;
  totalMinor: number;
  lines: readonly SplitLine[];
  /** The platform fee of a partner in basis points (fees.ts resolves it). */
  feeBps: (partnerId: string) => number;
  couponFunding?: CouponFunding | undefined;
  affiliateCommissionMinor?: number | undefined;
}

export interface SplitRow {
  position: number;
  partnerId: string;
  role: SplitRole;
  itemId: string;
  itemType: string;
  /** What the partner is owed for the line before the fee (platform coupon reimbursement included). */
  earningMinor: number;
  /** The part of earningMinor the platform pays for a platform-funded coupon (0 otherwise). */
  couponReimbursementMinor: number;
  feeBps: number;
  feeMinor: number;
  shareMinor: number;
}

export interface PartnerSplit {
  partnerId: string;
  earningMinor: number;
  feeBps: number;
  feeMinor: number;
  shareMinor: number;
}

export interface SplitResult {
  rows: SplitRow[];
  /** One per partner with a row, sorted by partnerId. */
  partners: PartnerSplit[];
  /** What the platform keeps of the charge (Σ row fees − platform-funded coupon). */
  platformFeeMinor: number;
  affiliateCommissionMinor: number;
  /** platformFeeMinor − affiliateCommissionMinor. */
  platformRevenueMinor: number;
  coupon: { fundedBy: 'platform' | 'partner'; partnerId: string | null; amountMinor: number } | null;
}

export type SplitErrorCode =
  | 'invalid_amount'
  | 'invalid_fee_bps'
  | 'supplier_share_exceeds_net'
  | 'total_mismatch'
  | 'inconsistent_position'
  | 'no_lines'
  | 'coupon_partner_not_in_booking'
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

export function splitPayment(input: SplitInput): SplitResult {
  validateInput(input);
  const coupon = input.couponFunding;
  const earnings = earningRows(mergeByPosition(input.lines), input.sellerPartnerId);
  const reimbursed = coupon?.fundedBy === 'platform' ? reimburse(earnings, coupon, input.currency) : earnings;
  const rows = applyFees(reimbursed, input.feeBps, input.currency);
  const rowFees = rows.reduce((sum, r) => sum + r.feeMinor, 0);
  const platformFunded = coupon?.fundedBy === 'platform' ? coupon.amountMinor : 0;
  if (platformFunded > rowFees) {
    throw new SplitError(
      'coupon_exceeds_platform_fee',
      `a platform-funded coupon of ${platformFunded} exceeds the platform's fee of ${rowFees}`,
    );
  }
  const platformFeeMinor = rowFees - platformFunded;
  const affiliateCommissionMinor = input.affiliateCommissionMinor ?? 0;
  if (affiliateCommissionMinor > platformFeeMinor) {
    throw new SplitError(
      'affiliate_exceeds_platform_fee',
      `an affiliate commission of ${affiliateCommissionMinor} exceeds the platform's fee of ${platformFeeMinor}`,
    );
  }
  return {
    rows,
    partners: partnerTotals(rows),
    platformFeeMinor,
    affiliateCommissionMinor,
    platformRevenueMinor: platformFeeMinor - affiliateCommissionMinor,
    coupon: coupon
      ? { fundedBy: coupon.fundedBy, partnerId: coupon.partnerId ?? null, amountMinor: coupon.amountMinor }
      : null,
  };
}

/** The partners a booking's split needs basis points for (suppliers and the seller). */
export function splitPartnerIds(lines: readonly Pick<SplitLine, 'partnerId'>[], sellerPartnerId: string): string[] {
  return [...new Set([sellerPartnerId, ...lines.map((l) => l.partnerId)])].sort();
}

/**
 * Bundling's events carry one item per line and unit type (adults, children…) under the same
 * position; the split is per line, so those are summed first.
 */
function mergeByPosition(lines: readonly SplitLine[]): SplitLine[] {
  const merged = new Map<number, SplitLine>();
  for (const line of lines) {
    const seen = merged.get(line.position);
    merged.set(
      line.position,
      seen
        ? {
            ...seen,
            netMinor: seen.netMinor + line.netMinor,
            supplierShareMinor: seen.supplierShareMinor + line.supplierShareMinor,
          }
        : { ...line },
    );
  }
  return [...merged.values()];
}

type EarningRow = Omit<SplitRow, 'feeBps' | 'feeMinor' | 'shareMinor'>;

function earningRows(lines: readonly SplitLine[], seller: string): EarningRow[] {
  const sorted = [...lines].sort((a, b) => a.position - b.position);
  return sorted.flatMap((line): EarningRow[] => {
    const base = { position: line.position, itemId: line.itemId, itemType: line.itemType, couponReimbursementMinor: 0 };
    if (line.partnerId === seller) {
      return [{ ...base, partnerId: seller, role: 'seller', earningMinor: line.netMinor }];
    }
    return [
      { ...base, partnerId: line.partnerId, role: 'supplier', earningMinor: line.supplierShareMinor },
      { ...base, partnerId: seller, role: 'seller', earningMinor: line.netMinor - line.supplierShareMinor },
    ];
  });
}

function reimburse(rows: EarningRow[], coupon: CouponFunding, currency: string): EarningRow[] {
  if (coupon.amountMinor === 0) return rows;
  const funded = rows.map((r) => coupon.partnerId === undefined || r.partnerId === coupon.partnerId);
  const weights = rows.map((r, i) => (funded[i] ? r.earningMinor : 0));
  const allZero = weights.every((w) => w === 0);
  const parts = allocate(money(coupon.amountMinor, currency), allZero ? funded.map((f) => (f ? 1 : 0)) : weights).map(
    (m) => m.amount,
  );
  return rows.map((r, i) => ({
    ...r,
    earningMinor: r.earningMinor + parts[i]!,
    couponReimbursementMinor: parts[i]!,
  }));
}

function applyFees(rows: EarningRow[], feeBps: (partnerId: string) => number, currency: string): SplitRow[] {
  const fees = new Array<number>(rows.length).fill(0);
  const bpsOf = new Map<string, number>();
  for (const partnerId of new Set(rows.map((r) => r.partnerId))) {
    const bps = checkedBps(feeBps(partnerId), partnerId);
    bpsOf.set(partnerId, bps);
    const indexes = rows.flatMap((r, i) => (r.partnerId === partnerId ? [i] : []));
    const earned = indexes.reduce((sum, i) => sum + rows[i]!.earningMinor, 0);
    if (earned === 0) continue;
    const fee = percentage(money(earned, currency), bps, 'half-up');
    const parts = allocate(
      fee,
      indexes.map((i) => rows[i]!.earningMinor),
    );
    indexes.forEach((rowIndex, k) => (fees[rowIndex] = parts[k]!.amount));
  }
  return rows.map((r, i) => ({
    ...r,
    feeBps: bpsOf.get(r.partnerId)!,
    feeMinor: fees[i]!,
    shareMinor: r.earningMinor - fees[i]!,
  }));
}

function partnerTotals(rows: SplitRow[]): PartnerSplit[] {
  const byPartner = new Map<string, PartnerSplit>();
  for (const r of rows) {
    const p = byPartner.get(r.partnerId) ?? {
      partnerId: r.partnerId,
      earningMinor: 0,
      feeBps: r.feeBps,
      feeMinor: 0,
      shareMinor: 0,
    };
    p.earningMinor += r.earningMinor;
    p.feeMinor += r.feeMinor;
    p.shareMinor += r.shareMinor;
    byPartner.set(r.partnerId, p);
  }
  return [...byPartner.values()].sort((a, b) => (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0));
}

function checkedBps(bps: number, partnerId: string): number {
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

function validateInput(input: SplitInput): void {
  checkAmount(input.totalMinor, 'totalMinor');
  if (input.lines.length === 0) throw new SplitError('no_lines', 'a booking needs at least one line');
  const positions = new Map<number, SplitLine>();
  let sum = 0;
  for (const line of input.lines) {
    checkAmount(line.netMinor, `line ${line.position} netMinor`);
    checkAmount(line.supplierShareMinor, `line ${line.position} supplierShareMinor`);
    if (line.partnerId !== input.sellerPartnerId && line.supplierShareMinor > line.netMinor) {
      throw new SplitError(
        'supplier_share_exceeds_net',
        `line ${line.position}: supplier share ${line.supplierShareMinor} exceeds its net ${line.netMinor}`,
      );
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
  if (!coupon) return;
  checkAmount(coupon.amountMinor, 'couponFunding.amountMinor');
  if (
    coupon.partnerId !== undefined &&
    coupon.partnerId !== input.sellerPartnerId &&
    !input.lines.some((l) => l.partnerId === coupon.partnerId)
  ) {
    throw new SplitError(
      'coupon_partner_not_in_booking',
      `coupon partner ${coupon.partnerId} has no line in the booking`,
    );
  }
}
