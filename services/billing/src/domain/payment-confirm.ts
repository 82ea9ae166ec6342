import type Stripe from 'stripe';
import type { ConfirmPaymentRequest, ConfirmPaymentResponse } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { findBooking } from '../db/bookings.repository.ts';
import { findPayment } from '../db/payments.repository.ts';
import {
  bookingAlreadyPaid,
  bookingExpired,
  cardDeclined,
  paymentNotFound,
  paymentProviderUnavailable,
  stripeModeReal,
} from './checkout-errors.ts';
import type { BillingContext } from './context.ts';
import { isTransient } from './money-queue.ts';

type ConfirmStatus = ConfirmPaymentResponse['status'];

/**
 * Emulator mode only: confirms the caller's PaymentIntent with a test payment method, as
 * Stripe.js would in the browser. The outcome reaches billing through the webhook
 * (payment_intent.succeeded / payment_failed), which alone changes the payment and publishes;
 * this answers the traveller at once. A card whose bank asks for 3-D Secure answers
 * `requires_action` with the bank's page; the bank returns the traveller to the checkout page.
 */
export async function confirmPayment(
  ctx: BillingContext,
  caller: AuthUser,
  paymentId: string,
  request: ConfirmPaymentRequest,
): Promise<ConfirmPaymentResponse> {
  if (ctx.stripeMode !== 'emulator') throw stripeModeReal();
  const payment = await findPayment(ctx.db, paymentId);
  if (!payment || payment.userId !== caller.id) throw paymentNotFound();
  if (payment.status === 'succeeded') return { status: 'succeeded' };
  const booking = await ctx.db.transaction((tx) => findBooking(tx, payment.bookingId));
  if (booking?.status === 'confirmed') throw bookingAlreadyPaid();
  if (!booking || booking.status !== 'held' || booking.holdExpiresAt.getTime() <= Date.now()) throw bookingExpired();
  try {
    const intent = await ctx.stripe.paymentIntents.confirm(payment.paymentIntentId, {
      payment_method: request.paymentMethod,
      return_url: returnUrlOf(ctx, payment.bookingId),
    });
    return answerOf(intent);
  } catch (error) {
    const e = error as { type?: string; code?: string; decline_code?: string; message?: string };
    if (e?.type === 'StripeCardError') {
      throw cardDeclined(e.decline_code ?? e.code ?? 'card_declined', e.message ?? 'The card was declined');
    }
    if (e?.code === 'payment_intent_unexpected_state') {
      const intent = await ctx.stripe.paymentIntents.retrieve(payment.paymentIntentId);
      if (intent.status === 'succeeded') return { status: 'succeeded' };
      throw bookingExpired();
    }
    if (isTransient(error)) throw paymentProviderUnavailable();
    throw error;
  }
}

/** Where the bank's 3-D Secure page sends the traveller back: the booking's checkout page. */
function returnUrlOf(ctx: BillingContext, bookingId: string): string {
  return `${ctx.settings.PUBLIC_PORTAL_URL.replace(/\/$/, '')}/checkout/${encodeURIComponent(bookingId)}`;
}

/** The bank's page the portal redirects to; nothing changes in billing until the webhook says so. */
function answerOf(intent: Stripe.PaymentIntent): ConfirmPaymentResponse {
  const redirectUrl = intent.next_action?.redirect_to_url?.url;
  if (intent.status === 'requires_action' && redirectUrl) return { status: 'requires_action', redirectUrl };
  return { status: confirmStatusOf(intent.status) };
}

function confirmStatusOf(status: string): ConfirmStatus {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'processing' || status === 'requires_capture') return 'processing';
  return 'requires_payment_method';
}
