import { createNatsTransport } from '@tourconnect/events';
import { initTracing, listenWithGracefulShutdown, loadConfigOrExit } from '@tourconnect/service-kit';
import { buildGateway } from './app.ts';
import { configSchema } from './config.ts';

// Distributed entry: one process, NATS for the live feed, services reached over HTTP.
const config = loadConfigOrExit('gateway', configSchema);
initTracing(config.OTEL_SERVICE_NAME ?? 'gateway', config.OTEL_EXPORTER_OTLP_ENDPOINT);
const transport = await createNatsTransport({
  url: config.NATS_URL,
  name: 'gateway',
  subjectPrefix: config.NATS_SUBJECT_PREFIX,
});
const app = await buildGateway({ settings: config, transport });
app.addHook('onClose', () => transport.close());
await listenWithGracefulShutdown(app, { port: config.PORT, host: config.HOST });
