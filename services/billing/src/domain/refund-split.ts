/**
 * Who gives back what of a refund. A refund of traveller money is paid by the platform to the
 * traveller (Stripe Refund on the charge) and recovered from the parts the charge was split
 * into: each partner's share (a Transfer reversal, or a smaller transfer if it has not been
 * sent yet) and the platform's fee (the platform simply keeps less). Pure, integers only.
 *
 * Two ways to split, both exact (Σ reversals + platformRefundMinor = refundMinor) and both
 * never taking more from a part than remains of it:
 *
 * - splitRefundByPartner — the refund flow uses this one whenever bundling gives the refund
 *   per partner (bundling.booking.cancelled.v1 `refunds[]`, split by what each partner is owed:
 *   a bundled line's supplier its share, the seller its margin): a cancellation that refunds
 *   only some items then reverses only the partners owed for those items. Each partner's
 *   refund is split in two, in proportion to its share and the platform fee on its earnings
 *   in the booking's split: the share part is reversed from the partner, the fee part is the
 *   platform's refund. If an earlier refund already took what this asks of a part, it falls
 *   back to splitRefund (method 'pro_rata').
 * - splitRefund (an admin refund, a refund without per-partner attribution, or a booking that
 *   was already partly refunded when the attribution no longer fits): pro rata over what
 *   remains of every part (each partner's share not yet reversed and the platform's fee not yet
 *   refunded), largest remainder.
 *
 * Rounding: largest remainder keeps every part within one minor unit of its exact proportion.
 * Across different refund amounts a part can therefore be one unit smaller for a larger refund
 * (the Alabama paradox of largest remainder, with three or more parts); it never differs by
 * more than one unit. Within splitRefundByPartner each partner's refund is split in two
 * (share vs fee), where largest remainder is monotone.
 */
import { allocate, money } from '@tourconnect/money';

export interface RefundPartnerPart {
  partnerId: string;
  /** The Transfer the share went out with; null while it has not been sent. */
  transferId: string | null;
  /** The partner's share of the charge (from the split). */
  shareMinor: number;
  /** Already taken back by earlier refunds (reversals, sent or planned). */
  alreadyReversedMinor: number;
}

export interface RefundSplitInput {
  refundMinor: number;
  chargedMinor: number;
  platformFeeMinor: number;
  /** Σ earlier refunds of this charge. */
  alreadyRefundedMinor: number;
  partners: readonly RefundPartnerPart[];
  /**
   * The platform fee earlier refunds gave back; defaults to alreadyRefundedMinor − Σ
   * alreadyReversedMinor (every earlier refund was split here too).
   */
  alreadyPlatformRefundedMinor?: number | undefined;
}

export interface Reversal {
  partnerId: string;
  transferId: string | null;
  amountMinor: number;
}

export interface RefundSplitResult {
  /** One per partner given, in input order; amountMinor may be 0 (nothing to reverse then). */
  reversals: Reversal[];
  platformRefundMinor: number;
  /** Which split decided: 'by_partner' (bundling's attribution) or 'pro_rata'. */
  method: 'by_partner' | 'pro_rata';
}

export type RefundSplitErrorCode = 'invalid_amount' | 'refund_exceeds_payment' | 'inconsistent_split';

