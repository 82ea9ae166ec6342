import { pino } from 'pino';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '@tourconnect/db';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import {
  createInProcessTransport,
  createNatsTransport,
  type EventTransport,
  type NatsTransport,
} from '@tourconnect/events';
import Stripe from 'stripe';
import { buildBillingService } from '@tourconnect/billing';
import { settingsSchema as billingSettingsSchema } from '@tourconnect/billing/config';
import { buildBundlingService } from '@tourconnect/bundling';
import { settingsSchema as bundlingSettingsSchema } from '@tourconnect/bundling/config';
import { buildGateway } from '@tourconnect/gateway';
import { buildIdentityService } from '@tourconnect/identity';
import { settingsSchema as identitySettingsSchema } from '@tourconnect/identity/config';
import type { ServiceApp } from '@tourconnect/service-kit';
import { silentTestLogger } from '@tourconnect/service-kit/testing';
import { buildPartnersService } from '@tourconnect/partners';
import { settingsSchema as partnersSettingsSchema } from '@tourconnect/partners/config';
import { createStripeEmulator, type StripeEmulator } from '@tourconnect/stripe-emulator';
import { registerMailbox } from './mailbox.ts';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
export const ADMIN = { email: 'admin@partners.example', password: 'admin-pass-1234' };

export interface Platform {
  /** The gateway's base URL: every call goes through it, as the portal's do. */
  base: string;
  /** A pool on the test database for assertions (schemas identity and partners, qualified in SQL). */
  database: Database;
  uploadsDir: string;
  /** With `billing`: the in-process Stripe emulator billing talks to, and an SDK client on it. */
  stripe?: { url: string; sdk: Stripe; emulator: StripeEmulator };
  close(): Promise<void>;
}

/**
 * identity + partners + bundling + gateway on the real PostgreSQL (one fresh database) and, unless
 * `inProcess`, real NATS JetStream under a random subject prefix of this file's own: the
 * platform as the portal sees it, for flows that cross services. One service's own behaviour
 * is tested in that service's folder on `@tourconnect/service-kit/testing` instead.
 */
