import {
  partnerBalanceSchema,
  partnerPayoutsSchema,
  partnerTransfersQuerySchema,
  partnerTransfersSchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BillingContext } from '../domain/context.ts';
import { partnerBalance, partnerPayouts, partnerTransfers } from '../domain/payouts.ts';

const tags = ['partner money'];
const bearer = [{ bearer: [] }];

/** The caller's partner's balance, transfers and payouts (any member; the partner from the token's user). */
export function partnerMoneyRoutes(app: ServiceApp, ctx: BillingContext): void {
  app.get(
    '/api/billing/partner/balance',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "The connected account's available and pending funds per currency (empty before onboarding)",
        description: '403 not_a_partner.',
        security: bearer,
        response: { 200: partnerBalanceSchema },
      },
    },
    async (request) => partnerBalance(ctx, request.user!),
  );

  app.get(
    '/api/billing/partner/transfers',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "The partner's shares transferred (or due) per booking, newest first, 50 a page",
        description: 'Next page: `cursor` = the last id of this one. 403 not_a_partner.',
        security: bearer,
        querystring: partnerTransfersQuerySchema,
        response: { 200: partnerTransfersSchema },
      },
    },
    async (request) => partnerTransfers(ctx, request.user!, request.query.cursor),
  );

  app.get(
    '/api/billing/partner/payouts',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "Payouts from the partner's Stripe balance to its bank, newest first",
        description: '403 not_a_partner.',
        security: bearer,
        response: { 200: partnerPayoutsSchema },
      },
    },
    async (request) => partnerPayouts(ctx, request.user!),
  );
}
