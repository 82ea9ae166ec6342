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
 * Promotions (bundling's pricing decides the discounts; billing only settles them):
 * - couponFunding.fundedBy 'partner' (bundling: 'seller'): the coupon came out of the seller's
 *   margin, already inside netMinor; nothing changes, the coupon is only reported.
 * - couponFunding.fundedBy 'platform': the traveller paid the discounted total and the
 *   platform pays the coupon to the partners, so no partner receives less. Each line's part of
 *   the coupon is `platformFundedMinor` (bundling's line couponDiscountMinor); lines that do
 *   not carry it get the amount split over them by largest remainder in proportion to their
 *   net (only over couponFunding.partnerId's lines when it is set). That part is added to the
 *   seller's earning on the line (a supplier's share is never touched by discounts, so on a
 *   bundled line the seller's margin is net + part − supplierShare, as bundling prices it;
 *   bundling sets an own line's supplierShareMinor to net + part). The fee is taken on these
 *   earnings — the seller ends as if the traveller had paid the undiscounted price — and the
 *   platform's fee is reduced by the coupon:
 *     platformFeeMinor = Σ row fees − amount.
 *   Σ shares + platformFeeMinor = (totalMinor + amount) − amount = totalMinor: the coupon
 *   moves money from the platform's fee to the partners and creates none. The platform can only
 *   fund it from its own fee on the booking (no transfer may exceed what the charge brought
 *   in): amount > Σ row fees → SplitError 'coupon_exceeds_platform_fee'.
 * - affiliateCommissionMinor is paid FROM the platform fee (after the coupon):
 *   platformRevenueMinor = platformFeeMinor − affiliateCommissionMinor; a commission above the
 *   fee → SplitError 'affiliate_exceeds_platform_fee'. Partners' shares do not change.
 *
 * Invariant (every result): Σ partners.shareMinor + platformFeeMinor = totalMinor.
 * Rows are ordered by position (supplier before seller); partners by partnerId. A partner whose
 * share is 0 is still listed (it gets no transfer).
 */
import { allocate, money, percentage } from '@tourconnect/money';
import { SplitError, assertSupplierShares, checkedBps, validateInput } from './split-input.ts';

export { SplitError, type SplitErrorCode } from './split-input.ts';

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
  /** The line's part of a platform-funded coupon (bundling's line couponDiscountMinor when the platform funds it). */
  platformFundedMinor?: number | undefined;
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
  /** What the partner is owed for the line before the fee (platform-funded coupon part included). */
  earningMinor: number;
  /** The part of earningMinor the platform pays for its coupon (0 otherwise; seller rows only). */
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

export function splitPayment(input: SplitInput): SplitResult {
  validateInput(input);
  const coupon = input.couponFunding;
  const lines = withPlatformParts(mergeByPosition(input.lines), coupon, input.currency);
  assertSupplierShares(lines, input.sellerPartnerId);
  const rows = applyFees(earningRows(lines, input.sellerPartnerId), input.feeBps, input.currency);
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
            ...(seen.platformFundedMinor !== undefined || line.platformFundedMinor !== undefined
              ? { platformFundedMinor: (seen.platformFundedMinor ?? 0) + (line.platformFundedMinor ?? 0) }
              : {}),
          }
        : { ...line },
    );
  }
  return [...merged.values()];
}

type EarningRow = Omit<SplitRow, 'feeBps' | 'feeMinor' | 'shareMinor'>;
type PricedLine = SplitLine & { platformFundedMinor: number };

function earningRows(lines: readonly PricedLine[], seller: string): EarningRow[] {
  const sorted = [...lines].sort((a, b) => a.position - b.position);
  return sorted.flatMap((line): EarningRow[] => {
    const base = { position: line.position, itemId: line.itemId, itemType: line.itemType };
    const sellerRow = (earningMinor: number): EarningRow => ({
      ...base,
      partnerId: seller,
      role: 'seller',
      earningMinor,
      couponReimbursementMinor: line.platformFundedMinor,
    });
    if (line.partnerId === seller) return [sellerRow(line.netMinor + line.platformFundedMinor)];
    return [
      {
        ...base,
        partnerId: line.partnerId,
        role: 'supplier',
        earningMinor: line.supplierShareMinor,
        couponReimbursementMinor: 0,
      },
      sellerRow(line.netMinor + line.platformFundedMinor - line.supplierShareMinor),
    ];
  });
}

/**
 * Each line's part of a platform-funded coupon: as the lines carry it, or the amount split
 * over the (coupon partner's) lines by net, equally when those nets are all 0.
 */
function withPlatformParts(
  lines: readonly SplitLine[],
  coupon: CouponFunding | undefined,
  currency: string,
): PricedLine[] {
  const amount = coupon?.fundedBy === 'platform' ? coupon.amountMinor : 0;
  if (lines.some((l) => l.platformFundedMinor !== undefined) || amount === 0) {
    return lines.map((l) => ({ ...l, platformFundedMinor: l.platformFundedMinor ?? 0 }));
  }
  const eligible = lines.map((l) => coupon?.partnerId === undefined || l.partnerId === coupon.partnerId);
  const nets = lines.map((l, i) => (eligible[i] ? l.netMinor : 0));
  const weights = nets.every((n) => n === 0) ? eligible.map((e) => (e ? 1 : 0)) : nets;
  const parts = allocate(money(amount, currency), weights).map((m) => m.amount);
  return lines.map((l, i) => ({ ...l, platformFundedMinor: parts[i]! }));
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

/** A supplier's share is paid from what its line brings in: the traveller's net plus the platform's coupon part. */
