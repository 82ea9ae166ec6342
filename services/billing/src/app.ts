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
import { adminFeesRoutes } from './routes/admin-fees.routes.ts';
import { billingRoutes } from './routes/billing.routes.ts';

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
    register(app, { bus, publish }) {
      const ctx: BillingContext = { db: database.db, publish, settings };
      billingRoutes(app, ctx);
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
      adminFeesRoutes(app, ctx);
    },
  });
}
