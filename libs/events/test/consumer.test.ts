import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, headers as natsHeaders } from 'nats';
import { sql } from 'drizzle-orm';
import {
  createEventBus,
  PermanentEventError,
  type EventBus,
  type EventEnvelope,
  type HandlerDefinition,
} from '../src/index.ts';
import {
  createServiceSchema,
  delay,
  openFileDatabase,
  quietLogger,
  waitFor,
  type FileDatabase,
  type ServiceSchema,
} from './support/harness.ts';
import {
  openTransport,
  streamMessageCount,
  TEST_NATS_URL,
  TRANSPORT_KINDS,
  type TestTransport,
  type TransportKind,
} from './support/transports.ts';

let file: FileDatabase;
beforeAll(async () => {
  file = await openFileDatabase('events_consumer');
});
afterAll(async () => {
  await file?.close();
});

interface Scenario {
  schema: ServiceSchema;
  t: TestTransport;
  bus: EventBus;
  publish(payload?: unknown): Promise<EventEnvelope>;
  cleanup(): Promise<void>;
}

async function scenario(
  kind: TransportKind,
  def: Omit<HandlerDefinition, 'subject' | 'durable'> & { durable?: string },
  inProcess = {},
  start = true,
): Promise<Scenario> {
  const schema = await createServiceSchema(file.database);
  const t = await openTransport(kind, schema.service, inProcess);
  const bus = createEventBus({
    service: schema.service,
    database: file.database,
    tables: schema.tables,
    transport: t.transport,
    logger: quietLogger,
    relay: { pollIntervalMs: 50 },
  });
  bus.handle({ durable: 'effects', subject: schema.subject(), ...def });
  if (start) await bus.start();
  return {
    schema,
    t,
    bus,
    publish: (payload = {}) =>
      file.database.db.transaction((tx) => bus.enqueue(tx, { subject: schema.subject(), payload })),
    cleanup: async () => {
      await bus.stop();
      await t.close();
    },
  };
}

