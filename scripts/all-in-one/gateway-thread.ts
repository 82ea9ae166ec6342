import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { GatewaySettings, LiveEvent, LiveFeed } from '@tourconnect/gateway';

/**
 * The all-in-one's gateway on a worker thread: it parses every request of the public port,
 * checks tokens, CSRF and rate limits, proxies to the services and writes the answers back,
 * beside the services' own work on the main thread instead of queued behind it — the process
 * uses a second core. Its live feed (/ws) and its readiness ask the main thread's event
 * transport through the thread's port; nothing else is shared (its rate-limit memory, its
 * token cache and its HTTP pools are its own, as in a gateway process of its own).
 */
export interface GatewayThreadInput {
  settings: GatewaySettings;
  port: number;
  host: string;
  logLevel: string;
  otlpEndpoint: string | undefined;
  processMetrics: boolean;
  /** Serve the gateway's metrics on a loopback port of their own (its URL comes back as `metricsUrl`). */
  serveMetrics: boolean;
}

/** From the gateway thread to the main thread. */
export type FromGateway =
  | { type: 'ready'; metricsUrl: string | undefined }
  | { type: 'failed'; error: string }
  | { type: 'tap'; tap: number; pattern: string }
  | { type: 'untap'; tap: number }
  | { type: 'ping'; id: number }
  | { type: 'closed' };

/** From the main thread to the gateway thread. */
export type ToGateway =
  { type: 'event'; tap: number; event: LiveEvent } | { type: 'pong'; id: number; error?: string } | { type: 'close' };

export interface GatewayThread {
  metricsUrl: string | undefined;
  /** Closes the gateway (in-flight requests finish) and ends the thread. */
  stop(): Promise<void>;
}

const WORKER = new URL('./gateway-worker.mjs', import.meta.url);

export async function startGatewayThread(
  input: GatewayThreadInput,
  deps: { transport: LiveFeed & { ping(): Promise<void> }; logger: Logger },
): Promise<GatewayThread> {
  const worker = new Worker(WORKER, { workerData: input });
  const taps = new Map<number, { stop(): void }>();
  const send = (message: ToGateway) => worker.postMessage(message);
  let closed: (() => void) | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const ready = new Promise<string | undefined>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the gateway thread exited (${code}) before it was ready`)));
    worker.on('message', (message: FromGateway) => {
      switch (message.type) {
        case 'ready':
          resolve(message.metricsUrl);
          break;
        case 'failed':
          reject(new Error(`the gateway thread failed to start: ${message.error}`));
          break;
        case 'tap':
          taps.set(
            message.tap,
            deps.transport.tap(message.pattern, (event) => send({ type: 'event', tap: message.tap, event })),
          );
          break;
        case 'untap':
          taps.get(message.tap)?.stop();
          taps.delete(message.tap);
          break;
        case 'ping':
          deps.transport.ping().then(
            () => send({ type: 'pong', id: message.id }),
            (error: unknown) => send({ type: 'pong', id: message.id, error: String(error) }),
          );
          break;
        case 'closed':
          closed?.();
          break;
      }
    });
  });

  let metricsUrl: string | undefined;
  try {
    metricsUrl = await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  // After it is up, a crash of the thread is the platform's: say so loudly.
  worker.on('error', (error) => deps.logger.error({ err: error }, 'the gateway thread crashed'));

  let stopping: Promise<void> | undefined;
  return {
    metricsUrl,
    stop() {
      stopping ??= (async () => {
        const acknowledged = new Promise<void>((resolve) => (closed = resolve));
        send({ type: 'close' });
        await Promise.race([acknowledged, exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
        for (const tap of taps.values()) tap.stop();
        taps.clear();
        await worker.terminate();
      })();
      return stopping;
    },
  };
}
