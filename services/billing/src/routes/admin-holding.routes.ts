import { holdingParamsSchema, holdingSchema, putHoldingBodySchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BillingContext } from '../domain/context.ts';
import { partnerHolding, setPartnerHolding } from '../domain/holding.ts';

const tags = ['billing admin'];
const security = [{ bearer: [] }];

/**
 * A partner's holding period (admins only; others 403 `forbidden`). A change is audited and
 * applies to transfers scheduled from then on; transfers already scheduled keep their date.
 */
export function adminHoldingRoutes(app: ServiceApp, ctx: BillingContext): void {
  const admin = app.requireUser('admin');

  app.get(
    '/api/admin/billing/partners/:partnerId/holding',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: "A partner's holding period (days after the first service date); 404 partner_account_not_found",
        security,
        params: holdingParamsSchema,
        response: { 200: holdingSchema },
      },
    },
    async (request) => partnerHolding(ctx, request.params.partnerId),
  );

  app.put(
    '/api/admin/billing/partners/:partnerId/holding',
    {
      preHandler: admin,
      schema: {
        tags,
        summary:
          "Set a partner's holding period (0–365 days; future transfers only); 422 holding_days_out_of_range, 404 partner_account_not_found",
        security,
        params: holdingParamsSchema,
        body: putHoldingBodySchema,
        response: { 200: holdingSchema },
      },
    },
    async (request) => setPartnerHolding(ctx, request.user!.id, request.params.partnerId, request.body.holdingDays),
  );
}
