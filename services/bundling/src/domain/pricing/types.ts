import type { DiscountRule, ItemKind, Party, UnitCode } from '@tourconnect/contracts/http';

/**
 * The pricing engine's input and output. Amounts are integer minor units of `currency`
 * (12900 with EUR is €129.00). Everything here is plain data: the engine reads no clock, no
 * database and no other service, so the same input always gives the same output.
 */

/** One priced unit band of a line: 2 × adult at 4500, or 2 × room-night at 12900. */
export interface PricingUnit {
  readonly code: UnitCode;
  readonly quantity: number;
  readonly unitPriceMinor: number;
}

/**
 * What the line's partner is owed. `own`: the line is the seller's own item (the seller is
 * owed the line's net). `net_rate`: another partner's item at a net rate for the whole line
 * (already multiplied out by the caller: Σ units × the unit's net rate). `commission`: another
 * partner's item; the seller keeps `commissionBps` of the line's gross, the supplier the rest.
 */
export type SupplierTerms =
  | { readonly kind: 'own' }
  | { readonly kind: 'net_rate'; readonly netRateMinor: number }
  | { readonly kind: 'commission'; readonly commissionBps: number };

export interface PricingLine {
  /** Unique within the package; outputs carry it so callers merge titles and dates back. */
  readonly position: number;
  readonly itemId: string;
  readonly itemKind: ItemKind;
  readonly partnerId: string;
  /** The item's currency when the caller knows it; it must equal the input's currency. */
  readonly currency?: string;
  readonly units: readonly PricingUnit[];
  readonly supplier: SupplierTerms;
}

export interface PricingContext {
  /** The package's first day, yyyy-mm-dd (local calendar date). */
  readonly travelDate: string;
  /** The day the quote or booking is made, yyyy-mm-dd, in the same local calendar. */
  readonly bookingDate: string;
  readonly party: Party;
}

/**
 * A coupon's effect as promotions resolves it. `percentage`: `bpsOrAmount` basis points of
 * the price after bundle discounts; `fixed`: `bpsOrAmount` minor units. `seller`-funded
 * coupons come out of the seller's margin; `platform`-funded ones are paid by the platform, so
 * no partner receives less.
 */
export interface CouponDiscount {
  readonly code: string;
  readonly kind: 'percentage' | 'fixed';
  readonly bpsOrAmount: number;
  readonly fundedBy: 'seller' | 'platform';
  /** Currency of a fixed amount when promotions states it; must equal the input's currency. */
  readonly currency?: string;
}

export interface PricingInput {
  readonly currency: string;
  /** The package's owner: it sells the package and funds bundle discounts from its margin. */
  readonly sellerPartnerId: string;
  readonly lines: readonly PricingLine[];
  /** Bundle discount rules, in the package's order (that order is the order they apply in). */
  readonly rules: readonly DiscountRule[];
  readonly context: PricingContext;
  readonly coupon?: CouponDiscount;
  /** Carried through untouched; promotions attributes it later. */
  readonly affiliateCode?: string;
}

export interface PricedLine {
  readonly position: number;
  readonly itemId: string;
  readonly itemKind: ItemKind;
  readonly partnerId: string;
  readonly units: readonly PricingUnit[];
  /** Σ quantity × unit price. */
  readonly grossMinor: number;
  /** This line's part of the bundle discount. */
  readonly bundleDiscountMinor: number;
  /** This line's part of the coupon discount (seller- or platform-funded). */
  readonly couponDiscountMinor: number;
  /** What the traveller pays for this line: gross − bundle discount − coupon discount. */
  readonly netMinor: number;
  /**
   * What the line's partner is owed for it: the net rate, or gross minus commission, for a
   * bundled line (discounts never touch it); for the seller's own line, its net plus any
   * platform-funded coupon part (the platform pays that part).
   */
  readonly supplierShareMinor: number;
}

export interface PricedPartner {
  readonly partnerId: string;
  /** What the traveller pays for this partner's lines (Σ line net). */
  readonly netMinor: number;
  /**
   * What this partner is owed: its supplier shares; for the seller, its own lines plus its
   * margins on bundled lines after the discounts it funds, plus any platform-funded coupon.
   */
  readonly payableMinor: number;
}

export interface AppliedRule {
  readonly ruleId: string;
  /** The amount actually taken off: can be below the rule's own amount (or 0) once the seller's margin is used up. */
  readonly amountMinor: number;
}

export interface AppliedCoupon {
  readonly code: string;
  readonly kind: 'percentage' | 'fixed';
  readonly fundedBy: 'seller' | 'platform';
  /** The amount actually taken off (capped; see PricingInput.coupon). */
  readonly amountMinor: number;
}

export interface PricedBundle {
  readonly currency: string;
  readonly sellerPartnerId: string;
  /** In input order. */
  readonly lines: readonly PricedLine[];
  /** The seller first, then other partners in the order their first line appears. */
  readonly partners: readonly PricedPartner[];
  /** Rules whose conditions held, in the package's order, with the amounts actually applied. */
  readonly appliedRules: readonly AppliedRule[];
  readonly subtotalMinor: number;
  readonly bundleDiscountMinor: number;
  readonly couponDiscountMinor: number;
  /** What the traveller pays: subtotal − bundle discount − coupon discount = Σ line net. */
  readonly totalMinor: number;
  readonly coupon: AppliedCoupon | null;
  /** The part of the coupon the platform pays (Σ partner payable = total + this). */
  readonly platformFundedMinor: number;
  readonly affiliateCode: string | null;
}
