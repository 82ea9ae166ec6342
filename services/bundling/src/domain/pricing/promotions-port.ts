import type { CouponDiscount } from './types.ts';

/** Why a coupon code gives nothing; each is a stable code the portal translates. */
export type CouponErrorCode =
  'coupon_not_found' | 'coupon_expired' | 'coupon_not_applicable' | 'coupon_exhausted' | 'coupon_currency_mismatch';

/** What promotions needs to decide whether a code applies to this quote. */
export interface CouponContext {
  readonly currency: string;
  readonly sellerPartnerId: string;
  readonly packageId: string;
  /** yyyy-mm-dd, as in PricingContext. */
  readonly travelDate: string;
  readonly bookingDate: string;
  /** The price before any coupon (after bundle discounts), for minimum-spend coupons. */
  readonly amountMinor?: number;
  /** The traveller, for one-per-customer coupons; absent on anonymous quotes. */
  readonly userId?: string;
}

export type CouponResolution = CouponDiscount | { readonly error: CouponErrorCode };

/**
 * Where coupon codes are resolved. The promotions service plugs in here; the pricing engine
 * only ever sees the resolved CouponDiscount.
 */
export interface PromotionsPort {
  resolveCoupon(code: string, context: CouponContext): Promise<CouponResolution>;
}

/** Until promotions exists no code is known, and saying so is the honest answer. */
export const noPromotions: PromotionsPort = {
  resolveCoupon: () => Promise.resolve({ error: 'coupon_not_found' }),
};

export function isCouponError(resolution: CouponResolution): resolution is { readonly error: CouponErrorCode } {
  return 'error' in resolution;
}
