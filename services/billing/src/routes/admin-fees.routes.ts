import { z } from 'zod';
import { feeConfigSchema, feeRuleParamsSchema, feeRuleSchema, putFeeRuleBodySchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BillingContext } from '../domain/context.ts';
import { feeConfig, removeFeeRule, setFeeRule } from '../domain/fee-rules.ts';

const tags = ['billing admin'];
const security = [{ bearer: [] }];

/**
 * The platform fee rules (admins only; others 403 `forbidden`). A change is audited and applies
 * to payments from then on; bookings already split keep their basis points.
 */
export function adminFeesRoutes(app: ServiceApp, ctx: BillingContext): void {
  const admin = app.requireUser('admin');

  app.get(
    '/api/admin/billing/fees',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'The default platform fee and the rules by partner, partner type and globally',
        security,
        response: { 200: feeConfigSchema },
      },
    },
    async () => feeConfig(ctx),
  );

  app.put(
    '/api/admin/billing/fees',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Set a fee rule (1000–2000 bps); 422 fee_out_of_range, fee_scope_invalid',
        security,
        body: putFeeRuleBodySchema,
        response: { 200: feeRuleSchema },
      },
    },
    async (request) => setFeeRule(ctx, request.user!.id, request.body),
  );

  app.delete(
    '/api/admin/billing/fees/:scope/:scopeKey',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Remove a fee rule (the next less specific one applies again)',
        security,
        params: feeRuleParamsSchema,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await removeFeeRule(ctx, request.user!.id, request.params.scope, request.params.scopeKey);
      return reply.code(204).send(null);
    },
  );
}
