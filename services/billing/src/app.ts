import { fileURLToPath } from 'node:url';
import { bootService, identityTokens, type ServiceApp, type ServiceDeps } from '@tourconnect/service-kit';
import type { BillingSettings } from './config.ts';
import { serviceTables } from './db/service-tables.ts';
import type { BillingContext } from './domain/context.ts';
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
    register(app, { publish }) {
      const ctx: BillingContext = { db: database.db, publish, settings };
      billingRoutes(app, ctx);
    },
  });
}
