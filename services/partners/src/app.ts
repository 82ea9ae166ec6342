import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import type { JWTVerifyGetKey } from 'jose';
import { auditOps, installAuditGuards } from '@tourconnect/audit';
import { eventContracts } from '@tourconnect/contracts';
import { applyMigrations, pingDatabase, type Database } from '@tourconnect/db';
import { bindBusToApp, createEventBus, deadLetterOps, type EventTransport } from '@tourconnect/events';
import {
  createService,
  installOpsRoutes,
  remoteJwks,
  type ServiceApp,
  type ServiceOptions,
} from '@tourconnect/service-kit';
import type { PartnersSettings } from './config.ts';
import { auditLog, deadLetters, inbox, outbox, SCHEMA_NAME } from './db/schema.ts';
import type { PartnersContext } from './domain/context.ts';
import { registerPartnerDataErasedHandlers } from './events/partner-data-erased.handler.ts';
import { registerUserDeletedHandler } from './events/user-deleted.handler.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { gdprRoutes } from './routes/gdpr.routes.ts';
import { membersRoutes } from './routes/members.routes.ts';
import { myPartnerRoutes } from './routes/my-partner.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { createBlobStore, type BlobStore } from './storage/index.ts';

export { settingsSchema, configSchema, loadConfig, type PartnersSettings } from './config.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

export interface PartnersServiceDeps {
  settings: PartnersSettings;
  /** Created with schema 'partners'; closed when the app closes. */
  database: Database;
  /** May be shared with other services in one process (all-in-one); see ownsTransport. */
  transport: EventTransport;
  logger?: ServiceOptions['logger'];
  processMetrics?: boolean;
  ownsTransport?: boolean;
  /** Token verification keys; identity's JWKS at JWKS_URL when absent. */
  keys?: JWTVerifyGetKey;
  /** The document store; built from the settings (local disk or S3) when absent. */
  store?: BlobStore;
}

/**
 * The partners service as one Fastify app: migrations and audit guards, the document store,
 * routes, the erasure-confirmation consumers and ops routes. The bus starts when the app is
 * ready and stops before the database closes.
 */
export async function buildPartnersService(deps: PartnersServiceDeps): Promise<ServiceApp> {
  const { settings, database, transport } = deps;
  if (database.schema !== SCHEMA_NAME)
    throw new Error(`partners needs a database with schema '${SCHEMA_NAME}', got '${database.schema}'`);
  await applyMigrations(database, MIGRATIONS_FOLDER);
  await installAuditGuards(database.db, SCHEMA_NAME);
  const store = deps.store ?? createBlobStore(settings);
  const app = await createService({
    name: 'partners',
    ...(deps.logger ? { logger: deps.logger } : {}),
    auth: {
      keys: deps.keys ?? remoteJwks(settings.JWKS_URL),
      issuer: settings.JWT_ISSUER,
      audience: settings.JWT_AUDIENCE,
    },
    readiness: {
      postgres: () => pingDatabase(database),
      events: () => transport.ping(),
      storage: () => store.ping(),
    },
    // Uploads are multipart and read by the routes; JSON bodies stay small.
    bodyLimit: 11 * 1024 * 1024,
    openapi: {
      title: 'TourConnect partners',
      description: 'Partner onboarding, KYC-light documents, verification, members, directory and GDPR.',
    },
    processMetrics: deps.processMetrics ?? true,
  });
  try {
    await app.register(multipart, { limits: { fileSize: 11 * 1024 * 1024, files: 1, fields: 5 } });
    const bus = createEventBus({
      service: 'partners',
      database,
      tables: { outbox, inbox, deadLetters },
      transport,
      logger: app.log.child({ component: 'events' }),
      registry: eventContracts,
    });
    const ctx: PartnersContext = { db: database.db, bus, store, settings };
    registerPartnerDataErasedHandlers(bus, ctx);
    registerUserDeletedHandler(bus);
    myPartnerRoutes(app, ctx);
    membersRoutes(app, ctx);
    gdprRoutes(app, ctx);
    publicRoutes(app, ctx);
    adminRoutes(app, ctx);
    installOpsRoutes(app, { deadLetters: deadLetterOps(bus), audit: auditOps(database.db, auditLog) });
    bindBusToApp(app, { bus, database, transport, ownsTransport: deps.ownsTransport });
    return app;
  } catch (error) {
    await app.close().catch(() => {});
    throw error;
  }
}