describe.each(TRANSPORT_KINDS)('durable consumers over %s', (kind) => {
  it('redelivers after a handler failure, with backoff, until it succeeds once', async () => {
    const attempts: Array<{ attempt: number; at: number }> = [];
    let failuresLeft = 2;
    const s = await scenario(kind, {
      backoffMs: [150, 150],
      handler: async (tx, event) => {
        attempts.push({ attempt: attempts.length + 1, at: Date.now() });
        await s.schema.recordEffect(tx, event, 'effects');
        if (failuresLeft-- > 0) throw new Error('downstream timeout');
      },
    });
    try {
      const event = await s.publish();
      await waitFor(
        () => s.schema.effects(),
        (rows) => rows.length === 1,
        { what: 'effect' },
      );
      expect(attempts).toHaveLength(3);
      expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(120);
      expect((await s.schema.effects()).map((e) => e.event_id)).toEqual([event.id]); // failed runs rolled back
      await delay(300);
      expect(s.bus.stats()).toMatchObject({ consumed: 1, retried: 2, deadLettered: 0 });
      expect(await s.bus.listDeadLetters()).toEqual([]);
    } finally {
      await s.cleanup();
    }
  });

  it('dead-letters a message after maxDeliver, lists it, and replays it once fixed', async () => {
    let broken = true;
    let runs = 0;
    const s = await scenario(kind, {
      maxDeliver: 3,
      backoffMs: [30],
      handler: async (tx, event) => {
        runs++;
        if (broken) throw new Error('tax rate missing for country XX');
        await s.schema.recordEffect(tx, event, 'effects');
      },
    });
    try {
      const event = await s.publish({ country: 'XX' });
      const [letter] = await waitFor(
        () => s.bus.listDeadLetters(),
        (rows) => rows.length === 1,
        {
          what: 'dead letter',
        },
      );
      expect(letter).toMatchObject({
        service: s.schema.service,
        durable: 'effects',
        subject: event.subject,
        eventId: event.id,
        attempts: 3,
        error: 'tax rate missing for country XX',
        replayedAt: null,
      });
      expect(letter?.envelope).toMatchObject({ id: event.id, payload: { country: 'XX' } });
      await delay(200);
      expect(runs).toBe(3); // terminated: no fourth delivery
      if (kind === 'nats') {
        expect(await streamMessageCount(s.t.deadLetterStream)).toBe(1);
      }

      const stillBroken = await s.bus.replayDeadLetter(letter!.id);
      expect(stillBroken).toEqual({ replayed: false, error: 'tax rate missing for country XX' });
      expect((await s.bus.listDeadLetters())[0]).toMatchObject({ replayedAt: null, replayAttempts: 1 });

      broken = false;
      expect(await s.bus.replayDeadLetter(letter!.id)).toEqual({ replayed: true });
      expect(await s.bus.replayDeadLetter(letter!.id)).toEqual({ replayed: true, alreadyReplayed: true });
      expect((await s.schema.effects()).map((e) => e.event_id)).toEqual([event.id]);
      const [replayed] = await s.bus.listDeadLetters();
      expect(replayed?.replayedAt).not.toBeNull();
      expect(await s.bus.listDeadLetters({ includeReplayed: false })).toEqual([]);
      expect(await s.bus.replayDeadLetter('00000000-0000-7000-8000-000000000000')).toMatchObject({
        replayed: false,
      });
    } finally {
      await s.cleanup();
    }
  });

  it('dead-letters at once when the handler says retrying cannot help', async () => {
    let runs = 0;
    const s = await scenario(kind, {
      maxDeliver: 5,
      backoffMs: [20],
      handler: async () => {
        runs++;
        throw new PermanentEventError('booking belongs to a deleted partner');
      },
    });
    try {
      await s.publish();
      await waitFor(
        () => s.bus.listDeadLetters(),
        (rows) => rows.length === 1,
        { what: 'dead letter' },
      );
      await delay(200);
      expect(runs).toBe(1);
      expect((await s.bus.listDeadLetters())[0]?.attempts).toBe(1);
    } finally {
      await s.cleanup();
    }
  });

  it('applies the effect once when the same event is delivered twice', async () => {
    const seen: string[] = [];
    // No broker-side de-duplication: as if the relay re-sent after the duplicate window.
    const s = await scenario(
      kind,
      {
        handler: async (tx, event) => {
          seen.push(event.id);
          await s.schema.recordEffect(tx, event, 'effects');
        },
      },
      { duplicateWindowMs: 0 },
    );
    try {
      const event = await s.publish({ n: 1 });
      await waitFor(
        () => s.schema.effects(),
        (rows) => rows.length === 1,
        { what: 'first effect' },
      );
      await redeliver(kind, s, event);
      await waitFor(
        () => s.bus.stats().duplicates,
        (n) => n === 1,
        { what: 'duplicate acked' },
      );
      expect(seen).toEqual([event.id]); // the handler never ran again
      expect(await s.schema.effects()).toHaveLength(1);
      expect(s.bus.stats().consumed).toBe(1);
    } finally {
      await s.cleanup();
    }
  });

  it('groups queued deliveries into shared transactions and isolates the one that fails', async () => {
    const txOf = new Map<string, string>();
    let poisonId: string | undefined;
    let poisonRuns = 0;
    const s = await scenario(
      kind,
      {
        concurrency: 1,
        batchSize: 16,
        backoffMs: [50],
        handler: async (tx, event) => {
          const { rows } = await tx.execute<{ txid: string }>(sql`SELECT txid_current()::text AS txid`);
          await s.schema.recordEffect(tx, event, 'effects');
          // Fails inside the batch and again alone; the redelivery succeeds.
          if (event.id === poisonId && ++poisonRuns <= 2) throw new Error('fails twice');
          txOf.set(event.id, rows[0]!.txid);
        },
      },
      { duplicateWindowMs: 0 },
      false, // everything is waiting before the consumer starts, so batches must form
    );
    try {
      const events = await file.database.db.transaction(async (tx) => {
        const out: EventEnvelope[] = [];
        for (let i = 0; i < 40; i++) out.push(await s.bus.enqueue(tx, { subject: s.schema.subject(), payload: { i } }));
        return out;
      });
      poisonId = events[20]!.id;
      const twice = { ...events[0]!, id: '0190a000-0000-7000-8000-0000000000aa' };
      await s.bus.flush();
      await redeliver(kind, s, twice);
      await redeliver(kind, s, twice);
      await s.bus.start();
      await waitFor(
        () => s.schema.effects(),
        (rows) => rows.length === 41,
        { what: '41 effects' },
      );
      await delay(300);
      const effects = await s.schema.effects();
      expect(effects).toHaveLength(41); // each event once, the duplicate and the failed try left nothing
      expect(new Set(effects.map((e) => e.event_id)).size).toBe(41);
      const perTx = new Map<string, number>();
      for (const txid of txOf.values()) perTx.set(txid, (perTx.get(txid) ?? 0) + 1);
      expect(Math.max(...perTx.values())).toBeGreaterThan(1); // batching happened
      expect(perTx.get(txOf.get(poisonId)!)).toBe(1); // the failing event was retried alone
      expect(poisonRuns).toBe(3);
      expect(s.bus.stats()).toMatchObject({ consumed: 41, duplicates: 1, retried: 1, deadLettered: 0 });
    } finally {
      await s.cleanup();
    }
  });

  it('dead-letters malformed messages and keeps consuming', async () => {
    const s = await scenario(kind, {
      handler: (tx, event) => s.schema.recordEffect(tx, event, 'effects'),
    });
    try {
      await publishGarbage(kind, s);
      const good = await s.publish({ ok: true });
      await waitFor(
        () => s.schema.effects(),
        (rows) => rows.length === 1,
        { what: 'good event after garbage' },
      );
      const letters = await waitFor(
        () => s.bus.listDeadLetters(),
        (rows) => rows.length === 2,
        {
          what: 'two poison letters',
        },
      );
      for (const letter of letters) {
        expect(letter.error).toMatch(/^malformed message: /);
        expect(letter.envelope).toHaveProperty('malformed');
        expect(await s.bus.replayDeadLetter(letter.id)).toMatchObject({ replayed: false });
      }
      expect((await s.schema.effects())[0]?.event_id).toBe(good.id);
    } finally {
      await s.cleanup();
    }
  });
});

