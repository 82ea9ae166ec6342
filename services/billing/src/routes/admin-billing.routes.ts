import {
  adminDisputesSchema,
  moneyAuditPageSchema,
  moneyAuditQuerySchema,
  reconcileBodySchema,
  reconcileStartedSchema,
  reconciliationViewSchema,
} from '@tourconnect/contracts/http';
import { conflict, type ServiceApp } from '@tourconnect/service-kit';
import type { BillingContext } from '../domain/context.ts';
import { disputesView, moneyAuditPage, reconciliationView } from '../domain/money-oversight.ts';
import type { Reconciler } from '../domain/reconcile-jobs.ts';

const tags = ['billing admin'];
const security = [{ bearer: [] }];

/**
 * The admin's money oversight: reconciliation (run, results), disputes, the money audit log.
 * Admins only: other roles get 403 `forbidden`, anonymous callers 401. (The fee rules under
 * /api/admin/billing/fees are registered elsewhere.)
 */
export function adminBillingRoutes(app: ServiceApp, ctx: BillingContext, reconciler: Reconciler): void {
  const admin = app.requireUser('admin');

  app.post(
    '/api/admin/billing/reconcile',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Start a reconciliation of the ledger with Stripe (runs in the background; poll the results)',
        security,
        body: reconcileBodySchema,
        response: { 202: reconcileStartedSchema },
      },
    },
    async (request, reply) => {
      const since = request.body?.since;
      const started = await reconciler.request({
        trigger: 'admin',
        requestedBy: request.user!.id,
        ...(since ? { since: new Date(since) } : {}),
      });
      if (!started.ok) {
        throw conflict(
          'reconciliation_running',
          `Reconciliation ${started.runningRunId ?? ''} is still running`.trim(),
        );
      }
      return reply.code(202).send({ runId: started.runId });
    },
  );

  app.get(
    '/api/admin/billing/reconciliation',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'The latest reconciliation runs and the mismatches of the last finished one',
        security,
        response: { 200: reconciliationViewSchema },
      },
    },
    async () => reconciliationView(ctx),
  );

  app.get(
    '/api/admin/billing/disputes',
    {
      preHandler: admin,
      schema: { tags, summary: 'Card disputes, newest first', security, response: { 200: adminDisputesSchema } },
    },
    async () => disputesView(ctx),
  );

  app.get(
    '/api/admin/billing/audit',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: "billing's money audit log, newest first, with the hash chain's verification",
        security,
        querystring: moneyAuditQuerySchema,
        response: { 200: moneyAuditPageSchema },
      },
    },
    async (request) => moneyAuditPage(ctx, request.query),
  );
}
