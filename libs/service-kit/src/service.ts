import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { HelmetOptions } from 'helmet';
import type { Logger } from 'pino';
import { installAuth, type AuthOptions } from './auth.ts';
import { installHealth, type ReadinessCheck } from './health.ts';
import { loggerOptions } from './logger.ts';
import { installMetrics } from './metrics.ts';
import { installForwardedGuard } from './forwarded-guard.ts';
import { installNulGuard } from './nul-guard.ts';
import { installProblemHandlers, type NotFoundHandler } from './problem-handler.ts';
import { installRateLimit, type RateLimitOptions } from './rate-limit.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { installHttpTracing } from './tracing.ts';

export type ServiceApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface ServiceOptions {
  name: string;
  /** A parent logger (all-in-one mode shares one); otherwise a JSON logger at `logLevel`. */
  logger?: Logger;
  logLevel?: string;
  auth?: AuthOptions;
  readiness?: Record<string, ReadinessCheck>;
  rateLimit?: RateLimitOptions;
  /** Bytes; 1 MB unless a route needs more. */
  bodyLimit?: number;
  openapi?: { title: string; version?: string; description?: string };
  /** Process metrics (GC, heap…) once per process; the all-in-one turns them on for one app. */
  processMetrics?: boolean;
  /**
   * Serve GET /metrics on the app's own listener (default). The gateway, the public edge, turns
   * it off and serves its registry on an internal port instead (`serveMetrics`).
   */
  metricsRoute?: boolean;
  helmet?: HelmetOptions;
  /**
   * Whose X-Forwarded-For to believe: services behind the gateway trust it (true); the gateway,
   * at the edge, trusts only as many proxy hops as really sit in front of it (a number; 0 = none).
   */
  trustProxy?: boolean | number;
  /** Tried before the problem+json 404 (e.g. serving the portal's index.html). */
  notFoundHandler?: NotFoundHandler;
  /**
   * A service behind the gateway: X-Forwarded-* are believed only on requests carrying this
   * secret in `x-tourconnect-gateway` (set by the gateway). Any other local process calling
   * the service directly is seen at its own address, so it cannot pose as many clients.
   */
  gatewaySecret?: string;
}

/** A hop count trusts that many proxies nearest to us (Fastify's own numeric form, typed as a function). */
function trustSetting(trust: boolean | number | undefined): boolean | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust === 0 ? false : (_address, hop) => hop < trust;
  return trust ?? true;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * One call turns Fastify into a TourConnect service: JSON logs with request and trace ids,
 * problem+json errors, zod validation, health, metrics, tracing, JWT guards, rate limits,
 * security headers and the service's OpenAPI document at /openapi.json.
 */
export async function createService(options: ServiceOptions): Promise<ServiceApp> {
  const logger = options.logger ? options.logger.child({ service: options.name }) : undefined;
  const app = Fastify({
    ...(logger
      ? { loggerInstance: logger as FastifyBaseLogger }
      : { logger: loggerOptions(options.name, options.logLevel) }),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: trustSetting(options.trustProxy),
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    forceCloseConnections: 'idle',
  }) as unknown as FastifyInstance;

  // JSON APIs: a text/plain body is refused (415) rather than half-parsed into a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Before the rate limiter's hook, so per-IP limits see the address this decides.
  if (options.gatewaySecret) installForwardedGuard(app, options.gatewaySecret);

  installProblemHandlers(app, options.notFoundHandler);
  installNulGuard(app);
  installHttpTracing(app, options.name);
  installSecurityHeaders(
    app,
    options.helmet ?? { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } },
  );
  await app.register(cookie);
  await installRateLimit(app, options.rateLimit ?? {});
  await app.register(swagger, {
    openapi: {
      info: {
        title: options.openapi?.title ?? `TourConnect ${options.name}`,
        version: options.openapi?.version ?? '1.0.0',
        description: options.openapi?.description,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  installMetrics(app, options.name, options.processMetrics ?? true, options.metricsRoute ?? true);
  if (options.auth) installAuth(app, options.auth);
  const checks: Record<string, ReadinessCheck> = { ...(options.readiness ?? {}) };
  installHealth(app, checks);
  app.decorate('addReadinessCheck', (name: string, check: ReadinessCheck) => {
    checks[name] = check;
  });
  return app.withTypeProvider<ZodTypeProvider>();
}

declare module 'fastify' {
  interface FastifyInstance {
    addReadinessCheck: (name: string, check: ReadinessCheck) => void;
  }
}
