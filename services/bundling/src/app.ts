import { fileURLToPath } from 'node:url';
import { bootService, identityTokens, type ServiceApp, type ServiceDeps } from '@tourconnect/service-kit';
import type { BundlingSettings } from './config.ts';
import { serviceTables } from './db/service-tables.ts';
import type { BundlingContext } from './domain/context.ts';
import { bundlingRoutes } from './routes/bundling.routes.ts';

export { settingsSchema, configSchema, loadConfig, type BundlingSettings } from './config.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * The bundling service as one Fastify app, booted in the kit's order: migrations, audit
 * guards, the app, the event bus, then `register` (routes and handlers), ops routes, and the
 * bus bound to the app's lifecycle. src/server.ts, the all-in-one launcher and the test
 * harness all build it through this function.
 */
export async function buildBundlingService(deps: ServiceDeps<BundlingSettings>): Promise<ServiceApp> {
  const { settings, database } = deps;
  return bootService({
    name: 'bundling',
    deps,
    migrationsFolder: MIGRATIONS_FOLDER,
    tables: serviceTables,
    auth: identityTokens(settings, deps.keys),
    http: { openapi: { title: 'TourConnect bundling' } },
    // Consumers take `bus` here too: bus.handle(<entity><Verb>Handler(ctx)), one per
    // src/events/<entity>-<verb>.handler.ts.
    register(app, { publish }) {
      const ctx: BundlingContext = { db: database.db, publish, settings };
      bundlingRoutes(app, ctx);
    },
  });
}
