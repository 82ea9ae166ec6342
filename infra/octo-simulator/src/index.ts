// @tourconnect/octo-simulator: a local tour/activity supplier system speaking OCTO, for the
// connectors service, its tests and the demo. Embeddable in-process (npm start) or run alone
// (src/server.ts).
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { controlPlugin } from './control/control.plugin.ts';
import { installErrorHandlers, installJsonParser } from './octo/http.ts';
import { octoPlugin } from './octo/octo.plugin.ts';
import { createClock } from './state/clock.ts';
import { SimulatorRuntime } from './state/runtime.ts';
import { DEFAULT_DISPATCHER_OPTIONS, type DispatcherOptions } from './webhooks/dispatcher.ts';

export interface OctoSimulatorOptions {
  /** API keys; each is a supplier with its own deterministic seeded catalogue. */
  keys?: string[];
  /** Injectable clock for availability windows, cut-offs and hold expiry. */
  now?: () => Date;
  logger?: boolean;
  /** Webhook retry schedule and per-attempt timeout (tests shorten these). */
  webhooks?: Partial<DispatcherOptions>;
  /** How often overdue holds are expired in the background (default 1000 ms). */
  sweepIntervalMs?: number;
}

export interface OctoSimulator {
  app: FastifyInstance;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 13100;
export const KEY_PATTERN = /^[A-Za-z0-9._~+/=-]{1,200}$/;

function checkKeys(keys: readonly string[]): void {
  if (keys.length === 0) throw new Error('octo-simulator: at least one API key is required');
  const bad = keys.find((key) => !KEY_PATTERN.test(key));
  if (bad !== undefined)
    throw new Error(`octo-simulator: invalid API key ${JSON.stringify(bad)} (allowed: ${KEY_PATTERN.source})`);
  if (new Set(keys).size !== keys.length) throw new Error('octo-simulator: API keys must be unique');
}

export function createOctoSimulator(opts: OctoSimulatorOptions = {}): OctoSimulator {
  const keys = opts.keys ?? ['test'];
  checkKeys(keys);
  const runtime = new SimulatorRuntime(keys, createClock(opts.now), {
    ...DEFAULT_DISPATCHER_OPTIONS,
    ...opts.webhooks,
  });
  const app = Fastify({ logger: opts.logger ?? false, routerOptions: { ignoreTrailingSlash: true } });
  installJsonParser(app);
  installErrorHandlers(app);
  app.register(octoPlugin(runtime), { prefix: '/octo' });
  app.register(controlPlugin(runtime), { prefix: '/_simulator' });
  // preClose, not onClose: requests held open by the timeout fault must be dropped first.
  app.addHook('preClose', async () => runtime.close());
  runtime.startSweeper(opts.sweepIntervalMs ?? 1000);

  return {
    app,
    async listen(port = DEFAULT_PORT, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address() as AddressInfo;
      const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      return { port: address.port, url: `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${address.port}` };
    },
    close: () => app.close(),
  };
}

export { signBody, verifySignature, SIGNATURE_HEADER } from './webhooks/signature.ts';
