// Public entry: createStripeEmulator() gives an in-process Stripe (Connect subset) that the
// official `stripe` SDK can talk to (host/port/protocol options). `npm start` embeds it;
// src/server.ts runs it alone.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { dayIndex, EmulatorClock, systemTime, type TimeSource } from './core/clock.ts';
import { newId } from './core/ids.ts';
import { Faults } from './control/faults.ts';
import { reconcile } from './control/reconcile.ts';
import type { Kernel } from './kernel.ts';
import { platformAccountObject } from './resources/accounts.model.ts';
import { Scheduler, type AdvanceReport } from './scheduler/scheduler.ts';
import { FilePersistence } from './state/persistence.ts';
import { emptyState, Store } from './state/store.ts';
import type { DeliveryAttempt, PersistedState } from './state/types.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';

/** The API version the pinned SDK (stripe-node 23.1.0) sends and events are labelled with. */
export const EMULATED_API_VERSION = '2026-10-28.endive';

export interface StripeEmulatorOptions {
  /** Persist state to <dataDir>/state.json; in memory when absent. */
  dataDir?: string;
  /** Source of wall-clock time (ms); the emulator adds its own advance offset on top. */
  clock?: TimeSource;
  logger?: boolean;
  /** Accept only these secret keys (default: any well-formed sk_test_/rk_test_ key). */
  apiKeys?: string[];
  /**
   * Where a browser reaches the emulator (its bank and onboarding pages), when that is not the
   * address the API caller used — e.g. `http://localhost:12111` in compose, where billing calls
   * `http://stripe-emulator:12111`. Without it, the API request's Host.
   */
  publicUrl?: string;
  /** Delays between webhook attempts (default: Stripe-like backoff over about 3 days). */
  webhookRetryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  /** How often the scheduler looks for due work in real time (default 250 ms). */
  tickMs?: number;
  /** Seed of the fault-injection dice. */
  faultSeed?: number;
}

export interface EmulatorState {
  readonly platformAccountId: string;
  /** Moves the emulator clock forward, running everything due on the way. */
  advanceClock(seconds: number): AdvanceReport;
  now(): number;
  reconcile(): ReturnType<typeof reconcile>;
  webhookAttempts(): readonly DeliveryAttempt[];
  /** Resolves once webhook attempts already started have finished. */
  webhooksIdle(): Promise<void>;
  faults: Faults;
  reset(): void;
  snapshot(): PersistedState;
}

export interface StripeEmulator {
  app: FastifyInstance;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  state: EmulatorState;
}

function freshState(clock: EmulatorClock): PersistedState {
  return emptyState(newId('acct'), dayIndex(clock.now()));
}

function ensurePlatform(k: Kernel): void {
  const id = k.store.platformAccountId;
  if (!k.store.find('account', id)) k.store.insert(platformAccountObject(id, k.clock.now()), id);
}

export function createStripeEmulator(options: StripeEmulatorOptions = {}): StripeEmulator {
  const persistence = options.dataDir ? new FilePersistence(options.dataDir) : undefined;
  const bootClock = new EmulatorClock(options.clock ?? systemTime);
  const loaded = persistence?.load();
  const store = new Store(loaded ?? freshState(bootClock));
  const clock = new EmulatorClock(options.clock ?? systemTime, store.clockOffsetMs);
  const faults = new Faults(options.faultSeed ?? 1);
  const webhooks = new WebhookDispatcher(store, clock, faults, {
    ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
    ...(options.webhookTimeoutMs ? { timeoutMs: options.webhookTimeoutMs } : {}),
  });
  const k: Kernel = { store, clock, faults, webhooks, apiVersion: EMULATED_API_VERSION };
  ensurePlatform(k);
  if (persistence) {
    const save = () => persistence.scheduleSave(() => store.snapshot());
    store.onChange(save);
    save(); // a fresh data directory gets its platform account at once, so restarts keep it
  }
  const scheduler = new Scheduler(k);
  const reset = () => {
    const platform = store.platformAccountId;
    clock.moveTo(clock.now()); // keep time monotonic for receivers; only the data is reset
    store.load({ ...emptyState(platform, dayIndex(clock.now())), clockOffsetMs: clock.offset });
    faults.reset();
    ensurePlatform(k);
  };
  const app = buildApp(k, scheduler, {
    logger: options.logger ?? false,
    reset,
    ...(options.apiKeys ? { apiKeys: options.apiKeys } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  scheduler.start(options.tickMs ?? 250);
  return {
    app,
    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      return { port: bound, url: `http://${host}:${bound}` };
    },
    async close() {
      scheduler.stop();
      await webhooks.close();
      await app.close();
      persistence?.flush();
    },
    state: {
      get platformAccountId() {
        return store.platformAccountId;
      },
      advanceClock: (seconds) => scheduler.advance(seconds),
      now: () => clock.now(),
      reconcile: () => reconcile(k),
      webhookAttempts: () => store.attempts,
      webhooksIdle: () => webhooks.idle(),
      faults,
      reset,
      snapshot: () => store.snapshot(),
    },
  };
}

export type { AdvanceReport } from './scheduler/scheduler.ts';
export type { DeliveryAttempt } from './state/types.ts';
export type { TimeSource } from './core/clock.ts';
export { TEST_PAYMENT_METHODS } from './resources/payment-methods.ts';
