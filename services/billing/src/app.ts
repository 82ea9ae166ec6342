import { fileURLToPath } from 'node:url';
import { bootService, identityTokens, type ServiceApp, type ServiceDeps } from '@tourconnect/service-kit';
import type { BillingSettings } from './config.ts';
import { serviceTables } from './db/service-tables.ts';
import type { BillingContext } from './domain/context.ts';
import { memberJoinedHandler } from './events/member-joined.handler.ts';
import { memberRemovedHandler } from './events/member-removed.handler.ts';
import { partnerDeletedHandler } from './events/partner-deleted.handler.ts';
import { partnerDeletionRequestedHandler } from './events/partner-deletion-requested.handler.ts';
import { partnerOwnerChangedHandler } from './events/partner-owner-changed.handler.ts';
import { partnerRegisteredHandler } from './events/partner-registered.handler.ts';
import { partnerRejectedHandler } from './events/partner-rejected.handler.ts';
import { partnerSubmittedHandler } from './events/partner-submitted.handler.ts';
import { partnerSuspendedHandler } from './events/partner-suspended.handler.ts';
import { partnerVerifiedHandler } from './events/partner-verified.handler.ts';
import { connectRoutes } from './routes/connect.routes.ts';
import { partnerMoneyRoutes } from './routes/partner-money.routes.ts';
import { documentsRoutes } from './routes/documents.routes.ts';
import { installInvoiceScheduler } from './domain/invoicing.ts';
import { campaignClickChargedHandler } from './events/campaign-click-charged.handler.ts';
import { adminFeesRoutes } from './routes/admin-fees.routes.ts';
import { adminHoldingRoutes } from './routes/admin-holding.routes.ts';
import { installReconciliation } from './domain/reconcile-jobs.ts';
import { adminBillingRoutes } from './routes/admin-billing.routes.ts';
import { billingRoutes } from './routes/billing.routes.ts';
import { checkoutRoutes } from './routes/checkout.routes.ts';
import { paymentsRoutes } from './routes/payments.routes.ts';
import { webhooksRoutes } from './routes/webhooks.routes.ts';
import { runRefundQueueOnce } from './domain/refund-queue.ts';
import { createTokenBucket } from './domain/token-bucket.ts';
import { runTransferQueueOnce, startMoneyWorker, type MoneyWorker, type QueueRun } from './domain/transfer-queue.ts';
import { bookingCancelledHandler } from './events/booking-cancelled.handler.ts';
import { bookingConfirmedHandler } from './events/booking-confirmed.handler.ts';
import { bookingExpiredHandler } from './events/booking-expired.handler.ts';
import { bookingHeldHandler } from './events/booking-held.handler.ts';
import { createStripeClient, stripeModeOf } from './stripe/client.ts';

export { settingsSchema, configSchema, loadConfig, type BillingSettings } from './config.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * The billing service as one Fastify app, booted in the kit's order: migrations, audit
 * guards, the app, the event bus, then `register` (routes and handlers), ops routes, and the
 * bus bound to the app's lifecycle. src/server.ts, the all-in-one launcher and the test
 * harness all build it through this function.
 */
export async function buildBillingService(deps: ServiceDeps<BillingSettings>): Promise<ServiceApp> {
  const { settings, database } = deps;
  return bootService({
    name: 'billing',
    deps,
    migrationsFolder: MIGRATIONS_FOLDER,
    tables: serviceTables,
    auth: identityTokens(settings, deps.keys),
    http: { openapi: { title: 'TourConnect billing' } },
    // Consumers take `bus` here too: bus.handle(<entity><Verb>Handler(ctx)), one per
    // src/events/<entity>-<verb>.handler.ts.
    async register(app, { bus, publish }) {
      const ctx: BillingContext = {
        db: database.db,
        publish,
        settings,
        stripe: createStripeClient(settings),
        stripeMode: stripeModeOf(settings),
      };
      billingRoutes(app, ctx);
      // bundling's booking events → the bookings projection, transfers and refunds.
      for (const handler of [
        bookingHeldHandler,
        bookingConfirmedHandler,
        bookingExpiredHandler,
        bookingCancelledHandler,
      ]) {
        bus.handle(handler(ctx));
      }
      checkoutRoutes(app, ctx);
      paymentsRoutes(app, ctx);
      await webhooksRoutes(app, ctx);
      startMoneyQueues(app, ctx);
      // partners' events → the partners and members projections (Connect, invoices, IDOR).
      for (const handler of [
        partnerRegisteredHandler,
        partnerSubmittedHandler,
        partnerVerifiedHandler,
        partnerRejectedHandler,
        partnerSuspendedHandler,
        partnerDeletionRequestedHandler,
        partnerDeletedHandler,
        partnerOwnerChangedHandler,
        memberJoinedHandler,
        memberRemovedHandler,
      ]) {
        bus.handle(handler(ctx));
      }
      connectRoutes(app, ctx);
      partnerMoneyRoutes(app, ctx);
      // Receipts, statements, commission invoices (monthly run) and sponsored spend.
      documentsRoutes(app, ctx);
      installInvoiceScheduler(app, ctx);
      bus.handle(campaignClickChargedHandler(ctx));
      adminFeesRoutes(app, ctx);
      adminHoldingRoutes(app, ctx);
      adminBillingRoutes(app, ctx, installReconciliation(app, ctx));
    },
  });
}

/** One pass of each money queue, for tests and operators (the workers run the same). */
export interface MoneyQueues {
  transfers(): Promise<QueueRun>;
  refunds(): Promise<QueueRun>;
}

const moneyQueues = new WeakMap<ServiceApp, MoneyQueues>();

/** The money queues of a built billing app (tests run them with MONEY_QUEUE_INTERVAL_MS=0). */
export function billingQueues(app: ServiceApp): MoneyQueues {
  const queues = moneyQueues.get(app);
  if (!queues) throw new Error('not a billing app');
  return queues;
}

/**
 * The transfer and refund queues, one shared Stripe request budget; started once the app is
 * ready, stopped in preClose (before the bus's onClose ends the pool).
 */
function startMoneyQueues(app: ServiceApp, ctx: BillingContext): void {
  const budget = createTokenBucket(ctx.settings.TRANSFER_REQUESTS_PER_SECOND);
  const queues: MoneyQueues = {
    transfers: () => runTransferQueueOnce(ctx, budget, app.log),
    refunds: () => runRefundQueueOnce(ctx, budget, app.log),
  };
  moneyQueues.set(app, queues);
  let workers: MoneyWorker[] = [];
  app.addHook('onReady', async () => {
    const interval = ctx.settings.MONEY_QUEUE_INTERVAL_MS;
    workers = [
      startMoneyWorker(interval, queues.transfers, app.log),
      startMoneyWorker(interval, queues.refunds, app.log),
    ];
  });
  app.addHook('preClose', async () => {
    await Promise.all(workers.map((w) => w.stop()));
  });
}
