import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createDatabase } from '@tourconnect/db';
import { createEventBus, EventValidationError, type EventBus, type EventTransport } from '../src/index.ts';
import {
  createServiceSchema,
  openFileDatabase,
  quietLogger,
  waitFor,
  delay,
  type FileDatabase,
  type ServiceSchema,
} from './support/harness.ts';
import { openTransport, streamMessageCount, TRANSPORT_KINDS } from './support/transports.ts';

let file: FileDatabase;
beforeAll(async () => {
  file = await openFileDatabase('events_outbox');
});
afterAll(async () => {
  await file?.close();
});

describe.each(TRANSPORT_KINDS)('outbox and relay over %s', (kind) => {
  async function scenario() {
    const schema = await createServiceSchema(file.database);
    const t = await openTransport(kind, schema.service);
    const buses: EventBus[] = [];
    const newBus = (transport: EventTransport = t.transport, database = file.database, batchSize = 500) => {
      const bus = createEventBus({
        service: schema.service,
        database,
        tables: schema.tables,
        transport,
        logger: quietLogger,
        relay: { pollIntervalMs: 50, batchSize },
      });
      bus.handle({
        durable: 'effects',
        subject: schema.subject(),
        handler: (tx, event) => schema.recordEffect(tx, event, 'effects'),
      });
      buses.push(bus);
      return bus;
    };
    const cleanup = async () => {
      for (const bus of buses) await bus.stop();
      await t.close();
    };
    return { schema, t, newBus, cleanup };
  }

  it('delivers an event only when the enqueuing transaction commits', async () => {
    const { schema, newBus, cleanup } = await scenario();
    try {
      const bus = newBus();
      await bus.start();
      const rolledBack = await file.database.db
        .transaction(async (tx) => {
          await bus.enqueue(tx, { subject: schema.subject(), payload: { n: 1 } });
          throw new Error('business rule failed');
        })
        .catch((err: Error) => err);
      expect(rolledBack).toBeInstanceOf(Error);
      const committed = await file.database.db.transaction((tx) =>
        bus.enqueue(tx, { subject: schema.subject(), payload: { n: 2 } }),
      );
      await waitFor(
        () => schema.effects(),
        (rows) => rows.length >= 1,
        { what: 'committed event' },
      );
      await bus.flush();
      await delay(300); // give a wrongly published event every chance to show up
      const effects = await schema.effects();
      expect(effects.map((e) => e.event_id)).toEqual([committed.id]);
      expect(await schema.outboxRows()).toHaveLength(1);
    } finally {
      await cleanup();
    }
  });

  it('re-sends after the relay dies between publish and mark, and the effect happens once', async () => {
    const { schema, t, newBus, cleanup } = await scenario();
    const appName = `relay_${schema.service}`;
    const doomedDb = createDatabase({ url: file.testDb.url, schema: schema.service, applicationName: appName, max: 2 });
    const admin = new pg.Client({ connectionString: file.testDb.url });
    await admin.connect();
    try {
      // The broker accepts the message, then the relay's connection dies before it can mark
      // the row sent: exactly what a process crash at that point leaves behind.
      let published = 0;
      const crashingTransport: EventTransport = {
        ...t.transport,
        kind: t.transport.kind,
        publish: async (envelope) => {
          await t.transport.publish(envelope);
          published++;
          await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
            appName,
          ]);
        },
      };
      const doomed = newBus(crashingTransport, doomedDb);
      const event = await file.database.db.transaction((tx) =>
        doomed.enqueue(tx, { subject: schema.subject(), payload: { n: 1 } }),
      );
      await expect(doomed.flush()).rejects.toThrow();
      expect(published).toBe(1);
      const [row] = await schema.outboxRows();
      expect(row?.sent_at).toBeNull();

      const survivor = newBus();
      await survivor.start();
      await survivor.flush();
      await waitFor(
        () => schema.effects(),
        (rows) => rows.length >= 1,
        { what: 'effect' },
      );
      await delay(300);
      expect((await schema.effects()).map((e) => e.event_id)).toEqual([event.id]);
      expect((await schema.outboxRows())[0]?.sent_at).not.toBeNull();
      if (kind === 'nats') expect(await streamMessageCount(t.stream)).toBe(1); // broker de-duplicated
    } finally {
      await admin.end();
      await doomedDb.close().catch(() => {});
      await cleanup();
    }
  });

  it('keeps the row and retries with backoff while the transport refuses, then delivers', async () => {
    const { schema, t, newBus, cleanup } = await scenario();
    try {
      let refuse = true;
      const flaky: EventTransport = {
        ...t.transport,
        kind: t.transport.kind,
        publish: async (envelope) => {
          if (refuse) throw new Error('broker unavailable');
          await t.transport.publish(envelope);
        },
      };
      const bus = newBus(flaky);
      await bus.start();
      await file.database.db.transaction((tx) => bus.enqueue(tx, { subject: schema.subject(), payload: {} }));
      const [failed] = await waitFor(
        () => schema.outboxRows(),
        (rows) => (rows[0]?.attempts ?? 0) >= 1,
        { what: 'failed attempt' },
      );
      expect(failed?.last_error).toContain('broker unavailable');
      expect(failed?.sent_at).toBeNull();
      refuse = false;
      await waitFor(
        () => schema.effects(),
        (rows) => rows.length === 1,
        { what: 'delivery after recovery' },
      );
      expect(bus.stats().publishFailures).toBeGreaterThanOrEqual(1);
    } finally {
      await cleanup();
    }
  });

  it('lets several relays of one service drain the outbox without double publishing', async () => {
    const { schema, t, newBus, cleanup } = await scenario();
    try {
      let published = 0;
      const counting: EventTransport = {
        ...t.transport,
        kind: t.transport.kind,
        publish: async (envelope) => {
          published++;
          await t.transport.publish(envelope);
        },
      };
      // Small batches so the four relays really compete for rows.
      const relays = [1, 2, 3, 4].map(() => newBus(counting, file.database, 20));
      const consumer = relays[0] as EventBus;
      const ids = new Set<string>();
      for (let batch = 0; batch < 10; batch++) {
        await file.database.db.transaction(async (tx) => {
          for (let i = 0; i < 30; i++)
            ids.add((await consumer.enqueue(tx, { subject: schema.subject(), payload: { i } })).id);
        });
      }
      await Promise.all(relays.map((b) => b.flush()));
      expect(published).toBe(300);
      expect(relays.reduce((sum, b) => sum + b.stats().published, 0)).toBe(300);
      await consumer.start();
      await waitFor(
        () => schema.effects(),
        (rows) => rows.length >= 300,
        { what: '300 effects' },
      );
      const effects = await schema.effects();
      expect(new Set(effects.map((e) => e.event_id))).toEqual(ids);
      expect(effects).toHaveLength(300);
      if (kind === 'nats') expect(await streamMessageCount(t.stream)).toBe(300);
    } finally {
      await cleanup();
    }
  });
});

