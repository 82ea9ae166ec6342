import type Stripe from 'stripe';
import type { PaymentStatus } from '../db/payments.repository.ts';

/** Stripe's PaymentIntent status in the payments row's words. */
export function paymentStatusOf(status: Stripe.PaymentIntent.Status): PaymentStatus {
  switch (status) {
    case 'succeeded':
      return 'succeeded';
    case 'processing':
    case 'requires_capture':
      return 'processing';
    case 'canceled':
      return 'canceled';
    default:
      return 'requires_payment_method';
  }
}
