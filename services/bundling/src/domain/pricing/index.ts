/**
 * The bundling pricing engine: pure functions, no I/O. `priceBundle` turns a package's lines,
 * rules, travel context and an optional resolved coupon into a breakdown per line and per
 * partner that sums exactly; `PromotionsPort` is where coupon codes get resolved.
 */
export { priceBundle } from './price-bundle.ts';
export { PricingError, type PricingErrorCode } from './pricing-error.ts';
export { ruleApplies, ruleAmount, ruleFacts, type RuleFacts } from './discount-rules.ts';
export {
  noPromotions,
  isCouponError,
  type PromotionsPort,
  type CouponContext,
  type CouponResolution,
  type CouponErrorCode,
} from './promotions-port.ts';
export type {
  AppliedCoupon,
  AppliedRule,
  CouponDiscount,
  PricedBundle,
  PricedLine,
  PricedPartner,
  PricingContext,
  PricingInput,
  PricingLine,
  PricingUnit,
  SupplierTerms,
} from './types.ts';