describe('enqueue validation', () => {
  it('refuses subjects that break the naming rule or belong to another service', async () => {
    const schema: ServiceSchema = await createServiceSchema(file.database);
    const t = await openTransport('in-process', schema.service);
    const bus = createEventBus({
      service: schema.service,
      database: file.database,
      tables: schema.tables,
      transport: t.transport,
      logger: quietLogger,
    });
    try {
      for (const subject of ['Order.Placed', `${schema.service}.order.placed`, 'billing.payment.succeeded.v1']) {
        const err = await file.database.db
          .transaction((tx) => bus.enqueue(tx, { subject, payload: {} }))
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(EventValidationError);
      }
      expect(await schema.outboxRows()).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});

describe('relay wake-up', () => {
  async function relayScenario(notify: boolean) {
    const schema = await createServiceSchema(file.database);
    const t = await openTransport('in-process', schema.service);
    const make = (relay: { enabled?: boolean }) =>
      createEventBus({
        service: schema.service,
        database: file.database,
        tables: schema.tables,
        transport: t.transport,
        logger: quietLogger,
        // A poll interval far beyond the test timeout: only a wake-up can deliver in time.
        relay: { pollIntervalMs: 600_000, notify, ...relay },
      });
    return { schema, t, make };
  }

  it('publishes within milliseconds of the commit when the enqueue happened in the same process', async () => {
    const { schema, t, make } = await relayScenario(false);
    const bus = make({});
    bus.handle({
      durable: 'effects',
      subject: schema.subject(),
      handler: (tx, e) => schema.recordEffect(tx, e, 'effects'),
    });
    await bus.start();
    try {
      await delay(100); // the relay's first empty poll is behind it: it now sleeps for 10 minutes
      const started = Date.now();
      await file.database.db.transaction(async (tx) => {
        await bus.enqueue(tx, { subject: schema.subject(), payload: {} });
        await delay(30); // the rest of the request's work
      });
      await waitFor(
        () => schema.effects(),
        (rows) => rows.length === 1,
        { timeoutMs: 5_000, what: 'nudged delivery' },
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await bus.stop();
      await t.close();
    }
  });

  it('wakes the relay of another process through LISTEN/NOTIFY when notify is on', async () => {
    const { schema, t, make } = await relayScenario(true);
    const relayOnly = make({});
    relayOnly.handle({
      durable: 'effects',
      subject: schema.subject(),
      handler: (tx, e) => schema.recordEffect(tx, e, 'effects'),
    });
    const producerOnly = make({ enabled: false }); // e.g. a script or a worker without a relay
    await relayOnly.start();
    await producerOnly.start();
    try {
      await delay(200);
      await file.database.db.transaction((tx) => producerOnly.enqueue(tx, { subject: schema.subject(), payload: {} }));
      await waitFor(
        () => schema.effects(),
        (rows) => rows.length === 1,
        { timeoutMs: 5_000, what: 'notified delivery' },
      );
    } finally {
      await producerOnly.stop();
      await relayOnly.stop();
      await t.close();
    }
  });
});
