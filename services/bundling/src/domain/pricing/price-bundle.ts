import { splitMinor, sumMinor } from './amounts.ts';
import { applyCoupon } from './coupon.ts';
import { applyDiscountRules, ruleFacts } from './discount-rules.ts';
import { lineBase, type LineBase } from './line-shares.ts';
import type { PricedBundle, PricedLine, PricedPartner, PricingInput } from './types.ts';
import { validatePricingInput } from './validate-input.ts';

/**
 * Prices a package for one party on one date. The steps, always in this order:
 *
 * (a) gross per line = Σ quantity × unit price; subtotal = Σ gross.
 * (b) supplier share per bundled line (net rate, or gross − floor(gross × commission bps /
 *     10 000)); the seller's discountable margin = own lines' gross + bundled lines' gross −
 *     supplier share.
 * (c) bundle discount rules whose conditions hold, in the package's order, each on the
 *     subtotal (no compounding), together capped at the margin.
 * (d) the coupon on the price after (c): seller-funded capped by the margin left,
 *     platform-funded by the price left. The affiliate code is carried through.
 * (e) the bundle discount is split over lines by their margin, a seller-funded coupon by the
 *     margin each line has left, a platform-funded one by each line's price left (largest
 *     remainder, so the parts sum exactly); line net = gross − both parts; partners sum their
 *     lines.
 *
 * Guarantees: Σ line net = total; Σ partner payable = total + platform-funded coupon; no
 * amount is negative; every non-seller partner is owed exactly its supplier shares, which the
 * discounts never touch. Throws PricingError on input it cannot price.
 */
export function priceBundle(input: PricingInput): PricedBundle {
  validatePricingInput(input);
  const { currency, lines } = input;
  const bases = lines.map(lineBase);
  const subtotalMinor = sumMinor(bases.map((b) => b.grossMinor));
  const marginMinor = sumMinor(bases.map((b) => b.marginMinor));

  const facts = ruleFacts(lines, input.context);
  const rules = applyDiscountRules(input.rules, facts, subtotalMinor, marginMinor);
  const bundleDiscountMinor = rules.totalMinor;
  const afterBundle = subtotalMinor - bundleDiscountMinor;
  const coupon = input.coupon ? applyCoupon(input.coupon, afterBundle, marginMinor - bundleDiscountMinor) : null;
  const couponDiscountMinor = coupon?.amountMinor ?? 0;
  const platformFunded = coupon?.fundedBy === 'platform';

  const bundleParts = splitMinor(
    bundleDiscountMinor,
    bases.map((b) => b.marginMinor),
    currency,
  );
  const couponWeights = bases.map((b, i) => (platformFunded ? b.grossMinor : b.marginMinor) - bundleParts[i]!);
  const couponParts = splitMinor(couponDiscountMinor, couponWeights, currency);

  const priced = lines.map((line, i): PricedLine => {
    const base = bases[i]!;
    const netMinor = base.grossMinor - bundleParts[i]! - couponParts[i]!;
    return {
      position: line.position,
      itemId: line.itemId,
      itemKind: line.itemKind,
      partnerId: line.partnerId,
      units: line.units.map((u) => ({ ...u })),
      grossMinor: base.grossMinor,
      bundleDiscountMinor: bundleParts[i]!,
      couponDiscountMinor: couponParts[i]!,
      netMinor,
      supplierShareMinor: base.bundledShareMinor ?? netMinor + (platformFunded ? couponParts[i]! : 0),
    };
  });

  const platformFundedMinor = platformFunded ? couponDiscountMinor : 0;
  return {
    currency,
    sellerPartnerId: input.sellerPartnerId,
    lines: priced,
    partners: partnerTotals(input.sellerPartnerId, priced, bases, platformFunded),
    appliedRules: rules.applied,
    subtotalMinor,
    bundleDiscountMinor,
    couponDiscountMinor,
    totalMinor: afterBundle - couponDiscountMinor,
    coupon,
    platformFundedMinor,
    affiliateCode: input.affiliateCode ?? null,
  };
}

/**
 * Per partner: net = Σ its lines' net. A bundled line's supplier is owed its share; the seller
 * is owed its own lines' share (their net plus any platform-funded coupon part) plus, on each
 * bundled line, what is paid for it beyond the supplier's share. That makes the seller's
 * payable its margin − bundle discount − seller-funded coupon, never negative.
 */
function partnerTotals(
  sellerPartnerId: string,
  lines: readonly PricedLine[],
  bases: readonly LineBase[],
  platformFunded: boolean,
): PricedPartner[] {
  const totals = new Map<string, { netMinor: number; payableMinor: number }>();
  const seller = { netMinor: 0, payableMinor: 0 };
  totals.set(sellerPartnerId, seller);
  lines.forEach((line, i) => {
    const entry = totals.get(line.partnerId) ?? { netMinor: 0, payableMinor: 0 };
    totals.set(line.partnerId, entry);
    entry.netMinor += line.netMinor;
    entry.payableMinor += line.supplierShareMinor;
    if (bases[i]!.bundledShareMinor === null) return;
    // The seller's margin on a bundled line: what is paid for it (by the traveller, and by the
    // platform for its coupon part) beyond the supplier's share.
    const platformPart = platformFunded ? line.couponDiscountMinor : 0;
    seller.payableMinor += line.netMinor + platformPart - line.supplierShareMinor;
  });
  return [...totals].map(([partnerId, t]) => ({ partnerId, netMinor: t.netMinor, payableMinor: t.payableMinor }));
}
