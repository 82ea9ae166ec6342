import {
  checkoutParamsSchema,
  checkoutRequestSchema,
  checkoutResponseSchema,
  confirmPaymentRequestSchema,
  confirmPaymentResponseSchema,
  paymentParamsSchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import { checkout } from '../domain/checkout.ts';
import type { BillingContext } from '../domain/context.ts';
import { confirmPayment } from '../domain/payment-confirm.ts';

const tags = ['checkout'];
const bearer = [{ bearer: [] }];

/** Paying a held booking: its PaymentIntent, and (emulator mode) confirming it with a test card. */
export function checkoutRoutes(app: ServiceApp, ctx: BillingContext): void {
  app.post(
    '/api/billing/packages/:packageId/checkout',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "The PaymentIntent of the caller's held booking (created once; a repeat answers the same one)",
        description:
          '201 when created, 200 when it existed. 404 booking_not_found (also for another traveller’s booking), 409 booking_expired, booking_cancelled, booking_already_paid, partner_payouts_not_ready.',
        security: bearer,
        params: checkoutParamsSchema,
        body: checkoutRequestSchema,
        response: { 200: checkoutResponseSchema, 201: checkoutResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await checkout(ctx, request.user!, request.params.packageId, request.body.bookingId);
      return reply.status(result.created ? 201 : 200).send(result.checkout);
    },
  );

  app.post(
    '/api/billing/payments/:paymentId/confirm',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Emulator mode: confirm the payment with a test card (real Stripe: Stripe.js confirms)',
        description:
          'A 3-D Secure card answers requires_action with redirectUrl (the bank’s page, which returns to /checkout/:bookingId with redirect_status). 402 card_declined with the decline code in errors[0].code; 404 payment_not_found; 409 stripe_mode_real, booking_expired, booking_already_paid.',
        security: bearer,
        params: paymentParamsSchema,
        body: confirmPaymentRequestSchema,
        response: { 200: confirmPaymentResponseSchema },
      },
    },
    async (request) => confirmPayment(ctx, request.user!, request.params.paymentId, request.body),
  );
}