async function redeliver(kind: TransportKind, s: Scenario, event: EventEnvelope): Promise<void> {
  if (kind === 'in-process') return s.t.transport.publish(structuredClone(event));
  // Straight to JetStream without a message id, so the broker cannot drop it.
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const h = natsHeaders();
    h.set('TC-Event-Id', event.id);
    h.set('TC-Occurred-At', event.occurredAt);
    h.set('TC-Producer', event.producer);
    h.set('TC-Correlation-Id', event.correlationId);
    await nc
      .jetstream()
      .publish(event.subject, new TextEncoder().encode(JSON.stringify(event.payload)), { headers: h });
  } finally {
    await nc.close();
  }
}

async function publishGarbage(kind: TransportKind, s: Scenario): Promise<void> {
  const subject = s.schema.subject();
  if (kind === 'in-process') {
    await s.t.transport.publish({ id: 'not-a-uuid', subject } as unknown as EventEnvelope);
    await s.t.transport.publish({ id: '0190a000-0000-7000-8000-000000000001', subject } as unknown as EventEnvelope);
    return;
  }
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const js = nc.jetstream();
    await js.publish(subject, new TextEncoder().encode('{"no": "headers"}'));
    const h = natsHeaders();
    h.set('TC-Event-Id', '0190a000-0000-7000-8000-000000000001');
    await js.publish(subject, new TextEncoder().encode('not json {'), { headers: h });
  } finally {
    await nc.close();
  }
}
