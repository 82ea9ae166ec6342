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
 * Platform fee — the seller's, on the whole sale. The seller sells the package and is the one the
 * platform charges; a supplier bundled at a net rate (or a commission) is paid exactly what its
 * contract with the seller says, with nothing taken from it:
 *   feeDue = round-half-up(Σ earnings × feeBps(seller) / 10 000)
 * (Σ earnings = what the lines bring in: the charge plus any platform-funded coupon), taken from
 * the seller's earnings and capped by them — the platform never reaches into a supplier's net
 * rate; what the cap leaves uncollected is reported as feeWaivedMinor. The fee is allocated over
 * the seller's earning rows by largest remainder (weights = earnings; each part ≤ its row).
 * Supplier rows: feeBps 0, feeMinor 0, share = earning. share = earning − fee ≥ 0 on every row.
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
  /** The seller's fee rate, in basis points. */
  feeBps: number;
  /** The fee the seller's rate asks for on the sale, before the cap by the seller's earnings. */
  feeDueMinor: number;
  /** feeDueMinor − Σ row fees: what the cap left uncollected (the seller's margin was smaller). */
  feeWaivedMinor: number;
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
  const fees = applySellerFee(
    earningRows(lines, input.sellerPartnerId),
    checkedBps(input.feeBps(input.sellerPartnerId), input.sellerPartnerId),
    input.currency,
  );
  const rows = fees.rows;
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
    feeBps: fees.bps,
    feeDueMinor: fees.dueMinor,
    feeWaivedMinor: fees.dueMinor - rowFees,
    platformFeeMinor,
    affiliateCommissionMinor,
    platformRevenueMinor: platformFeeMinor - affiliateCommissionMinor,
    coupon: coupon
      ? { fundedBy: coupon.fundedBy, partnerId: coupon.partnerId ?? null, amountMinor: coupon.amountMinor }
      : null,
  };
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

/** The seller's fee on the whole sale, capped by and allocated over the seller's own earning rows. */
function applySellerFee(
  rows: EarningRow[],
  bps: number,
  currency: string,
): { rows: SplitRow[]; bps: number; dueMinor: number } {
  const sale = rows.reduce((sum, r) => sum + r.earningMinor, 0);
  const dueMinor = sale === 0 ? 0 : percentage(money(sale, currency), bps, 'half-up').amount;
  const sellerIndexes = rows.flatMap((r, i) => (r.role === 'seller' ? [i] : []));
  const sellerEarned = sellerIndexes.reduce((sum, i) => sum + rows[i]!.earningMinor, 0);
  const fee = Math.min(dueMinor, sellerEarned);
  const fees = new Array<number>(rows.length).fill(0);
  if (fee > 0) {
    const parts = allocate(
      money(fee, currency),
      sellerIndexes.map((i) => rows[i]!.earningMinor),
    );
    sellerIndexes.forEach((rowIndex, k) => (fees[rowIndex] = parts[k]!.amount));
  }
  return {
    rows: rows.map((r, i) => ({
      ...r,
      feeBps: r.role === 'seller' ? bps : 0,
      feeMinor: fees[i]!,
      shareMinor: r.earningMinor - fees[i]!,
    })),
    bps,
    dueMinor,
  };
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
