import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { connect } from 'nats';
import { createDatabase, type Database } from '@tourconnect/db';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import {
  createEventBus,
  createEventTablesSql,
  createInProcessTransport,
  createNatsTransport,
  eventTables,
  type EventBus,
  type EventTransport,
} from '@tourconnect/events';

type Kind = 'nats' | 'in-process';
type Mode = 'burst' | 'steady';

export interface EventBusBenchOptions {
  /** Events in the burst run (default 20,000). */
  events?: number;
  /** Events per producer transaction in the burst run (default 50). */
  txSize?: number;
  /** Concurrent producer transactions (default 4 burst, 8 steady). */
  producers?: number;
  /** Paced run rate in events/s (default 1,000); 0 skips it. */
  steadyRate?: number;
  /** Events in the paced run (default 5,000). */
  steadyEvents?: number;
  /** Events per transaction in the paced run (default 5: request-sized transactions). */
  steadyTxSize?: number;
  transports?: Kind[];
  /** Parallel handler transactions of the durable consumer (bus default). */
  concurrency?: number;
  /** Events per handler transaction under load (bus default). */
  batchSize?: number;
  /** Relay batch size (bus default). */
  relayBatchSize?: number;
  poolSize?: number;
  natsUrl?: string;
  /** Events pushed through before each measured run (JIT, connections, consumers; default 500). */
  warmup?: number;
}

export interface EventBusBenchRow {
  transport: Kind;
  mode: Mode;
  events: number;
  /** Rate at which producers committed events to the outbox. */
  enqueuedPerSec: number;
  /** Events handled (handler transaction committed) per second, first enqueue → last commit. */
  endToEndPerSec: number;
  /** occurredAt (enqueue) → handler transaction committed. */
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /**
   * Producer transaction committed → handler committed: the bus's own share. occurredAt is
   * stamped at enqueue, so the lag above also holds the rest of the producer's transaction
   * (49 more inserts in a burst transaction of 50).
   */
  commitLagP50Ms: number;
  commitLagP99Ms: number;
  /** occurredAt → accepted by the transport (outbox + relay share of the lag). */
  publishLagP50Ms: number;
  publishLagP99Ms: number;
  /** occurredAt → handed to the handler pipeline by the transport. */
  deliverLagP50Ms: number;
  deliverLagP99Ms: number;
  /** p99 event-loop delay during the run: how long ready work waited for the (shared) CPU. */
  eventLoopDelayP99Ms: number;
  /** CPU of this Node process per event (producer, relay and consumer together). */
  nodeCpuMsPerEvent: number;
  /** 1-minute load average when the run ended: the box is shared, read figures with it. */
  loadAverage: number;
}

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * Outbox → relay → transport → one durable consumer (inbox row + one effect row per event),
 * all in one Node process against the real PostgreSQL and NATS: the all-in-one shape, and the
 * pessimistic one, since producer, relay and consumer share one event loop.
 * "burst" enqueues as fast as the producers can; "steady" paces them to measure lag below
 * saturation.
 */
export async function runEventBusBench(opts: EventBusBenchOptions = {}): Promise<EventBusBenchRow[]> {
  const rows: EventBusBenchRow[] = [];
  for (const kind of opts.transports ?? ['nats', 'in-process']) {
    rows.push(await runOne(kind, 'burst', opts));
    if ((opts.steadyRate ?? 1_000) > 0) rows.push(await runOne(kind, 'steady', opts));
  }
  return rows;
}

interface Rig {
  service: string;
  database: Database;
  transport: EventTransport;
  close(): Promise<void>;
}

