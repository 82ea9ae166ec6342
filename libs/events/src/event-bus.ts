import type { Database, Executor } from '@tourconnect/db';
import { DeadLettersRepository, type DeadLetter } from './dead-letters.repository.ts';
import { DurableConsumer, type ConsumerStats, type HandlerDefinition } from './durable-consumer.ts';
import { assertEnvelope, DURABLE_PATTERN, isUuid, type ContractRegistry, type EventEnvelope } from './envelope.ts';
import { normalizeHandler } from './handler-definition.ts';
import { sleep } from './limiter.ts';
import { errorMessage, type EventsLogger } from './logger.ts';
import { purgeHistory, type RetentionOptions } from './maintenance.ts';
import { OutboxNotifier } from './outbox-notifier.ts';
import { OutboxRelay, type RelayOptions } from './outbox-relay.ts';
import { writeToOutbox, type NewEvent } from './outbox-writer.ts';
import { resolveTables } from './table-names.ts';
import type { EventTables } from './tables.ts';
import type { EventTransport } from './transport.ts';

export interface EventBusOptions {
  service: string;
  database: Database;
  tables: EventTables;
  transport: EventTransport;
  logger: EventsLogger;
  registry?: ContractRegistry;
  relay?: RelayOptions & {
    /** Run the relay in this process (default true); a replay-only admin tool may not. */
    enabled?: boolean;
    /**
     * Also wake relays through LISTEN/NOTIFY on commit (default false). Only needed when
     * events are enqueued by processes that run no relay. It costs throughput: PostgreSQL
     * serializes the commits of all transactions that NOTIFY.
     */
    notify?: boolean;
  };
  retention?: RetentionOptions;
}

export interface EventBusStats {
  published: number;
  consumed: number;
  retried: number;
  deadLettered: number;
  /** Deliveries found in the inbox and only acked. */
  duplicates: number;
  publishFailures: number;
  /** Unsent outbox rows at the last check (refreshed every few seconds and by flush()). */
  outboxPending?: number;
}

export interface ReplayResult {
  replayed: boolean;
  error?: string;
  /** The dead letter had been replayed before; nothing ran again. */
  alreadyReplayed?: boolean;
  /** No dead letter with this id in this service (callers answer 404 / ask another service). */
  notFound?: boolean;
}

/** A dead letter filed by a service's own worker (see EventBus.deadLetterQueue). */
export interface WorkDeadLetter {
  /** An event describing the failed work (its id keys the dead letter); never a secret. */
  envelope: EventEnvelope;
  error: string;
  attempts: number;
}

export interface DeadLetterQueue {
  record(letter: WorkDeadLetter): Promise<DeadLetter>;
}

export interface EventBus {
  readonly service: string;
  enqueue<P>(tx: Executor, event: NewEvent<P>): Promise<EventEnvelope<P>>;
  handle(def: HandlerDefinition): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  flush(opts?: { timeoutMs?: number }): Promise<void>;
  listDeadLetters(opts?: { limit?: number; durable?: string; includeReplayed?: boolean }): Promise<DeadLetter[]>;
  replayDeadLetter(id: string): Promise<ReplayResult>;
  stats(): EventBusStats;
  /**
   * Dead letters for work a service runs outside its consumers (a worker draining a queue of
   * its own, such as notifications' mail sender): `record` files one in the same table the
   * admin's dead-letter view lists, and replaying it calls `replay` instead of a consumer.
   * `replay` must be idempotent: a replay that fails may be tried again.
   */
  deadLetterQueue(durable: string, replay: (letter: DeadLetter) => Promise<void>): DeadLetterQueue;
}

