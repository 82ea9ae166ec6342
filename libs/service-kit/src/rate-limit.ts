import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

export interface RateLimitOptions {
  /** Shared store across replicas when set; in-memory per process otherwise. */
  redisUrl?: string;
  /** Apply to every route (gateway) or only where a route opts in with `config.rateLimit`. */
  global?: boolean;
  max?: number;
  timeWindow?: number | string;
  /**
   * Paths (without query) never limited per client, besides the probes: e.g. Stripe's signed
   * webhooks, which arrive from a few Stripe addresses at Stripe's own pace and which a 429
   * would only delay (Stripe retries over hours). The service behind checks their signature.
   */
  exemptPaths?: readonly string[];
}

export async function installRateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { connectTimeout: 1_000, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => {})));
  const exempt = new Set(['/livez', '/readyz', '/metrics', ...(options.exemptPaths ?? [])]);
  await app.register(rateLimit, {
    global: options.global ?? false,
    max: options.max ?? 300,
    timeWindow: options.timeWindow ?? '1 minute',
    ...(redis ? { redis, nameSpace: 'tc-rl:' } : {}),
    skipOnError: true,
    allowList: (request) => exempt.has(request.url.split('?', 1)[0]!),
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`, undefined, {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      }),
  });
}
