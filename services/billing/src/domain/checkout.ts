import type Stripe from 'stripe';
import type { CheckoutResponse, TestCard } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { findBooking, type BillingBookingRow } from '../db/bookings.repository.ts';
import { findPaymentByBooking, insertPayment, type PaymentRow } from '../db/payments.repository.ts';
import { findPartnerAccounts } from '../db/transfers.repository.ts';
import {
  bookingAlreadyPaid,
  bookingCancelled,
  bookingExpired,
  bookingNotFound,
  checkoutInProgress,
  partnerPayoutsNotReady,
  paymentProviderUnavailable,
} from './checkout-errors.ts';
import type { BillingContext } from './context.ts';
import { isTransient } from './money-queue.ts';
import { paymentStatusOf } from './payment-status.ts';

/** The emulator's test cards the portal offers in emulator mode (README of infra/stripe-emulator). */
export const TEST_CARDS: TestCard[] = [
  { id: 'pm_card_visa', label: 'Visa 4242 — succeeds' },
  { id: 'pm_card_mastercard', label: 'Mastercard 4444 — succeeds' },
  { id: 'pm_card_chargeDeclined', label: 'Visa 0002 — declined' },
  { id: 'pm_card_insufficientFunds', label: 'Visa 9995 — insufficient funds' },
  { id: 'pm_card_expiredCard', label: 'Visa 0069 — expired card' },
  { id: 'pm_card_authenticationRequired', label: 'Visa 3184 — 3-D Secure authentication' },
  { id: 'pm_card_createDispute', label: 'Visa 0259 — succeeds, then disputed' },
];

export interface CheckoutResult {
  checkout: CheckoutResponse;
  created: boolean;
}

/**
 * The caller's held booking of `packageId`, paid through one PaymentIntent: the amount is the
 * booking's (bundling's price), never the client's. A second checkout answers the same intent
 * (the payments row is unique per booking and Stripe's idempotency key derives from it).
 */
export async function checkout(
  ctx: BillingContext,
  caller: AuthUser,
  packageId: string,
  bookingId: string,
): Promise<CheckoutResult> {
  const { booking, payment } = await ctx.db.transaction(async (tx) => {
    const found = await findBooking(tx, bookingId);
    if (!found || found.userId !== caller.id || found.packageId !== packageId) throw bookingNotFound();
    const existing = await findPaymentByBooking(tx, bookingId);
    assertPayable(found, existing);
    const accounts = await findPartnerAccounts(tx, found.partnerIds);
    const ready = new Set(accounts.filter((a) => a.transfersActive).map((a) => a.partnerId));
    if (!found.partnerIds.every((id) => ready.has(id))) throw partnerPayoutsNotReady();
    return { booking: found, payment: existing };
  });
  if (payment) return { checkout: viewOf(ctx, booking, payment), created: false };
  const intent = await createIntent(ctx, booking);
  if (!('object' in intent)) return { checkout: viewOf(ctx, booking, intent), created: false };
  const inserted = await insertPayment(ctx.db, {
    id: crypto.randomUUID(),
    bookingId: booking.id,
    userId: booking.userId,
    paymentIntentId: intent.id,
    clientSecret: intent.client_secret,
    amountMinor: intent.amount,
    currency: intent.currency.toUpperCase(),
    status: paymentStatusOf(intent.status),
  });
  const row = inserted ?? (await findPaymentByBooking(ctx.db, booking.id));
  if (!row) throw new Error(`payment of booking ${booking.id} vanished`);
  return { checkout: viewOf(ctx, booking, row), created: inserted !== undefined };
}

function assertPayable(booking: BillingBookingRow, payment: PaymentRow | undefined): void {
  if (payment?.status === 'succeeded' || payment?.status === 'processing' || booking.status === 'confirmed') {
    throw bookingAlreadyPaid();
  }
  if (booking.status === 'cancelled') throw bookingCancelled();
  if (booking.status === 'expired' || booking.holdExpiresAt.getTime() <= Date.now()) throw bookingExpired();
  if (booking.totalMinor <= 0) throw bookingAlreadyPaid();
}

/**
 * A concurrent checkout of the same booking holds the idempotency key at Stripe (409) until its
 * request ends. The waiting one looks for the payment the other stores, and asks again with the
 * same key (Stripe then replays the same intent) — for at most this long, then answers 409
 * `checkout_in_progress`, which the portal turns into "try again".
 */
const KEY_IN_USE_BUDGET_MS = 15_000;

async function createIntent(
  ctx: BillingContext,
  booking: BillingBookingRow,
): Promise<Stripe.PaymentIntent | PaymentRow> {
  const deadline = Date.now() + KEY_IN_USE_BUDGET_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await ctx.stripe.paymentIntents.create(
        {
          amount: booking.totalMinor,
          currency: booking.currency.toLowerCase(),
          transfer_group: booking.id,
          automatic_payment_methods: { enabled: true },
          description: booking.packageTitle.slice(0, 200) || undefined,
          metadata: {
            booking_id: booking.id,
            package_id: booking.packageId,
            user_id: booking.userId,
            partner_ids: booking.partnerIds.join(',').slice(0, 500),
          },
        },
        { idempotencyKey: `checkout:${booking.id}` },
      );
    } catch (error) {
      const keyInUse = (error as { statusCode?: number }).statusCode === 409;
      if (keyInUse) {
        const stored = await findPaymentByBooking(ctx.db, booking.id);
        if (stored) return stored;
        if (Date.now() >= deadline) throw checkoutInProgress();
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * (attempt + 1), 500)));
        continue;
      }
      // Stripe unreachable or failing: nothing was stored; the same key makes the retry safe.
      if (isTransient(error)) throw paymentProviderUnavailable();
      throw error;
    }
  }
}

function viewOf(ctx: BillingContext, booking: BillingBookingRow, payment: PaymentRow): CheckoutResponse {
  const emulator = ctx.stripeMode === 'emulator';
  return {
    paymentId: payment.id,
    bookingId: booking.id,
    paymentIntentId: payment.paymentIntentId,
    clientSecret: payment.clientSecret,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    status: payment.status,
    mode: ctx.stripeMode,
    publishableKey: ctx.settings.STRIPE_PUBLISHABLE_KEY ?? null,
    testCards: emulator && !ctx.settings.STRIPE_PUBLISHABLE_KEY ? TEST_CARDS : [],
    holdExpiresAt: booking.holdExpiresAt.toISOString(),
  };
}
