// Distributed entry point: one identity process (docker-compose, k8s). The all-in-one
// launcher calls buildIdentityService directly with a shared transport instead.
import { createDatabase } from '@tourconnect/db';
import { createNatsTransport } from '@tourconnect/events';
import { createLogger, initTracing, listenWithGracefulShutdown } from '@tourconnect/service-kit';
import { buildIdentityService } from './app.ts';
import { loadConfigForServer } from './config.ts';

const config = loadConfigForServer();
initTracing(config.OTEL_SERVICE_NAME ?? 'identity', config.OTEL_EXPORTER_OTLP_ENDPOINT);
const logger = createLogger('identity', config.LOG_LEVEL);
const database = createDatabase({ url: config.DATABASE_URL, schema: 'identity', applicationName: 'identity' });
const transport = await createNatsTransport({
  url: config.NATS_URL,
  name: 'identity',
  logger,
  subjectPrefix: config.NATS_SUBJECT_PREFIX,
});
const app = await buildIdentityService({ settings: config, database, transport, logger, ownsTransport: true });
await listenWithGracefulShutdown(app, { port: config.PORT, host: config.HOST });
