import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import { bootService, identityTokens, type ServiceApp, type ServiceDeps } from '@tourconnect/service-kit';
import { createBlobStore, type BlobStore } from '@tourconnect/storage';
import type { BundlingSettings } from './config.ts';
import { serviceTables } from './db/service-tables.ts';
import type { BundlingContext } from './domain/context.ts';
import { bookingCancelledCooccurrenceHandler } from './events/booking-cancelled-cooccurrence.handler.ts';
import { bookingConfirmedCooccurrenceHandler } from './events/booking-confirmed-cooccurrence.handler.ts';
import { memberJoinedHandler } from './events/member-joined.handler.ts';
import { memberRemovedHandler } from './events/member-removed.handler.ts';
import { partnerDeletedHandler } from './events/partner-deleted.handler.ts';
import { partnerDeletionRequestedHandler } from './events/partner-deletion-requested.handler.ts';
import { partnerRegisteredHandler } from './events/partner-registered.handler.ts';
import { partnerRejectedHandler } from './events/partner-rejected.handler.ts';
import { partnerSubmittedHandler } from './events/partner-submitted.handler.ts';
import { partnerSuspendedHandler } from './events/partner-suspended.handler.ts';
import { partnerVerifiedHandler } from './events/partner-verified.handler.ts';
import { paymentSucceededHandler } from './events/payment-succeeded.handler.ts';
import { partnerAccountUpdatedHandler } from './events/partner-account-updated.handler.ts';
import { bookingExpiredHandler } from './events/booking-expired.handler.ts';
import { bookingHeldHandler } from './events/booking-held.handler.ts';
import { startSweeper, type Sweeper } from './domain/sweeper.ts';
import { bookingsRoutes } from './routes/bookings.routes.ts';
import { bundlingRoutes } from './routes/bundling.routes.ts';
import { campaignsRoutes } from './routes/campaigns.routes.ts';
import { catalogueAvailabilityRoutes } from './routes/catalogue-availability.routes.ts';
import { catalogueImagesRoutes } from './routes/catalogue-images.routes.ts';
import { catalogueRoutes } from './routes/catalogue.routes.ts';
import { discoverRoutes } from './routes/discover.routes.ts';
import { packageImagesRoutes } from './routes/package-images.routes.ts';
import { packagesRoutes } from './routes/packages.routes.ts';
import { suggestRoutes } from './routes/suggest.routes.ts';
import { searchRoutes } from './routes/search.routes.ts';

export { settingsSchema, configSchema, loadConfig, type BundlingSettings } from './config.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

export type BundlingServiceDeps = ServiceDeps<BundlingSettings> & {
  /** The image store; built from the settings (local disk or S3) when absent. */
  store?: BlobStore;
};

// Image uploads are multipart (5 MB, read by the routes); JSON bodies stay small.
const UPLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

/**
 * The bundling service as one Fastify app, booted in the kit's order: migrations, audit
 * guards, the app, the event bus, then `register` (routes and handlers), ops routes, and the
 * bus bound to the app's lifecycle. src/server.ts, the all-in-one launcher and the test
 * harness all build it through this function.
 */
export async function buildBundlingService(deps: BundlingServiceDeps): Promise<ServiceApp> {
  const { settings, database } = deps;
  const store = deps.store ?? createBlobStore(settings);
  return bootService({
    name: 'bundling',
    deps,
    migrationsFolder: MIGRATIONS_FOLDER,
    tables: serviceTables,
    auth: identityTokens(settings, deps.keys),
    readiness: { storage: () => store.ping() },
    http: { bodyLimit: UPLOAD_LIMIT_BYTES, openapi: { title: 'TourConnect bundling' } },
    // One consumer per src/events/<entity>-<verb>.handler.ts.
    async register(app, { bus, publish }) {
      await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 5 } });
      const ctx: BundlingContext = { db: database.db, publish, settings, store };
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
      // billing's events → the bookings' lifecycle; bundling's own held/expired → their audit entries.
      bus.handle(paymentSucceededHandler(ctx));
      // billing's Connect accounts → whether a partner's packages can be booked.
      bus.handle(partnerAccountUpdatedHandler(ctx));
      bus.handle(bookingHeldHandler(ctx));
      bus.handle(bookingExpiredHandler(ctx));
      // bundling's own booking events → the AI Suggest Bundles counts.
      bus.handle(bookingConfirmedCooccurrenceHandler(ctx));
      bus.handle(bookingCancelledCooccurrenceHandler(ctx));
      bundlingRoutes(app, ctx);
      catalogueRoutes(app, ctx);
      catalogueAvailabilityRoutes(app, ctx);
      catalogueImagesRoutes(app, ctx);
      packagesRoutes(app, ctx);
      packageImagesRoutes(app, ctx);
      bookingsRoutes(app, ctx);
      suggestRoutes(app, ctx);
      searchRoutes(app, ctx);
      discoverRoutes(app, ctx);
      campaignsRoutes(app, ctx);
      // Expired holds back on sale; stopped in preClose, before the bus's onClose ends the pool.
      let sweeper: Sweeper | undefined;
      app.addHook('onReady', async () => {
        sweeper = startSweeper(ctx, app.log);
      });
      app.addHook('preClose', async () => sweeper?.stop());
    },
  });
}
