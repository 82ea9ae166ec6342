import { fileURLToPath } from 'node:url';
import { bootService, identityTokens, type ServiceApp, type ServiceDeps } from '@tourconnect/service-kit';
import type { BundlingSettings } from './config.ts';
import { serviceTables } from './db/service-tables.ts';
import type { BundlingContext } from './domain/context.ts';
import { memberJoinedHandler } from './events/member-joined.handler.ts';
import { memberRemovedHandler } from './events/member-removed.handler.ts';
import { partnerDeletedHandler } from './events/partner-deleted.handler.ts';
import { partnerDeletionRequestedHandler } from './events/partner-deletion-requested.handler.ts';
import { partnerRegisteredHandler } from './events/partner-registered.handler.ts';
import { partnerRejectedHandler } from './events/partner-rejected.handler.ts';
import { partnerSubmittedHandler } from './events/partner-submitted.handler.ts';
import { partnerSuspendedHandler } from './events/partner-suspended.handler.ts';
import { partnerVerifiedHandler } from './events/partner-verified.handler.ts';
import { bundlingRoutes } from './routes/bundling.routes.ts';
import { catalogueAvailabilityRoutes } from './routes/catalogue-availability.routes.ts';
import { catalogueRoutes } from './routes/catalogue.routes.ts';
import { packagesRoutes } from './routes/packages.routes.ts';

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
    // One consumer per src/events/<entity>-<verb>.handler.ts.
    register(app, { bus, publish }) {
      const ctx: BundlingContext = { db: database.db, publish, settings };
      // partners' events → the partners and members projections (and the GDPR erasure).
      for (const handler of [
        partnerRegisteredHandler,
        partnerSubmittedHandler,
        partnerVerifiedHandler,
        partnerRejectedHandler,
        partnerSuspendedHandler,
        partnerDeletionRequestedHandler,
        partnerDeletedHandler,
        memberJoinedHandler,
        memberRemovedHandler,
      ]) {
        bus.handle(handler(ctx));
      }
      bundlingRoutes(app, ctx);
      catalogueRoutes(app, ctx);
      catalogueAvailabilityRoutes(app, ctx);
      packagesRoutes(app, ctx);
    },
  });
}
