import { z } from 'zod';

/**
 * billing's checkout API as the service validates it and the portal reads it: one Stripe
 * PaymentIntent per booking, the amount always the booking's (never the client's). Amounts are
 * integer minor units of `currency`.
 */

export const checkoutPaymentStatuses = [
  'requires_payment_method',
  'processing',
  'succeeded',
  'failed',
  'canceled',
] as const;
export const checkoutPaymentStatusSchema = z.enum(checkoutPaymentStatuses);
export type CheckoutPaymentStatus = z.infer<typeof checkoutPaymentStatusSchema>;

/** The emulator's test payment methods the portal's test-card form offers (emulator mode only). */
export const testPaymentMethods = [
  'pm_card_visa',
  'pm_card_mastercard',
  'pm_card_amex',
  'pm_card_chargeDeclined',
  'pm_card_insufficientFunds',
  'pm_card_expiredCard',
  'pm_card_incorrectCvc',
  'pm_card_processingError',
  'pm_card_authenticationRequired',
  'pm_card_createDispute',
] as const;
export const testPaymentMethodSchema = z.enum(testPaymentMethods, { message: 'invalid_payment_method' });

export const checkoutParamsSchema = z.object({ packageId: z.uuid({ message: 'invalid_id' }) });
export const checkoutRequestSchema = z.object({ bookingId: z.uuid({ message: 'invalid_id' }) });
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

export const testCardSchema = z.object({ id: testPaymentMethodSchema, label: z.string() });
export type TestCard = z.infer<typeof testCardSchema>;

export const checkoutResponseSchema = z.object({
  paymentId: z.uuid(),
  bookingId: z.uuid(),
  paymentIntentId: z.string(),
  /** For Stripe.js (real mode); the emulator's form confirms through /payments/:id/confirm. */
  clientSecret: z.string().nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  status: checkoutPaymentStatusSchema,
  mode: z.enum(['emulator', 'stripe']),
  publishableKey: z.string().nullable(),
  /** Emulator mode only (empty against real Stripe). */
  testCards: z.array(testCardSchema),
  holdExpiresAt: z.string(),
});
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>;

export const paymentParamsSchema = z.object({ paymentId: z.uuid({ message: 'invalid_id' }) });
export const confirmPaymentRequestSchema = z.object({ paymentMethod: testPaymentMethodSchema });
export type ConfirmPaymentRequest = z.infer<typeof confirmPaymentRequestSchema>;

/**
 * A declined card answers 402 problem `card_declined` with the decline code as
 * `errors[0].code` (path `paymentMethod`), e.g. `insufficient_funds`. A card whose bank asks for
 * 3-D Secure answers `requires_action` with `redirectUrl`, the bank's page; the bank sends the
 * traveller back to the checkout page with `redirect_status` (`succeeded`/`failed`) in the query.
 */
export const confirmPaymentResponseSchema = z.object({
  status: z.enum(['succeeded', 'requires_payment_method', 'processing', 'requires_action']),
  declineCode: z.string().optional(),
  message: z.string().optional(),
  redirectUrl: z.string().optional(),
});
export type ConfirmPaymentResponse = z.infer<typeof confirmPaymentResponseSchema>;

export const bookingPaymentParamsSchema = z.object({ bookingId: z.uuid({ message: 'invalid_id' }) });
export const bookingPaymentSchema = z.object({
  status: checkoutPaymentStatusSchema,
  amountMinor: z.number().int(),
  currency: z.string(),
  amountRefundedMinor: z.number().int(),
  refunds: z.array(
    z.object({
      id: z.uuid(),
      amountMinor: z.number().int(),
      status: z.enum(['pending', 'sending', 'succeeded', 'failed']),
      createdAt: z.string(),
    }),
  ),
  receiptAvailable: z.boolean(),
});
export type BookingPayment = z.infer<typeof bookingPaymentSchema>;
