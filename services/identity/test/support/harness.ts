import { createDatabase, type Database } from '@tourconnect/db';
import { createTestDatabase } from '@tourconnect/db/testing';
import type { EventTransport } from '@tourconnect/events';
import type { ServiceApp } from '@tourconnect/service-kit';
import { silentTestLogger, startServiceHarness, type ServiceHarness } from '@tourconnect/service-kit/testing';
import { buildIdentityService, type IdentityOptions } from '../../src/app.ts';
import { settingsSchema, type IdentitySettings } from '../../src/config.ts';

export type IdentityHarness = ServiceHarness<IdentitySettings>;

/** Identity's settings as the launcher would parse them from these variables (defaults otherwise). */
export function testSettings(env: Record<string, string | undefined> = {}): IdentitySettings {
  return settingsSchema.parse(env);
}

export interface IdentityHarnessOptions extends IdentityOptions {
  env?: Record<string, string | undefined>;
  /** Names the test database (default: identity). */
  label?: string;
}

/**
 * Identity on the kit's harness: a fresh database on the real PostgreSQL, the in-process
 * transport without a de-duplication window (so `deliver(event, 2)` is a real redelivery),
 * requests through inject. `h.boot(testSettings(env))` is a restart or a replica.
 */
export function startIdentity(options: IdentityHarnessOptions = {}): Promise<IdentityHarness> {
  const { env, label, ...identityOptions } = options;
  return startServiceHarness({
    service: 'identity',
    label,
    build: (deps) => buildIdentityService(deps, identityOptions),
    settings: () => testSettings(env),
  });
}

export interface IdentityOnTransport {
  app: ServiceApp;
  /** A pool of the test's own on the identity schema, for assertions. */
  database: Database;
  close(): Promise<void>;
}

/**
 * Identity on a transport the test brings (real NATS JetStream): the kit's harness always
 * uses the in-process one. The caller closes its transport after `close()`.
 */
export async function startIdentityOn(transport: EventTransport, label: string): Promise<IdentityOnTransport> {
  const testDb = await createTestDatabase(label);
  const app = await buildIdentityService({
    settings: testSettings(),
    database: createDatabase({ url: testDb.url, schema: 'identity', max: 4 }),
    transport,
    logger: silentTestLogger,
    processMetrics: false,
  }).catch(async (error: unknown) => {
    await testDb.drop();
    throw error;
  });
  await app.ready();
  const database = createDatabase({ url: testDb.url, schema: 'identity', max: 2 });
  return {
    app,
    database,
    async close() {
      await app.close().catch(() => {});
      await database.close();
      await testDb.drop();
    },
  };
}
