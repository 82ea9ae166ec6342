import { bookingPaymentParamsSchema, bookingPaymentSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BillingContext } from '../domain/context.ts';
import { bookingPayment } from '../domain/payment-reads.ts';

/** A booking's payment and refunds, for the traveller who booked (or an admin). */
export function paymentsRoutes(app: ServiceApp, ctx: BillingContext): void {
  app.get(
    '/api/billing/payments/booking/:bookingId',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['checkout'],
        summary: "A booking's payment: status, amount, what was refunded, whether a receipt exists",
        description: '404 payment_not_found when there is none or the booking is another traveller’s.',
        security: [{ bearer: [] }],
        params: bookingPaymentParamsSchema,
        response: { 200: bookingPaymentSchema },
      },
    },
    async (request) => bookingPayment(ctx, request.user!, request.params.bookingId),
  );
}
