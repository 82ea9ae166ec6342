import {
  connectOnboardRequestSchema,
  connectOnboardResponseSchema,
  connectStatusSchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import { connectStatus, onboardPartner } from '../domain/connect.ts';
import type { BillingContext } from '../domain/context.ts';

const tags = ['connect'];
const bearer = [{ bearer: [] }];

/** Stripe Connect onboarding of the caller's partner (the partner from the members projection, never the request). */
export function connectRoutes(app: ServiceApp, ctx: BillingContext): void {
  app.post(
    '/api/billing/connect/onboard',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "Creates the partner's Express account once and returns a fresh onboarding link",
        description:
          'Owner or manager of a verified partner. 403 not_a_partner, partner_role_forbidden; 409 partner_not_verified; 400 validation_failed (connect_url_not_allowed) for a return or refresh link off the portal.',
        security: bearer,
        body: connectOnboardRequestSchema,
        response: { 200: connectOnboardResponseSchema },
      },
    },
    async (request) => onboardPartner(ctx, request.user!, request.body),
  );

  app.get(
    '/api/billing/connect/status',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "The partner's Connect account: none, pending, restricted or enabled, and what Stripe still needs",
        description: 'Any member of the partner. 403 not_a_partner.',
        security: bearer,
        response: { 200: connectStatusSchema },
      },
    },
    async (request) => connectStatus(ctx, request.user!),
  );
}
