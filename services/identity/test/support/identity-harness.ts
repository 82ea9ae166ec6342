import type { LightMyRequestResponse } from 'fastify';
import { createDatabase, type Database } from '@tourconnect/db';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { createInProcessTransport, type EventTransport } from '@tourconnect/events';
import { createLogger, type ServiceApp } from '@tourconnect/service-kit';
import { buildIdentityService } from '../../src/app.ts';
import { settingsSchema, type IdentitySettings } from '../../src/config.ts';

export const silentLogger = createLogger('identity', 'silent');

export function testSettings(env: Record<string, string | undefined> = {}): IdentitySettings {
  return settingsSchema.parse(env);
}

export interface IdentityHarness {
  app: ServiceApp;
  database: Database;
  transport: EventTransport;
  settings: IdentitySettings;
  testDb: TestDatabase;
  /**
   * Boots another app on the same database (a restart or a replica). It gets its own
   * in-process transport: one transport stands for one process, with one consumer per durable.
   */
  boot(env?: Record<string, string | undefined>): Promise<ServiceApp>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string | undefined>;
  transport?: EventTransport;
  label?: string;
}

/** One database per test file on the real PostgreSQL, the in-process transport unless given one. */
export async function startIdentity(options: HarnessOptions = {}): Promise<IdentityHarness> {
  const testDb = await createTestDatabase(options.label ?? 'identity');
  const transport = options.transport ?? createInProcessTransport();
  const apps: ServiceApp[] = [];
  const transports: EventTransport[] = [transport];
  const start = async (env: Record<string, string | undefined>, via: EventTransport) => {
    const database = createDatabase({ url: testDb.url, schema: 'identity', max: 5 });
    const app = await buildIdentityService({
      settings: testSettings(env),
      database,
      transport: via,
      logger: silentLogger,
      processMetrics: false,
    });
    await app.ready();
    apps.push(app);
    return app;
  };
  const boot = (env: Record<string, string | undefined> = options.env ?? {}) => {
    const own = createInProcessTransport();
    transports.push(own);
    return start(env, own);
  };
  const app = await start(options.env ?? {}, transport);
  // A separate pool for assertions, so they still work after an app closed its own.
  const database = createDatabase({ url: testDb.url, schema: 'identity', max: 2 });
  return {
    app,
    database,
    transport,
    settings: testSettings(options.env ?? {}),
    testDb,
    boot,
    async close() {
      for (const a of apps) await a.close().catch(() => {});
      for (const t of transports) await t.close();
      await database.close();
      await testDb.drop();
    },
  };
}

export const TABLES = ['users', 'user_roles', 'refresh_tokens', 'login_throttle', 'event_outbox', 'audit_log'] as const;

/** Row counts of identity's tables: "nothing written" means these did not move. */
export async function countRows(database: Database): Promise<Record<(typeof TABLES)[number], number>> {
  const parts = TABLES.map((t) => `(SELECT count(*)::int FROM identity.${t}) AS ${t}`);
  const { rows } = await database.pool.query(`SELECT ${parts.join(', ')}`);
  return rows[0];
}

export function refreshCookieOf(res: LightMyRequestResponse) {
  return (res.cookies as Array<{ name: string; value: string; [k: string]: unknown }>).find(
    (c) => c.name === 'tc_refresh',
  );
}

let counter = 0;
/** A unique, valid registration body. */
export function newUser(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    email: `traveller${counter}.${Date.now()}@example.com`,
    password: 'sunny-beaches-42',
    displayName: `Traveller ${counter}`,
    ...overrides,
  };
}

/** Each test uses its own client address, so per-IP limits of one test never leak into another. */
export function clientIp(): string {
  counter += 1;
  return `198.51.100.${counter % 250}`;
}

export function post(app: ServiceApp, url: string, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: { 'x-forwarded-for': clientIp(), ...headers },
  });
}

export async function register(app: ServiceApp, body = newUser()) {
  const res = await post(app, '/api/auth/register', body);
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return { body, session: res.json(), cookie: refreshCookieOf(res)!.value, res };
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

export function withCookie(value: string) {
  return { cookie: `tc_refresh=${value}` };
}

export async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
