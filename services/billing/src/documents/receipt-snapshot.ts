/**
 * What a receipt prints, frozen when it is issued: a later rename of a partner or the package
 * never changes a receipt the traveller already holds.
 */
export interface ReceiptLine {
  position: number;
  itemType: string;
  /** The item's title as the traveller booked it (absent on receipts issued before titles were sent). */
  title?: string;
  /** The supplying partner's name as billing's partners projection knew it (null if unknown). */
  partnerName: string | null;
  quantity: number;
  unitPriceMinor: number;
  grossMinor: number;
  discountMinor: number;
  totalMinor: number;
}

export interface ReceiptSnapshot {
  version: 1;
  bookingId: string;
  packageTitle: string;
  sellerName: string | null;
  /** ISO instant the payment succeeded. */
  paidAt: string;
  currency: string;
  lines: ReceiptLine[];
  subtotalMinor: number;
  bundleDiscountMinor: number;
  couponDiscountMinor: number;
  couponCode: string | null;
  totalMinor: number;
  /** From the charge's payment_method_details (stored Stripe event), when billing has it. */
  paymentMethod: { brand: string; last4: string } | null;
}
