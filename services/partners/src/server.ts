// Distributed entry point: one partners process (docker-compose, k8s). The all-in-one
// launcher calls buildPartnersService directly with a shared transport instead.
import { createDatabase } from '@tourconnect/db';
import { createNatsTransport } from '@tourconnect/events';
import { createLogger, initTracing, listenWithGracefulShutdown } from '@tourconnect/service-kit';
import { buildPartnersService } from './app.ts';
import { loadConfigForServer } from './config.ts';

const config = loadConfigForServer();
initTracing(config.OTEL_SERVICE_NAME ?? 'partners', config.OTEL_EXPORTER_OTLP_ENDPOINT);
const logger = createLogger('partners', config.LOG_LEVEL);
const database = createDatabase({ url: config.DATABASE_URL, schema: 'partners', applicationName: 'partners' });
const transport = await createNatsTransport({
  url: config.NATS_URL,
  name: 'partners',
  logger,
  subjectPrefix: config.NATS_SUBJECT_PREFIX,
});
const app = await buildPartnersService({ settings: config, database, transport, logger, ownsTransport: true });
await listenWithGracefulShutdown(app, { port: config.PORT, host: config.HOST });
