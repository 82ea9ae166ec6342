import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { createDatabase } from '@tourconnect/db';
import { createInProcessTransport, createNatsTransport, eventLoopGate, type EventTransport } from '@tourconnect/events';
import { buildGateway } from '@tourconnect/gateway';
import { buildIdentityService } from '@tourconnect/identity';
import { settingsSchema as identitySettingsSchema } from '@tourconnect/identity/config';
import { buildPartnersService } from '@tourconnect/partners';
import { settingsSchema as partnersSettingsSchema } from '@tourconnect/partners/config';
import { initTracing, loggerOptions, serveMetrics, type ServiceApp } from '@tourconnect/service-kit';
import { buildNotificationsService } from '@tourconnect/notifications';
import { settingsSchema as notificationsSettingsSchema } from '@tourconnect/notifications/config';
import { buildBundlingService } from '@tourconnect/bundling';
import { settingsSchema as bundlingSettingsSchema } from '@tourconnect/bundling/config';
import { buildBillingService } from '@tourconnect/billing';
import { settingsSchema as billingSettingsSchema } from '@tourconnect/billing/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.ts';
import { startLocalMail } from './mail.ts';
import { outboxMailbox, registerMailbox, type Mailbox } from './mailbox.ts';
import { freePort } from './ports.ts';
import { requestsInFlight } from './requests-in-flight.ts';
import type { AllInOneSettings } from './settings.ts';
import { emulatorWebhookSecrets, startDevSimulators, type Simulators } from './simulators.ts';

export interface Platform {
  url: string;
  gatewayPort: number;
  services: Record<string, string>;
  simulators: Simulators;
  databaseUrl: string;
  /** The links the platform e-mailed, read from the producers' outboxes (demo seed, benchmarks, tests). */
  mailbox: Mailbox;
  transport: EventTransport;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Every service, the gateway and the built portal in one process on one machine, with the
 * same code the distributed deployment runs; only the infrastructure falls back to local parts.
 */
export async function startPlatform(settings: AllInOneSettings): Promise<Platform> {
  // Each service's child logger names the service; the root only says which mode runs.
  const logger = pino({ ...loggerOptions('all-in-one', settings.LOG_LEVEL), base: { mode: 'all-in-one' } });
  initTracing('tourconnect-all-in-one', settings.OTEL_EXPORTER_OTLP_ENDPOINT);
  const stops: (() => Promise<unknown>)[] = [];

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = settings.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(settings.DATA_DIR, (line) => logger.warn(line));
    databaseUrl = embedded.url;
    logger.info(
      `No DATABASE_URL: using embedded PostgreSQL on port ${embedded.port}, data in ${path.join(settings.DATA_DIR, 'postgres')}`,
    );
  }

  let transport: EventTransport;
  // Requests in flight: counted for the in-process transport's background events only.
  let requests: ReturnType<typeof requestsInFlight> | undefined;
  if (settings.NATS_URL) {
    transport = await createNatsTransport({ url: settings.NATS_URL, name: 'all-in-one' });
    logger.info(`Events over NATS JetStream at ${settings.NATS_URL}`);
  } else {
    // Consumers nobody waits on (e-mails, audit entries) let requests go first while the loop is saturated.
    const inFlight = requestsInFlight();
    const loop = eventLoopGate();
    requests = inFlight;
    transport = createInProcessTransport({
      background: {
        gate: { saturated: () => inFlight.count() > 0 && loop.saturated() },
        maxWaitMs: settings.BACKGROUND_EVENTS_MAX_WAIT_MS,
      },
    });
    logger.info('No NATS_URL: delivering events in-process (same outbox, retry and dead-letter semantics)');
  }

  const simulators = await startDevSimulators(settings, logger);
  stops.push(() => simulators.stop());

  // Services listen on loopback, where any local process could reach them: they believe a
  // forwarded client address only from the gateway, which proves itself with this.
  const gatewaySecret = randomBytes(32).toString('base64url');
  const services: Record<string, string> = {};
  const apps: ServiceApp[] = [];
  const listen = async (name: string, app: ServiceApp, port = 0) => {
    requests?.watch(app.server);
    const address = await app.listen({ port, host: '127.0.0.1' });
    services[name] = address;
    apps.push(app);
  };

  const identitySettings = identitySettingsSchema.parse({
    ...process.env,
    ADMIN_EMAIL: settings.ADMIN_EMAIL,
    ADMIN_PASSWORD: settings.ADMIN_PASSWORD,
  });
  const identity = await buildIdentityService({
    settings: identitySettings,
    database: createDatabase({ url: databaseUrl, schema: 'identity', max: 5 }),
    transport,
    logger,
    processMetrics: false,
    gatewaySecret,
  });
  await listen('identity', identity);
  const jwks = {
    JWKS_URL: `${services.identity}/.well-known/jwks.json`,
    JWT_ISSUER: identitySettings.JWT_ISSUER,
    JWT_AUDIENCE: identitySettings.JWT_AUDIENCE,
  };

