import cors from '@fastify/cors';
import swaggerUi from '@fastify/swagger-ui';
import type { Logger } from 'pino';
import { createService, remoteJwks, type AuthOptions, type ServiceApp } from '@tourconnect/service-kit';
import { DEFAULT_REVOKED_SUBJECT_TTL_SECONDS, upstreamsFrom, type GatewaySettings } from './config.ts';
import { createDocsAggregator } from './openapi-merge.ts';
import { registerProxy } from './proxy.ts';
import { registerRealtime, type LiveFeed } from './realtime.ts';
import { installRevocationGuard } from './revoked-subjects.ts';
import { registerAdminRoutes } from './routes/admin.routes.ts';
import { portalCsp, registerPortal, spaFallback } from './static-portal.ts';
import { fanOut } from './upstream-client.ts';

export interface GatewayDeps {
  settings: GatewaySettings;
  /** The event transport's live feed (NATS or in-process) for /ws, and its health. */
  transport: LiveFeed & { ping(): Promise<void> };
  logger?: Logger;
  /** Without `logger`: the level of the gateway's own JSON logger (LOG_LEVEL); info otherwise. */
  logLevel?: string;
  /** Overrides JWKS_URL (tests, or the all-in-one handing identity's keys over directly). */
  keys?: AuthOptions['keys'];
  processMetrics?: boolean;
}

/**
 * The one origin of the portal: the built web app, /api/* proxied to the owning service, /ws
 * live events, the merged OpenAPI at /docs, CORS/CSRF, request ids and rate limits.
 */
export async function buildGateway(deps: GatewayDeps): Promise<ServiceApp> {
  const { settings } = deps;
  const upstreams = upstreamsFrom(settings);
  const auth: AuthOptions = {
    keys: deps.keys ?? remoteJwks(settings.JWKS_URL),
    issuer: settings.JWT_ISSUER,
    audience: settings.JWT_AUDIENCE,
  };
  let portalReady = false;
  const app = await createService({
    name: 'gateway',
    logger: deps.logger,
    logLevel: deps.logLevel,
    auth,
    rateLimit: {
      global: true,
      max: settings.RATE_LIMIT_MAX,
      timeWindow: '1 minute',
      // Stripe's webhooks: signed (billing verifies them), paced and retried by Stripe.
      exemptPaths: ['/api/billing/webhooks/stripe'],
      ...(settings.REDIS_URL ? { redisUrl: settings.REDIS_URL } : {}),
    },
    trustProxy: settings.TRUST_PROXY_HOPS ?? 0,
    helmet: { contentSecurityPolicy: { directives: portalCsp.directives } },
    openapi: { title: 'TourConnect gateway' },
    processMetrics: deps.processMetrics,
    // The gateway is the public edge: its metrics go out on an internal port (serveMetrics).
    metricsRoute: false,
    notFoundHandler: spaFallback(() => portalReady),
  });

  const allowedOrigins = new Set(settings.CORS_ORIGINS);
  await app.register(cors, {
    origin: (origin, done) => done(null, !origin || allowedOrigins.has(origin)),
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
  });

  app.addReadinessCheck('events', () => deps.transport.ping());
  app.addReadinessCheck('services', async () => {
    const answers = await fanOut(upstreams, '/readyz', { timeoutMs: 1_500 });
    const down = answers.filter((a) => a.status !== 200).map((a) => a.service);
    if (down.length) throw new Error(`not ready: ${down.join(', ')}`);
  });

  const docs = createDocsAggregator(upstreams);
  let mergedDoc: Record<string, unknown> = {};
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/docs/json') || request.url === '/docs/openapi.json')
      mergedDoc = (await docs.get()) as Record<string, unknown>;
  });
  app.get('/docs/openapi.json', { schema: { hide: true } }, async () => mergedDoc);
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformSpecification: () => mergedDoc,
    uiConfig: { deepLinking: true },
  });

  // Before any route: an erased user's token is refused for /api/* and /ws alike.
  const revoked = installRevocationGuard(app, {
    feed: deps.transport,
    auth,
    ttlSeconds: settings.REVOKED_SUBJECT_TTL_SECONDS ?? DEFAULT_REVOKED_SUBJECT_TTL_SECONDS,
  });
  registerAdminRoutes(app, upstreams);
  const realtime = await registerRealtime(app, deps.transport, auth, { isRevoked: (id) => revoked.isRevoked(id) });
  revoked.onRevoke((userId) => realtime.disconnect(userId, 'account deleted'));
  await registerProxy(app, {
    upstreams,
    timeoutMs: settings.UPSTREAM_TIMEOUT_MS,
    allowedOrigins,
    defaultBodyLimit: 1_048_576,
    gatewaySecret: settings.GATEWAY_SECRET,
  });
  portalReady = await registerPortal(app, settings.WEB_DIST_DIR);
  return app;
}
