import { createDatabase } from '@tourconnect/db';
import { createNatsTransport } from '@tourconnect/events';
import type { z } from 'zod';
import type { ServiceDeps } from './boot.ts';
import { loadConfigOrExit, type baseConfigSchema } from './config.ts';
import { createLogger } from './logger.ts';
import type { ServiceApp } from './service.ts';
import { listenWithGracefulShutdown } from './shutdown.ts';
import { initTracing } from './tracing.ts';

type BaseConfig = z.infer<typeof baseConfigSchema>;

export interface RunServiceOptions<C extends BaseConfig> {
  /** Also the PostgreSQL schema, the NATS connection name and the default OTel service name. */
  name: string;
  configSchema: z.ZodType<C>;
  build(deps: ServiceDeps<C>): Promise<ServiceApp>;
  env?: Record<string, string | undefined>;
}

/**
 * The distributed entry point of a service (docker-compose, k8s): validated config (exit 78
 * naming every bad variable), tracing, JSON logs, its own pool and NATS connection, then
 * listen with a graceful shutdown. The all-in-one calls `build` directly with shared parts.
 */
export async function runService<C extends BaseConfig>(options: RunServiceOptions<C>): Promise<ServiceApp> {
  const { name } = options;
  // Without env, the kit's config module reads the process environment.
  const config = loadConfigOrExit(name, options.configSchema, options.env);
  initTracing(config.OTEL_SERVICE_NAME ?? name, config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const logger = createLogger(name, config.LOG_LEVEL);
  const database = createDatabase({
    url: config.DATABASE_URL,
    schema: name,
    applicationName: name,
    max: config.DATABASE_POOL_MAX,
  });
  const transport = await createNatsTransport({
    url: config.NATS_URL,
    name,
    logger,
    subjectPrefix: config.NATS_SUBJECT_PREFIX,
  });
  const app = await options.build({
    settings: config,
    database,
    transport,
    logger,
    ownsTransport: true,
    gatewaySecret: config.GATEWAY_SECRET,
    redisUrl: config.REDIS_URL,
  });
  await listenWithGracefulShutdown(app, { port: config.PORT, host: config.HOST });
  return app;
}
