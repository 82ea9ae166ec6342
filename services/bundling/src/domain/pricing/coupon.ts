import { bpsFloor } from './amounts.ts';
import type { AppliedCoupon, CouponDiscount } from './types.ts';

/**
 * (d) The coupon, after the bundle discounts: a percentage is floor(bps × the price after
 * bundle discounts / 10 000), a fixed amount is as given. A seller-funded coupon is capped by
 * the seller's margin left after the bundle discounts; a platform-funded one by what the
 * traveller still pays (the platform can give away up to the whole price, no partner loses).
 */
export function applyCoupon(coupon: CouponDiscount, afterBundleMinor: number, marginLeftMinor: number): AppliedCoupon {
  const own = coupon.kind === 'percentage' ? bpsFloor(afterBundleMinor, coupon.bpsOrAmount) : coupon.bpsOrAmount;
  const cap = coupon.fundedBy === 'seller' ? marginLeftMinor : afterBundleMinor;
  return { code: coupon.code, kind: coupon.kind, fundedBy: coupon.fundedBy, amountMinor: Math.min(own, cap) };
}