export async function startPlatform(
  label: string,
  options: { inProcess?: boolean; billing?: boolean } = {},
): Promise<Platform> {
  const testDb: TestDatabase = await createTestDatabase(label);
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'tc-e2e-'));
  const suffix = randomBytes(4).toString('hex');
  // As in the all-in-one: services believe the gateway's X-Forwarded-For only with this secret.
  const gatewaySecret = randomBytes(32).toString('base64url');
  const transport: EventTransport = options.inProcess
    ? createInProcessTransport()
    : await createNatsTransport({ url: NATS_URL, name: `${label}-${suffix}`, subjectPrefix: `partnerstest${suffix}` });
  // E2E_LOG=1 prints the services' errors (a 500's cause) while a flow is being written.
  const logger = process.env.E2E_LOG ? pino({ level: 'error' }) : silentTestLogger;
  const apps: ServiceApp[] = [];
  const listen = async (app: ServiceApp) => {
    apps.unshift(app);
    return app.listen({ port: 0, host: '127.0.0.1' });
  };

  const identitySettings = identitySettingsSchema.parse({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const identityUrl = await listen(
    await buildIdentityService({
      settings: identitySettings,
      database: createDatabase({ url: testDb.url, schema: 'identity', max: 4 }),
      transport,
      logger,
      processMetrics: false,
      gatewaySecret,
    }),
  );
  const jwks = {
    JWKS_URL: `${identityUrl}/.well-known/jwks.json`,
    JWT_ISSUER: 'tourconnect-identity',
    JWT_AUDIENCE: 'tourconnect',
  };
  const partnersUrl = await listen(
    await buildPartnersService({
      settings: partnersSettingsSchema.parse({ ...jwks, UPLOADS_DIR: uploadsDir }),
      database: createDatabase({ url: testDb.url, schema: 'partners', max: 4 }),
      transport,
      logger,
      processMetrics: false,
      gatewaySecret,
    }),
  );
  const bundlingUrl = await listen(
    await buildBundlingService({
      settings: bundlingSettingsSchema.parse({
        ...jwks,
        UPLOADS_DIR: path.join(uploadsDir, 'bundling'),
        // Without billing no partner could ever have a payout account: the gate is off then.
        BOOKING_REQUIRES_PAYOUT_ACCOUNTS: options.billing ? 'true' : 'false',
      }),
      database: createDatabase({ url: testDb.url, schema: 'bundling', max: 6 }),
      transport,
      logger,
      processMetrics: false,
      gatewaySecret,
    }),
  );
  /**
   * billing on an in-process Stripe emulator with a platform and a Connect webhook endpoint
   * (their URL set once the gateway listens), its money queues on their timer as in production.
   */
  const startBilling = async () => {
    const emulator = createStripeEmulator({ webhookRetryDelaysMs: [200, 500, 1000], tickMs: 20 });
    const { url } = await emulator.listen(0, '127.0.0.1');
    const sdk = new Stripe('sk_test_e2e', { host: new URL(url).hostname, port: new URL(url).port, protocol: 'http' });
    const endpoints = await Promise.all(
      [false, true].map((connect) =>
        sdk.webhookEndpoints.create({ url: 'http://127.0.0.1:9/not-yet', enabled_events: ['*'], connect }),
      ),
    );
    const billingUrl = await listen(
      await buildBillingService({
        settings: billingSettingsSchema.parse({
          ...jwks,
          STRIPE_API_URL: url,
          STRIPE_WEBHOOK_SECRET: endpoints.map((e) => e.secret).join(','),
          MONEY_QUEUE_INTERVAL_MS: '200',
          RECONCILE_INTERVAL_MINUTES: '0',
        }),
        database: createDatabase({ url: testDb.url, schema: 'billing', max: 6 }),
        transport,
        logger,
        processMetrics: false,
        gatewaySecret,
      }),
    );
    return {
      url: billingUrl,
      stripe: { url, sdk, emulator },
      async pointWebhooksAt(target: string) {
        for (const endpoint of endpoints) await sdk.webhookEndpoints.update(endpoint.id, { url: target });
      },
    };
  };
  const billing = options.billing ? await startBilling() : undefined;
  const gateway = await buildGateway({
    settings: {
      IDENTITY_URL: identityUrl,
      PARTNERS_URL: partnersUrl,
      BUNDLING_URL: bundlingUrl,
      ...(billing ? { BILLING_URL: billing.url } : {}),
      ...jwks,
      WEB_DIST_DIR: path.join(uploadsDir, 'no-portal'),
      CORS_ORIGINS: [],
      RATE_LIMIT_MAX: 100_000,
      UPSTREAM_TIMEOUT_MS: 15_000,
      // As behind an ingress: each test user's X-Forwarded-For is its own client address.
      TRUST_PROXY_HOPS: 1,
      GATEWAY_SECRET: gatewaySecret,
    },
    transport,
    logger,
    processMetrics: false,
  });
  const base = await listen(gateway);
  // Stripe delivers to the public address: the gateway's route to billing.
  await billing?.pointWebhooksAt(`${base}/api/billing/webhooks/stripe`);
  const database = createDatabase({ url: testDb.url, schema: 'partners', max: 2 });
  // signUp(base, …) verifies its users with the link identity sent (see mailbox.ts).
  const closeMailbox = registerMailbox(base, database);
  return {
    base,
    database,
    uploadsDir,
    ...(billing ? { stripe: billing.stripe } : {}),
    async close() {
      closeMailbox();
      for (const app of apps) await app.close().catch(() => {});
      await billing?.stripe.emulator.close();
      if (!options.inProcess) await dropStreams(transport as NatsTransport);
      await transport.close().catch(() => {});
      await database.close();
      await testDb.drop();
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}

async function dropStreams(transport: NatsTransport): Promise<void> {
  const jsm = await transport.connection.jetstreamManager().catch(() => undefined);
  await jsm?.streams.delete(transport.stream).catch(() => false);
  await jsm?.streams.delete(transport.deadLetterStream).catch(() => false);
}