async function openRig(kind: Kind, opts: EventBusBenchOptions): Promise<Rig> {
  const service = `bench${randomBytes(3).toString('hex')}`;
  const testDb: TestDatabase = await createTestDatabase('events_bench');
  const database = createDatabase({ url: testDb.url, schema: service, max: opts.poolSize ?? 20 });
  const streams = { stream: `${service.toUpperCase()}_EVENTS`, deadLetterStream: `${service.toUpperCase()}_DL` };
  await database.pool.query(createEventTablesSql(service));
  await database.pool.query(`CREATE TABLE "${service}".effects (event_id uuid PRIMARY KEY, amount int NOT NULL)`);
  const natsUrl = opts.natsUrl ?? NATS_URL;
  const transport =
    kind === 'nats'
      ? await createNatsTransport({
          url: natsUrl,
          name: service,
          subjects: [`${service}.>`],
          deadLetterSubjectPrefix: `${service}dl`,
          ...streams,
        })
      : createInProcessTransport();
  return {
    service,
    database,
    transport,
    close: async () => {
      await transport.close();
      await database.close();
      await testDb.drop();
      if (kind === 'nats') await deleteStreams(natsUrl, Object.values(streams));
    },
  };
}

/** Wraps the transport to time each stage of every event from outside the bus. */
function measure(transport: EventTransport) {
  const times = new Map<string, { occurred: number; published?: number; delivered?: number; handled?: number }>();
  const at = (id: string, occurredAt: string) => {
    let t = times.get(id);
    if (!t) times.set(id, (t = { occurred: Date.parse(occurredAt) }));
    return t;
  };
  let handled = 0;
  const measured: EventTransport = {
    ...transport,
    kind: transport.kind,
    publish: async (env) => {
      await transport.publish(env);
      at(env.id, env.occurredAt).published ??= Date.now();
    },
    consume: (spec, onMessage) =>
      transport.consume(spec, async (env, delivery) => {
        at(env.id, env.occurredAt).delivered ??= Date.now();
        const outcome = await onMessage(env, delivery); // resolves after the handler committed
        if (outcome === 'ack') {
          at(env.id, env.occurredAt).handled = Date.now();
          handled++;
        }
        return outcome;
      }),
  };
  const reset = () => {
    times.clear();
    handled = 0;
  };
  return { measured, times, handledCount: () => handled, reset };
}

async function runOne(kind: Kind, mode: Mode, opts: EventBusBenchOptions): Promise<EventBusBenchRow> {
  const events = mode === 'burst' ? (opts.events ?? 20_000) : (opts.steadyEvents ?? 5_000);
  const rig = await openRig(kind, opts);
  try {
    const { measured, times, handledCount, reset } = measure(rig.transport);
    const bus = createEventBus({
      service: rig.service,
      database: rig.database,
      tables: eventTables(pgSchema(rig.service)),
      transport: measured,
      logger: { debug() {}, info() {}, warn() {}, error: (o, m) => console.error(m, o) },
      relay: { batchSize: opts.relayBatchSize },
    });
    bus.handle({
      durable: 'bench',
      subject: `${rig.service}.order.placed.v1`,
      concurrency: opts.concurrency,
      batchSize: opts.batchSize,
      handler: async (tx, env) => {
        const { amount } = env.payload as { amount: number };
        await tx.execute(
          sql`INSERT INTO ${sql.identifier(rig.service)}."effects" ("event_id", "amount") VALUES (${env.id}, ${amount})`,
        );
      },
    });
    await bus.start();
    const warmup = opts.warmup ?? 500;
    if (warmup > 0) {
      await produce(rig.database, bus, rig.service, warmup, 'burst', { ...opts, txSize: 10 });
      await waitUntil(() => handledCount() >= warmup, 60_000);
      reset();
    }
    const cpu = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const started = Date.now();
    const { ms: enqueueMs, committedAt } = await produce(rig.database, bus, rig.service, events, mode, opts);
    await waitUntil(() => handledCount() >= events, 180_000);
    const cpuUsed = process.cpuUsage(cpu);
    loopDelay.disable();
    const stats = bus.stats();
    await bus.stop();
    if (stats.deadLettered > 0 || stats.retried > 0) throw new Error(`bench saw failures: ${JSON.stringify(stats)}`);
    const all = [...times.entries()];
    const lag = sorted(all.map(([, t]) => (t.handled ?? NaN) - t.occurred));
    const fromCommit = sorted(all.map(([id, t]) => (t.handled ?? NaN) - (committedAt.get(id) ?? NaN)));
    const published = sorted(all.map(([, t]) => (t.published ?? NaN) - t.occurred));
    const delivered = sorted(all.map(([, t]) => (t.delivered ?? NaN) - t.occurred));
    const lastHandled = Math.max(...all.map(([, t]) => t.handled ?? 0));
    return {
      transport: kind,
      mode,
      events,
      enqueuedPerSec: Math.round((events / enqueueMs) * 1000),
      endToEndPerSec: Math.round((events / (lastHandled - started)) * 1000),
      lagP50Ms: percentile(lag, 0.5),
      lagP99Ms: percentile(lag, 0.99),
      lagMaxMs: lag[lag.length - 1] ?? NaN,
      commitLagP50Ms: percentile(fromCommit, 0.5),
      commitLagP99Ms: percentile(fromCommit, 0.99),
      publishLagP50Ms: percentile(published, 0.5),
      publishLagP99Ms: percentile(published, 0.99),
      deliverLagP50Ms: percentile(delivered, 0.5),
      deliverLagP99Ms: percentile(delivered, 0.99),
      eventLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e6),
      nodeCpuMsPerEvent: Math.round(((cpuUsed.user + cpuUsed.system) / 1000 / events) * 100) / 100,
      loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    };
  } finally {
    await rig.close();
  }
}

