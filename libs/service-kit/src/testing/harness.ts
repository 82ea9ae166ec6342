import { createDatabase, type Database } from '@tourconnect/db';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { createInProcessTransport, type EventEnvelope, type InProcessTransport } from '@tourconnect/events';
import type { ServiceDeps } from '../boot.ts';
import { createLogger } from '../logger.ts';
import type { ServiceApp } from '../service.ts';
import { createTestTokens, type TestTokens } from './tokens.ts';
import { waitFor } from './wait-for.ts';

export interface HarnessOptions<Settings> {
  /** The service's name, which is also its PostgreSQL schema. */
  service: string;
  build(deps: ServiceDeps<Settings>): Promise<ServiceApp>;
  /** The service's settings, given the test signing key's settings (JWKS_URL, issuer, audience). */
  settings(tokens: TestTokens): Settings;
  /** Names the test database (default: the service). */
  label?: string;
}

export interface ServiceHarness<Settings> {
  app: ServiceApp;
  /** A pool of the test's own on the service's schema, for assertions; it outlives the app. */
  database: Database;
  transport: InProcessTransport;
  settings: Settings;
  testDb: TestDatabase;
  /** Signs access tokens the service accepts, as identity's would be. */
  tokens: TestTokens;
  /**
   * Hands an event to the service's consumers `times` times (a broker redelivering it) and
   * waits until every delivery has been handled, retried to the end or dead-lettered.
   */
  deliver(envelope: EventEnvelope, times?: number): Promise<void>;
  /** Waits until the service's consumers have nothing left to handle. */
  settle(): Promise<void>;
  /** Another app on the same database and its own transport: a restart or a second replica. */
  boot(settings?: Settings): Promise<ServiceApp>;
  close(): Promise<void>;
}

export const silentTestLogger = createLogger('test', (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent');

/**
 * One service on the real PostgreSQL (a fresh database per test file) and the in-process
 * transport without a de-duplication window, so a test can redeliver an event and see that the
 * consumer itself copes. Requests go through `app.inject`; no port is opened.
 */
export async function startServiceHarness<Settings>(
  options: HarnessOptions<Settings>,
): Promise<ServiceHarness<Settings>> {
  const { service } = options;
  const testDb = await createTestDatabase(options.label ?? service);
  const tokens = await createTestTokens();
  const settings = options.settings(tokens);
  const transports: InProcessTransport[] = [];
  const apps: ServiceApp[] = [];
  const start = async (appSettings: Settings) => {
    const transport = createInProcessTransport({ duplicateWindowMs: 0 });
    transports.push(transport);
    const app = await options.build({
      settings: appSettings,
      database: createDatabase({ url: testDb.url, schema: service, max: 4 }),
      transport,
      logger: silentTestLogger,
      processMetrics: false,
      keys: tokens.keys,
    });
    apps.push(app);
    await app.ready();
    return { app, transport };
  };
  let first: Awaited<ReturnType<typeof start>>;
  try {
    first = await start(settings);
  } catch (error) {
    await testDb.drop();
    throw error;
  }
  const { transport } = first;
  const database = createDatabase({ url: testDb.url, schema: service, max: 2 });
  const settle = async () => {
    await waitFor(
      async () => transport.serviceBacklog(service),
      (pending) => pending === 0,
    );
  };
  return {
    app: first.app,
    database,
    transport,
    settings,
    testDb,
    tokens,
    async deliver(envelope, times = 1) {
      for (let i = 0; i < times; i += 1) {
        await transport.publish(envelope);
        await settle();
      }
    },
    settle,
    boot: async (other = settings) => (await start(other)).app,
    async close() {
      for (const app of apps.reverse()) await app.close().catch(() => {});
      for (const t of transports) await t.close().catch(() => {});
      await database.close();
      await testDb.drop();
    },
  };
}