export function createEventBus(opts: EventBusOptions): EventBus {
  const { service, database, transport, logger } = opts;
  const tables = resolveTables(opts.tables);
  const notify = opts.relay?.notify ?? false;
  const relayEnabled = opts.relay?.enabled ?? true;
  const relay = new OutboxRelay(database.pool, tables, transport, logger, opts.relay);
  const notifier = new OutboxNotifier(database.pool, tables.channel, () => relay.wake(), logger);
  const deadLetters = new DeadLettersRepository(database.pool, tables);
  const counters: ConsumerStats = { consumed: 0, duplicates: 0, retried: 0, deadLettered: 0 };
  const ctx = { service, database, tables: opts.tables, transport, deadLetters, logger, stats: counters };
  const consumers = new Map<string, DurableConsumer>();
  const replayers = new Map<string, (letter: DeadLetter) => Promise<void>>();
  const writer = { service, tables: opts.tables, channel: tables.channel, registry: opts.registry, notify };
  let handles: Array<{ stop(): Promise<void> }> = [];
  let timers: NodeJS.Timeout[] = [];
  let state: 'idle' | 'running' = 'idle';
  let outboxPending: number | undefined;

  async function refreshPending(): Promise<void> {
    outboxPending = await relay.countPending().catch(() => outboxPending);
  }

  function startTimers(): void {
    const pending = setInterval(() => void refreshPending(), 5_000);
    const purge = setInterval(() => {
      purgeHistory(database.pool, tables, opts.retention ?? {}).catch((err: unknown) =>
        logger.warn({ err: errorMessage(err) }, 'event history purge failed'),
      );
    }, 600_000);
    timers = [pending, purge];
    for (const t of timers) t.unref();
  }

  async function stop(): Promise<void> {
    for (const t of timers) clearInterval(t);
    timers = [];
    const stopping = handles;
    handles = [];
    await Promise.all([...stopping.map((h) => h.stop()), relay.stop(), notifier.stop()]);
    state = 'idle';
  }

  async function flush(flushOpts: { timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = flushOpts.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const batch = await relay.relayBatch(true);
      if (batch.failed > 0) throw new Error(`flush: ${batch.failed} event(s) not published: ${batch.firstError}`);
      if (batch.claimed > 0) continue;
      await refreshPending();
      if (outboxPending === 0) return;
      if (Date.now() > deadline) {
        throw new Error(`flush: ${outboxPending} event(s) still pending after ${timeoutMs} ms`);
      }
      await sleep(20); // rows claimed by another relay right now
    }
  }

  async function replayDeadLetter(id: string): Promise<ReplayResult> {
    const letter = isUuid(id) ? await deadLetters.get(id) : undefined;
    if (!letter) return { replayed: false, notFound: true, error: 'dead letter not found' };
    if (letter.replayedAt) return { replayed: true, alreadyReplayed: true };
    const replayer = replayers.get(letter.durable);
    if (replayer) return replayWork(letter, replayer);
    const consumer = consumers.get(letter.durable);
    if (!consumer) return { replayed: false, error: `no handler registered for durable ${letter.durable}` };
    if ('malformed' in letter.envelope) {
      const error = 'a malformed message cannot be replayed; republish a corrected event instead';
      await deadLetters.recordReplayFailure(id, error);
      return { replayed: false, error };
    }
    try {
      const envelope = assertEnvelope(letter.envelope);
      await consumer.process(envelope, letter.attempts + 1, letter.id);
      logger.info({ deadLetterId: id, eventId: envelope.id, durable: letter.durable }, 'dead letter replayed');
      return { replayed: true };
    } catch (err) {
      const error = errorMessage(err);
      await deadLetters.recordReplayFailure(id, error);
      return { replayed: false, error };
    }
  }

  async function replayWork(letter: DeadLetter, replay: (letter: DeadLetter) => Promise<void>): Promise<ReplayResult> {
    try {
      await replay(letter);
      await deadLetters.markReplayed(letter.id);
      logger.info({ deadLetterId: letter.id, durable: letter.durable }, 'dead letter replayed');
      return { replayed: true };
    } catch (err) {
      const error = errorMessage(err);
      await deadLetters.recordReplayFailure(letter.id, error);
      return { replayed: false, error };
    }
  }

  function deadLetterQueue(durable: string, replay: (letter: DeadLetter) => Promise<void>): DeadLetterQueue {
    if (!DURABLE_PATTERN.test(durable))
      throw new Error(`durable "${durable}" must be 1-64 letters, digits, "_" or "-"`);
    if (consumers.has(durable) || replayers.has(durable)) throw new Error(`durable ${durable} is already registered`);
    replayers.set(durable, replay);
    return {
      async record({ envelope, error, attempts }) {
        const base = { service, durable, subject: envelope.subject, eventId: envelope.id, envelope, error, attempts };
        const row = await deadLetters.insert(base);
        counters.deadLettered++;
        logger.error({ durable, eventId: envelope.id, error, deadLetterId: row.id }, 'work dead-lettered');
        try {
          await transport.publishDeadLetter?.({ ...base, deadAt: row.deadAt });
        } catch (err) {
          logger.warn({ err: errorMessage(err), deadLetterId: row.id }, 'could not publish dead-letter copy');
        }
        return row;
      },
    };
  }

  return {
    service,
    async enqueue(tx, event) {
      const envelope = await writeToOutbox(writer, tx, event);
      if (state === 'running' && relayEnabled) relay.nudge();
      return envelope;
    },
    handle(def) {
      if (state !== 'idle') throw new Error('register handlers before start()');
      const spec = normalizeHandler(service, def);
      if (consumers.has(spec.durable)) throw new Error(`durable ${spec.durable} is already registered`);
      consumers.set(spec.durable, new DurableConsumer(ctx, spec, def.handler));
    },
    async start() {
      if (state !== 'idle') return;
      state = 'running';
      try {
        for (const consumer of consumers.values()) {
          handles.push(await transport.consume(consumer.consumerSpec(), consumer.onMessage));
        }
        if (relayEnabled) {
          relay.start();
          if (notify) await notifier.start();
        }
        startTimers();
      } catch (err) {
        await stop();
        throw err;
      }
    },
    stop,
    flush,
    listDeadLetters: (listOpts) => deadLetters.list(listOpts),
    replayDeadLetter,
    stats: () => ({
      ...counters,
      published: relay.published,
      publishFailures: relay.publishFailures,
      outboxPending,
    }),
    deadLetterQueue,
  };
}