  const partners = await buildPartnersService({
    settings: partnersSettingsSchema.parse({
      ...process.env,
      ...jwks,
      UPLOADS_DIR: process.env.UPLOADS_DIR ?? path.join(settings.DATA_DIR, 'uploads'),
      // Each confirms a partner's GDPR erasure before partners erases it for good.
      PARTNER_DATA_HOLDERS: process.env.PARTNER_DATA_HOLDERS ?? 'identity,bundling,billing',
    }),
    database: createDatabase({ url: databaseUrl, schema: 'partners', max: 5 }),
    transport,
    logger,
    processMetrics: false,
    gatewaySecret,
  });
  await listen('partners', partners);

  // E-mails link to the portal, which the gateway serves on this port.
  const gatewayPort = settings.PORT === 0 ? await freePort() : settings.PORT;
  const mail = await startLocalMail(settings.DATA_DIR, logger);
  stops.push(() => mail.stop());
  // notifications fetches receipt PDFs from billing, which starts after it: its port is chosen now.
  const billingPort = await freePort();
  const notificationsService = await buildNotificationsService({
    settings: notificationsSettingsSchema.parse({
      PORTAL_URL: `http://localhost:${gatewayPort}`,
      ...process.env,
      ...jwks,
      ...mail.env,
      BILLING_URL: `http://127.0.0.1:${billingPort}`,
    }),
    database: createDatabase({ url: databaseUrl, schema: 'notifications', max: 10 }),
    transport,
    logger,
    processMetrics: false,
    gatewaySecret,
  });
  await listen('notifications', notificationsService);

  const bundlingService = await buildBundlingService({
    settings: bundlingSettingsSchema.parse({
      ...process.env,
      ...jwks,
      // Item and package images: a folder of bundling's own, beside partners' uploads.
      UPLOADS_DIR: path.join(settings.DATA_DIR, 'bundling-uploads'),
    }),
    database: createDatabase({ url: databaseUrl, schema: 'bundling', max: 40 }),
    transport,
    logger,
    processMetrics: false,
    gatewaySecret,
  });
  await listen('bundling', bundlingService);

  // The bundled emulator delivers its webhooks to billing through the gateway, as Stripe would.
  const emulatorWebhooks = simulators.stripeUrl
    ? {
        STRIPE_API_URL: simulators.stripeUrl,
        STRIPE_WEBHOOK_SECRET: await emulatorWebhookSecrets(
          simulators.stripeUrl,
          `http://127.0.0.1:${gatewayPort}/api/billing/webhooks/stripe`,
        ),
      }
    : {};
  const billingService = await buildBillingService({
    settings: billingSettingsSchema.parse({
      // The bundled emulator when no STRIPE_SECRET_KEY is set; the portal is the gateway.
      ...emulatorWebhooks,
      PUBLIC_PORTAL_URL: `http://localhost:${gatewayPort}`,
      ...process.env,
      ...jwks,
    }),
    database: createDatabase({ url: databaseUrl, schema: 'billing', max: 10 }),
    transport,
    logger,
    processMetrics: false,
    gatewaySecret,
  });
  await listen('billing', billingService, billingPort);

  const gateway = await buildGateway({
    settings: {
      IDENTITY_URL: services.identity!,
      PARTNERS_URL: services.partners!,
      NOTIFICATIONS_URL: services.notifications!,
      BUNDLING_URL: services.bundling!,
      BILLING_URL: services.billing!,
      ...jwks,
      WEB_DIST_DIR: settings.WEB_DIST_DIR,
      CORS_ORIGINS: [],
      RATE_LIMIT_MAX: settings.RATE_LIMIT_MAX,
      UPSTREAM_TIMEOUT_MS: 15_000,
      TRUST_PROXY_HOPS: 0,
      GATEWAY_SECRET: gatewaySecret,
    },
    transport,
    logger,
    processMetrics: true,
  });
  requests?.watch(gateway.server);
  await gateway.listen({ port: gatewayPort, host: settings.HOST });
  apps.unshift(gateway);
  // Not on the public port: the gateway's metrics (with the process's) on loopback only.
  const metrics = await serveMetrics([gateway.metrics], { port: 0, host: '127.0.0.1' });
  services.metrics = metrics.url;
  stops.push(() => metrics.close());

  // The demo seed verifies its users' addresses with the links identity sends; it reads them
  // where they are written first, whether or not e-mail goes to a real server.
  const outbox = createDatabase({ url: databaseUrl, schema: 'identity', max: 1 });
  const url = `http://localhost:${gatewayPort}`;
  const unregisterMailbox = registerMailbox(url, outbox);
  stops.push(async () => {
    unregisterMailbox();
    await outbox.close();
  });

  let stopped = false;
  return {
    url,
    gatewayPort,
    services,
    simulators,
    databaseUrl,
    mailbox: outboxMailbox(outbox),
    transport,
    logger,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const app of apps) await app.close().catch((error) => logger.error({ err: error }, 'close failed'));
      for (const stop of stops) await stop().catch(() => {});
      await transport.close().catch(() => {});
      await embedded?.stop().catch(() => {});
    },
  };
}
