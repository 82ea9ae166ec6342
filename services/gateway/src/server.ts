import { createNatsTransport } from '@tourconnect/events';
import { initTracing, listenWithGracefulShutdown, loadConfigOrExit, serveMetrics } from '@tourconnect/service-kit';
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
const app = await buildGateway({ settings: config, transport, logLevel: config.LOG_LEVEL });
app.addHook('onClose', () => transport.close());
if (config.METRICS_PORT > 0) {
  const metrics = await serveMetrics([app.metrics], { port: config.METRICS_PORT, host: config.HOST });
  app.addHook('onClose', () => metrics.close());
}
await listenWithGracefulShutdown(app, { port: config.PORT, host: config.HOST });
