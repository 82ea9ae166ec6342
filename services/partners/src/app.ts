import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import { bootService, identityTokens, type ServiceApp, type ServiceDeps } from '@tourconnect/service-kit';
import type { PartnersSettings } from './config.ts';
import { bootTables } from './db/boot-tables.ts';
import type { PartnersContext } from './domain/context.ts';
import { partnerDataErasedHandler } from './events/partner-data-erased.handler.ts';
import { userDeletedHandler } from './events/user-deleted.handler.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { gdprRoutes } from './routes/gdpr.routes.ts';
import { membersRoutes } from './routes/members.routes.ts';
import { myPartnerRoutes } from './routes/my-partner.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { createBlobStore, type BlobStore } from '@tourconnect/storage';

export { settingsSchema, configSchema, loadConfig, type PartnersSettings } from './config.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

export type PartnersServiceDeps = ServiceDeps<PartnersSettings> & {
  /** The document store; built from the settings (local disk or S3) when absent. */
  store?: BlobStore;
};

// Uploads are multipart and read by the routes (documents up to 10 MB); JSON bodies stay small.
const UPLOAD_LIMIT_BYTES = 11 * 1024 * 1024;

/**
 * The partners service as one Fastify app, booted in the kit's order: migrations and audit
 * guards, then routes and the erasure consumers, then ops routes. Readiness also checks the
 * document store. The bus starts when the app is ready and stops before the database closes.
 */
export async function buildPartnersService(deps: PartnersServiceDeps): Promise<ServiceApp> {
  const { settings } = deps;
  const store = deps.store ?? createBlobStore(settings);
  return bootService({
    name: 'partners',
    deps,
    migrationsFolder: MIGRATIONS_FOLDER,
    tables: bootTables,
    auth: identityTokens(settings, deps.keys),
    readiness: { storage: () => store.ping() },
    http: {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      openapi: {
        title: 'TourConnect partners',
        description: 'Partner onboarding, KYC-light documents, verification, members, directory and GDPR.',
      },
    },
    async register(app, { bus, publish }) {
      await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 5 } });
      const ctx: PartnersContext = { db: deps.database.db, publish, settings, store };
      for (const holder of settings.PARTNER_DATA_HOLDERS) bus.handle(partnerDataErasedHandler(ctx, holder));
      bus.handle(userDeletedHandler(ctx));
      myPartnerRoutes(app, ctx);
      membersRoutes(app, ctx);
      gdprRoutes(app, ctx);
      publicRoutes(app, ctx);
      adminRoutes(app, ctx);
    },
  });
}