export class RefundSplitError extends Error {
  override readonly name = 'RefundSplitError';
  constructor(
    readonly code: RefundSplitErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// Currency does not change an allocation; allocate() only needs a valid one.
const UNIT = 'EUR';
const alloc = (total: number, weights: number[]) => allocate(money(total, UNIT), weights).map((m) => m.amount);

export function splitRefund(input: RefundSplitInput): RefundSplitResult {
  const remaining = remainingParts(input);
  const weights = [...remaining.partners, remaining.platform];
  const parts = input.refundMinor === 0 ? weights.map(() => 0) : alloc(input.refundMinor, weights);
  return {
    reversals: input.partners.map((p, i) => ({
      partnerId: p.partnerId,
      transferId: p.transferId,
      amountMinor: parts[i]!,
    })),
    platformRefundMinor: parts[parts.length - 1]!,
    method: 'pro_rata',
  };
}

export interface RefundByPartnerPart extends RefundPartnerPart {
  /** The platform fee taken on this partner's earnings (split partners[].feeMinor); else Σ of its rows. */
  feeMinor?: number | undefined;
  /** What the platform added to the partner's earnings for a coupon it funded; else Σ of its rows. */
  couponReimbursementMinor?: number | undefined;
}

/** A split row of the booking as booking_splits holds it. */
export interface RefundSplitRow {
  position: number;
  partnerId: string;
  shareMinor: number;
  feeMinor: number;
  couponReimbursementMinor?: number | undefined;
}

export interface RefundByPartnerInput extends RefundSplitInput {
  partners: readonly RefundByPartnerPart[];
  /** bundling's refunds[]: each partner's part of the refund, by what it is owed; Σ = refundMinor. */
  partnerRefunds: readonly { partnerId: string; refundMinor: number }[];
  /** The booking's split rows: each partner's fee when partners[] does not carry it. */
  rows?: readonly RefundSplitRow[] | undefined;
  /** Not needed since bundling attributes refunds by what each partner is owed; accepted and ignored. */
  lines?: readonly { position: number; partnerId: string }[] | undefined;
}

export function splitRefundByPartner(input: RefundByPartnerInput): RefundSplitResult {
  const remaining = remainingParts(input);
  const attributed = input.partnerRefunds.reduce((sum, r) => sum + checked(r.refundMinor, 'partner refund'), 0);
  if (attributed !== input.refundMinor) {
    throw new RefundSplitError(
      'inconsistent_split',
      `per-partner refunds sum to ${attributed}, the refund is ${input.refundMinor}`,
    );
  }
  const refundOf = new Map<string, number>();
  for (const r of input.partnerRefunds) refundOf.set(r.partnerId, (refundOf.get(r.partnerId) ?? 0) + r.refundMinor);
  if ([...refundOf.keys()].some((id) => !input.partners.some((p) => p.partnerId === id))) return splitRefund(input);
  let platform = 0;
  const reversals: Reversal[] = [];
  for (const p of input.partners) {
    const refund = refundOf.get(p.partnerId) ?? 0;
    // The traveller money behind the partner's earnings: its share, and the fee the platform
    // kept on it net of any coupon the platform paid the partner.
    const { feeMinor, couponMinor } = partnerFee(p, input.rows ?? []);
    const weights = [p.shareMinor, Math.max(0, feeMinor - couponMinor)];
    if (refund > 0 && weights[0]! + weights[1]! < refund) return splitRefund(input);
    const [reversal, fee] = refund === 0 ? [0, 0] : alloc(refund, weights);
    reversals.push({ partnerId: p.partnerId, transferId: p.transferId, amountMinor: reversal! });
    platform += fee!;
  }
  const fits = platform <= remaining.platform && reversals.every((r, i) => r.amountMinor <= remaining.partners[i]!);
  // An earlier refund already took part of what the attribution asks for: fall back to pro rata.
  if (!fits) return splitRefund(input);
  return { reversals, platformRefundMinor: platform, method: 'by_partner' };
}

function partnerFee(
  p: RefundByPartnerPart,
  rows: readonly RefundSplitRow[],
): { feeMinor: number; couponMinor: number } {
  const own = rows.filter((r) => r.partnerId === p.partnerId);
  const feeMinor = p.feeMinor ?? own.reduce((sum, r) => sum + r.feeMinor, 0);
  const couponMinor = p.couponReimbursementMinor ?? own.reduce((sum, r) => sum + (r.couponReimbursementMinor ?? 0), 0);
  return { feeMinor: checked(feeMinor, 'feeMinor'), couponMinor: checked(couponMinor, 'couponReimbursementMinor') };
}

function remainingParts(input: RefundSplitInput): { partners: number[]; platform: number } {
  const refund = checked(input.refundMinor, 'refundMinor');
  const charged = checked(input.chargedMinor, 'chargedMinor');
  const fee = checked(input.platformFeeMinor, 'platformFeeMinor');
  const refunded = checked(input.alreadyRefundedMinor, 'alreadyRefundedMinor');
  const shares = input.partners.reduce((sum, p) => sum + checked(p.shareMinor, 'shareMinor'), 0);
  if (shares + fee !== charged) {
    throw new RefundSplitError('inconsistent_split', `shares ${shares} + fee ${fee} ≠ charged ${charged}`);
  }
  if (refund > charged - refunded) {
    throw new RefundSplitError(
      'refund_exceeds_payment',
      `a refund of ${refund} exceeds the ${charged - refunded} left of the ${charged} charged`,
    );
  }
  const partners = input.partners.map((p) => {
    const reversed = checked(p.alreadyReversedMinor, 'alreadyReversedMinor');
    if (reversed > p.shareMinor) {
      throw new RefundSplitError('inconsistent_split', `partner ${p.partnerId} had more reversed than its share`);
    }
    return p.shareMinor - reversed;
  });
  const reversedSum = input.partners.reduce((sum, p) => sum + p.alreadyReversedMinor, 0);
  const platformRefunded = checked(
    input.alreadyPlatformRefundedMinor ?? Math.max(0, refunded - reversedSum),
    'alreadyPlatformRefundedMinor',
  );
  const platform = Math.max(0, fee - platformRefunded);
  if (refund > partners.reduce((a, b) => a + b, 0) + platform) {
    throw new RefundSplitError('refund_exceeds_payment', `a refund of ${refund} exceeds what remains of the parts`);
  }
  return { partners, platform };
}

function checked(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RefundSplitError('invalid_amount', `${what} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}
