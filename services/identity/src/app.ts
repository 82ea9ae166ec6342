import { fileURLToPath } from 'node:url';
import { auditOps, installAuditGuards } from '@tourconnect/audit';
import { eventContracts } from '@tourconnect/contracts';
import { applyMigrations, pingDatabase, type Database } from '@tourconnect/db';
import { bindBusToApp, createEventBus, deadLetterOps, type EventTransport } from '@tourconnect/events';
import { createService, installOpsRoutes, type ServiceApp, type ServiceOptions } from '@tourconnect/service-kit';
import type { IdentitySettings } from './config.ts';
import { purgeStaleThrottles } from './db/login-throttle.repository.ts';
import { auditLog, deadLetters, inbox, outbox, SCHEMA_NAME } from './db/schema.ts';
import { bootstrapAdmin } from './domain/bootstrap-admin.ts';
import type { IdentityContext } from './domain/identity-context.ts';
import { loadSigningKeys, type SigningKeys } from './domain/signing-keys.ts';
import { registerPartnerMembershipHandlers } from './events/partner-membership.handler.ts';
import { registerPartnerRegisteredHandler } from './events/partner-registered.handler.ts';
import { accountRoutes } from './routes/account.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { jwksRoutes } from './routes/jwks.routes.ts';

export { settingsSchema, configSchema, loadConfig, type IdentitySettings } from './config.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

export interface IdentityServiceDeps {
  settings: IdentitySettings;
  /** Created with schema 'identity'; closed when the app closes. */
  database: Database;
  /** May be shared with other services in one process (all-in-one); see ownsTransport. */
  transport: EventTransport;
  /** A pino logger (the all-in-one shares one); otherwise the kit's JSON logger. */
  logger?: ServiceOptions['logger'];
  processMetrics?: boolean;
  /** Close the transport after the bus on app close (the distributed entry owns its own). */
  ownsTransport?: boolean;
}

/**
 * The identity service as one Fastify app: migrations and audit guards first, then the
 * signing key, routes, readiness, ops routes, the partner-role consumer and the bootstrap
 * admin. The bus starts when the app is ready and stops before the database closes.
 */
export async function buildIdentityService(deps: IdentityServiceDeps): Promise<ServiceApp> {
  const { settings, database, transport } = deps;
  if (database.schema !== SCHEMA_NAME)
    throw new Error(`identity needs a database with schema '${SCHEMA_NAME}', got '${database.schema}'`);
  await applyMigrations(database, MIGRATIONS_FOLDER);
  await installAuditGuards(database.db, SCHEMA_NAME);
  const keys = await loadSigningKeys(database.db, settings.JWT_PRIVATE_KEY);
  const app = await createIdentityApp(deps, keys);
  try {
    const bus = createEventBus({
      service: 'identity',
      database,
      tables: { outbox, inbox, deadLetters },
      transport,
      logger: app.log.child({ component: 'events' }),
      registry: eventContracts,
    });
    const ctx: IdentityContext = { db: database.db, bus, keys, settings };
    registerPartnerRegisteredHandler(bus, ctx);
    registerPartnerMembershipHandlers(bus, ctx);
    jwksRoutes(app, keys);
    authRoutes(app, ctx);
    accountRoutes(app, ctx);
    installOpsRoutes(app, { deadLetters: deadLetterOps(bus), audit: auditOps(database.db, auditLog) });
    installThrottlePurge(app, database, settings);
    bindBusToApp(app, { bus, database, transport, ownsTransport: deps.ownsTransport });
    if (settings.ADMIN_EMAIL && settings.ADMIN_PASSWORD) {
      const outcome = await bootstrapAdmin(ctx, settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD);
      app.log.info({ outcome }, 'bootstrap admin checked');
    }
    return app;
  } catch (error) {
    await app.close().catch(() => {});
    throw error;
  }
}

async function createIdentityApp(deps: IdentityServiceDeps, keys: SigningKeys): Promise<ServiceApp> {
  const { settings, database, transport } = deps;
  const app = await createService({
    name: 'identity',
    ...(deps.logger ? { logger: deps.logger } : {}),
    auth: { keys: keys.verifier, issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE },
    readiness: { postgres: () => pingDatabase(database), events: () => transport.ping() },
    openapi: {
      title: 'TourConnect identity',
      description: 'Accounts, sessions, roles and the JWKS that verifies access tokens.',
    },
    processMetrics: deps.processMetrics ?? true,
  });
  return app;
}

const THROTTLE_PURGE_MS = 3_600_000;

/** Stale login-throttle rows are purged hourly while the app runs. */
function installThrottlePurge(app: ServiceApp, database: Database, settings: IdentitySettings): void {
  const purge = () =>
    purgeStaleThrottles(database.db, settings.LOGIN_LOCK_SECONDS).catch((err: unknown) =>
      app.log.warn({ err }, 'login throttle purge failed'),
    );
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    void purge();
    timer = setInterval(() => void purge(), THROTTLE_PURGE_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