/** Producer transactions, as fast as the producers allow (burst) or paced (steady). */
async function produce(
  database: Database,
  bus: EventBus,
  service: string,
  events: number,
  mode: Mode,
  opts: EventBusBenchOptions,
) {
  const txSize = mode === 'burst' ? (opts.txSize ?? 50) : (opts.steadyTxSize ?? 5);
  const transactions = Math.ceil(events / txSize);
  const intervalMs = mode === 'steady' ? (txSize / (opts.steadyRate ?? 1_000)) * 1000 : 0;
  const committedAt = new Map<string, number>();
  const started = Date.now();
  let next = 0;
  async function producer(): Promise<void> {
    for (let i = next++; i < transactions; i = next++) {
      const due = started + i * intervalMs;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const count = Math.min(txSize, events - i * txSize);
      const ids = await database.db.transaction(async (tx) => {
        const out: string[] = [];
        for (let j = 0; j < count; j++) {
          const env = await bus.enqueue(tx, {
            subject: `${service}.order.placed.v1`,
            payload: { amount: i * txSize + j },
          });
          out.push(env.id);
        }
        return out;
      });
      const now = Date.now();
      for (const id of ids) committedAt.set(id, now);
    }
  }
  const producers = opts.producers ?? (mode === 'burst' ? 4 : 8);
  await Promise.all(Array.from({ length: producers }, producer));
  return { ms: Date.now() - started, committedAt };
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('bench timed out waiting for the consumer');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  return values[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)] ?? NaN;
}

async function deleteStreams(url: string, streams: string[]): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

export function printEventBusBench(rows: EventBusBenchRow[]): void {
  console.log('\nEvent bus: outbox → relay → transport → durable consumer (inbox + effect), one Node process');
  console.table(
    rows.map((r) => ({
      transport: r.transport,
      mode: r.mode,
      events: r.events,
      'enqueued/s': r.enqueuedPerSec,
      'end-to-end/s': r.endToEndPerSec,
      'lag p50 ms': r.lagP50Ms,
      'lag p99 ms': r.lagP99Ms,
      'lag max ms': r.lagMaxMs,
      'from commit p50/p99': `${r.commitLagP50Ms}/${r.commitLagP99Ms}`,
      'published p50/p99': `${r.publishLagP50Ms}/${r.publishLagP99Ms}`,
      'delivered p50/p99': `${r.deliverLagP50Ms}/${r.deliverLagP99Ms}`,
      'loop delay p99': r.eventLoopDelayP99Ms,
      'node cpu ms/event': r.nodeCpuMsPerEvent,
      load: r.loadAverage,
    })),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env;
  printEventBusBench(
    await runEventBusBench({
      events: env.BENCH_EVENTS ? Number(env.BENCH_EVENTS) : undefined,
      steadyRate: env.BENCH_STEADY_RATE ? Number(env.BENCH_STEADY_RATE) : undefined,
      transports: env.BENCH_TRANSPORTS?.split(',') as Kind[] | undefined,
    }),
  );
  process.exit(0);
}
