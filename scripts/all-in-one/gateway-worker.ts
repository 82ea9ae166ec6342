import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { buildGateway, type LiveEvent } from '@tourconnect/gateway';
import { initTracing, loggerOptions, serveMetrics } from '@tourconnect/service-kit';
import type { FromGateway, GatewayThreadInput, ToGateway } from './gateway-thread.ts';

// The all-in-one's gateway on a thread of its own (gateway-thread.ts): the same buildGateway as
// every layout, its live feed and health asked of the main thread's event transport.

if (!parentPort) throw new Error('gateway-worker.ts runs as a worker thread (startGatewayThread)');
const port = parentPort;
const input = workerData as GatewayThreadInput;
const send = (message: FromGateway) => port.postMessage(message);

initTracing('tourconnect-all-in-one', input.otlpEndpoint);
const logger = pino({ ...loggerOptions('all-in-one', input.logLevel), base: { mode: 'all-in-one' } });

let next = 0;
const listeners = new Map<number, (event: LiveEvent) => void>();
const pings = new Map<number, { resolve(): void; reject(error: Error): void }>();

port.on('message', (message: ToGateway) => {
  switch (message.type) {
    case 'event':
      listeners.get(message.tap)?.(message.event);
      break;
    case 'pong': {
      const waiting = pings.get(message.id);
      pings.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error));
      else waiting?.resolve();
      break;
    }
    case 'close':
      void close();
      break;
  }
});

const feed = {
  tap(pattern: string, listener: (event: LiveEvent) => void) {
    const tap = ++next;
    listeners.set(tap, listener);
    send({ type: 'tap', tap, pattern });
    return {
      stop() {
        listeners.delete(tap);
        send({ type: 'untap', tap });
      },
    };
  },
  ping() {
    return new Promise<void>((resolve, reject) => {
      const id = ++next;
      pings.set(id, { resolve, reject });
      send({ type: 'ping', id });
    });
  },
};

let closing: Promise<void> | undefined;
const started = (async () => {
  const gateway = await buildGateway({
    settings: input.settings,
    transport: feed,
    logger,
    processMetrics: input.processMetrics,
  });
  await gateway.listen({ port: input.port, host: input.host });
  // Not on the public port: the gateway's metrics on loopback only.
  const metrics = input.serveMetrics
    ? await serveMetrics([gateway.metrics], { port: 0, host: '127.0.0.1' })
    : undefined;
  return { gateway, metrics };
})();

started.then(
  ({ metrics }) => send({ type: 'ready', metricsUrl: metrics?.url }),
  (error: unknown) =>
    send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);

function close(): Promise<void> {
  closing ??= (async () => {
    try {
      const { gateway, metrics } = await started;
      await gateway.close();
      await metrics?.close();
    } catch (error) {
      logger.error({ err: error }, 'gateway thread: close failed');
    }
    for (const waiting of pings.values()) waiting.reject(new Error('gateway thread closed'));
    pings.clear();
    send({ type: 'closed' });
    port.close();
  })();
  return closing;
}
