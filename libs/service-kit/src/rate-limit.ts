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
}

export async function installRateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { connectTimeout: 1_000, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => {})));
  await app.register(rateLimit, {
    global: options.global ?? false,
    max: options.max ?? 300,
    timeWindow: options.timeWindow ?? '1 minute',
    ...(redis ? { redis, nameSpace: 'tc-rl:' } : {}),
    skipOnError: true,
    allowList: (request) => ['/livez', '/readyz', '/metrics'].includes(request.url),
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`, undefined, {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      }),
  });
}
