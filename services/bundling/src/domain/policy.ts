import type { CancellationPolicy } from '@tourconnect/contracts/http';
import { assertBps, assertMinor, bpsFloor, splitMinor, sumMinor } from './pricing/amounts.ts';
import { PricingError } from './pricing/pricing-error.ts';

/**
 * Cancellation policy arithmetic: how much of a booking is refundable at a given moment, and
 * how that refund splits over the booking's lines and partners. Pure: the caller passes `now`.
 */

const HOUR_MS = 3_600_000;

/**
 * Refund in basis points (10 000 = 100 %) for cancelling at `now` a booking that starts at
 * `startsAt`: the tier with the largest `hoursBefore` that is ≤ the hours left (with tiers in
 * the validated descending order, the first such tier). Hours left are exact, not rounded:
 * 47 h 59 min before the start does not reach a 48 h tier. Later than every tier, or at or
 * after the start, refunds nothing.
 */
export function refundBpsAt(policy: Pick<CancellationPolicy, 'tiers'>, startsAt: Date, now: Date): number {
  const msLeft = startsAt.getTime() - now.getTime();
  if (Number.isNaN(msLeft)) throw new PricingError('invalid_date', 'startsAt and now must be valid dates');
  if (msLeft <= 0) return 0;
  const hoursLeft = msLeft / HOUR_MS;
  let best: { hoursBefore: number; refundPercent: number } | undefined;
  for (const tier of policy.tiers) {
    if (tier.hoursBefore <= hoursLeft && (!best || tier.hoursBefore > best.hoursBefore)) best = tier;
  }
  return best ? best.refundPercent * 100 : 0;
}

/** floor(totalMinor × bps / 10 000): a refund never pays out the odd cent it cannot attribute. */
export function refundAmount(totalMinor: number, bps: number): number {
  assertMinor(totalMinor, 'total');
  assertBps(bps, 'refund');
  return bpsFloor(totalMinor, bps);
}

export interface RefundLineInput {
  readonly position: number;
  /** The item's partner (PricedLine.partnerId): the seller for its own items, else the supplier. */
  readonly partnerId: string;
  /** What the traveller paid for the line (PricedLine.netMinor). */
  readonly netMinor: number;
  /** What the item's partner is owed for the line (PricedLine.supplierShareMinor). */
  readonly supplierShareMinor: number;
}

export interface RefundSplit {
  readonly refundMinor: number;
  /** In input order; Σ = refundMinor. */
  readonly lines: readonly { position: number; partnerId: string; refundMinor: number }[];
  /**
   * The seller first, then the suppliers in the order their first line appears; Σ = refundMinor.
   * Every partner of the booking is listed, with 0 when it gives nothing back.
   */
  readonly partners: readonly { partnerId: string; refundMinor: number }[];
}

/**
 * Splits a refund of the traveller's money in two steps, each by largest remainder so every
 * sum is exact:
 *
 * 1. over the lines in proportion to what was paid for each (so no line gives back more than
 *    it brought in; this is each line's `refund_minor`);
 * 2. each line's part over the partners owed for it: the seller's own item → all to the
 *    seller; an item bundled from another partner → the supplier in proportion to its
 *    `supplierShareMinor` and the seller to its margin (`netMinor − supplierShareMinor`, none
 *    when a platform-funded coupon left the line below the supplier's share).
 *
 * So a partner gives back in proportion to what it is owed on the booking, not to whose item
 * the line is: the seller's margin on a bundled hotel night is the seller's to return.
 * Refusing more than was paid keeps every part within its line.
 */
export function splitRefund(
  lines: readonly RefundLineInput[],
  sellerPartnerId: string,
  refundMinor: number,
): RefundSplit {
  assertMinor(refundMinor, 'refund');
  lines.forEach((l) => {
    assertMinor(l.netMinor, `line ${l.position} net`);
    assertMinor(l.supplierShareMinor, `line ${l.position} supplier share`);
  });
  const paid = sumMinor(lines.map((l) => l.netMinor));
  if (refundMinor > paid) {
    throw new PricingError('refund_exceeds_paid', `a refund of ${refundMinor} exceeds the ${paid} paid`);
  }
  const parts = splitMinor(
    refundMinor,
    lines.map((l) => l.netMinor),
  );
  const perLine = lines.map((l, i) => ({ position: l.position, partnerId: l.partnerId, refundMinor: parts[i]! }));
  const perPartner = new Map<string, number>([[sellerPartnerId, 0]]);
  const add = (partnerId: string, amount: number) =>
    perPartner.set(partnerId, (perPartner.get(partnerId) ?? 0) + amount);
  lines.forEach((line, i) => {
    const lineRefund = parts[i]!;
    if (line.partnerId === sellerPartnerId) return void add(sellerPartnerId, lineRefund);
    const margin = Math.max(0, line.netMinor - line.supplierShareMinor);
    // A refunded line was paid for (net > 0), so share + margin > 0 and the weights split it.
    const [supplierPart, sellerPart] = splitMinor(lineRefund, [line.supplierShareMinor, margin]);
    add(line.partnerId, supplierPart!);
    add(sellerPartnerId, sellerPart!);
  });
  return {
    refundMinor,
    lines: perLine,
    partners: [...perPartner].map(([partnerId, amount]) => ({ partnerId, refundMinor: amount })),
  };
}
