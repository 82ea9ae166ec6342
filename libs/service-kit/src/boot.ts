import { auditOps, installAuditGuards, type AuditTable } from '@tourconnect/audit';
import { eventContracts } from '@tourconnect/contracts';
import { applyMigrations, pingDatabase, type Database } from '@tourconnect/db';
import {
  bindBusToApp,
  createEventBus,
  createPublisher,
  deadLetterOps,
  type EventBus,
  type EventTables,
  type EventTransport,
  type Publish,
  type SubjectOf,
} from '@tourconnect/events';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { remoteJwks, type AuthOptions } from './auth.ts';
import type { ReadinessCheck } from './health.ts';
import { installOpsRoutes } from './ops-routes.ts';
import { createService, type ServiceApp, type ServiceOptions } from './service.ts';

/** What every service's `build<Name>Service(deps)` receives from its entry point, the all-in-one or a test. */
export interface ServiceDeps<Settings> {
  settings: Settings;
  /** Created with the service's own schema; closed when the app closes. */
  database: Database;
  /** May be shared with other services in one process (all-in-one); see ownsTransport. */
  transport: EventTransport;
  /** A pino logger (the all-in-one shares one); otherwise the kit's JSON logger. */
  logger?: Logger;
  processMetrics?: boolean;
  /** Close the transport after the bus on app close (the distributed entry owns its own). */
  ownsTransport?: boolean;
  /** Token verification keys; identity's JWKS (remoteJwks) when absent. Tests pass their own. */
  keys?: JWTVerifyGetKey;
  /** Forwarded headers are believed only from the gateway, which proves itself with this. */
  gatewaySecret?: string | undefined;
  /** REDIS_URL: rate-limit counters shared by the service's replicas (in memory per process when absent). */
  redisUrl?: string | undefined;
}

/** What a service's routes and handlers are registered with. */
export interface BootedParts<Name extends string> {
  bus: EventBus;
  publish: Publish<SubjectOf<Name>>;
}

export interface BootSpec<Name extends string> {
  /** The service's name: its logger, metrics, event producer and PostgreSQL schema. */
  name: Name;
  deps: ServiceDeps<unknown>;
  migrationsFolder: string;
  tables: EventTables & { auditLog: AuditTable };
  /**
   * How tokens are verified. A function runs after the migrations (identity reads its
   * signing keys from its own tables); absent, the service has no authenticated routes.
   */
  auth?: AuthOptions | (() => Promise<AuthOptions>);
  /** Checks besides PostgreSQL and the event transport. */
  readiness?: Record<string, ReadinessCheck>;
  http?: Pick<ServiceOptions, 'bodyLimit' | 'openapi' | 'rateLimit' | 'helmet'>;
  /** Routes, plugins and event handlers; runs before the bus starts. */
  register(app: ServiceApp, parts: BootedParts<Name>): Promise<void> | void;
}

/**
 * The one boot order every service follows: schema check → migrations → audit guards →
 * Fastify app (auth, readiness, OpenAPI) → event bus → the service's routes and handlers →
 * ops routes (dead letters, audit) → bus bound to the app's lifecycle. A failure after the
 * app exists closes it, so a half-booted service never keeps a pool or consumer open.
 */
export async function bootService<Name extends string>(spec: BootSpec<Name>): Promise<ServiceApp> {
  const { name, deps } = spec;
  const { database, transport } = deps;
  if (database.schema !== name)
    throw new Error(`${name} needs a database with schema '${name}', got '${database.schema}'`);
  await applyMigrations(database, spec.migrationsFolder);
  await installAuditGuards(database.db, name);
  const auth = typeof spec.auth === 'function' ? await spec.auth() : spec.auth;
  const app = await createService({
    name,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(auth ? { auth } : {}),
    ...(deps.gatewaySecret ? { gatewaySecret: deps.gatewaySecret } : {}),
    ...spec.http,
    // Route-level limits (search, sign-in, …) count across replicas when Redis is configured.
    ...(deps.redisUrl ? { rateLimit: { ...spec.http?.rateLimit, redisUrl: deps.redisUrl } } : {}),
    readiness: { postgres: () => pingDatabase(database), events: () => transport.ping(), ...spec.readiness },
    processMetrics: deps.processMetrics ?? true,
  });
  try {
    const { outbox, inbox, deadLetters, auditLog } = spec.tables;
    const bus = createEventBus({
      service: name,
      database,
      tables: { outbox, inbox, deadLetters },
      transport,
      logger: app.log.child({ component: 'events' }),
      registry: eventContracts,
    });
    await spec.register(app, { bus, publish: createPublisher(bus, name) });
    installOpsRoutes(app, { deadLetters: deadLetterOps(bus), audit: auditOps(database.db, auditLog) });
    bindBusToApp(app, { bus, database, transport, ownsTransport: deps.ownsTransport });
    return app;
  } catch (error) {
    await app.close().catch(() => {});
    throw error;
  }
}

/** Token verification for a service that trusts identity's tokens (JWKS over HTTP unless keys are given). */
export function identityTokens(
  settings: { JWKS_URL: string; JWT_ISSUER: string; JWT_AUDIENCE: string },
  keys?: JWTVerifyGetKey,
): AuthOptions {
  return { keys: keys ?? remoteJwks(settings.JWKS_URL), issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE };
}
