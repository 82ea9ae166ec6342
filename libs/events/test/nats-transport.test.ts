import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from 'nats';
import { v7 as uuidv7 } from 'uuid';
import { createNatsTransport, type ConsumerSpec, type EventEnvelope } from '../src/index.ts';
import { delay, quietLogger, randomService, waitFor } from './support/harness.ts';
import { deleteStreams, streamNames, TEST_NATS_URL } from './support/transports.ts';

const service = randomService();
const names = streamNames(service);
let nc: NatsConnection;

beforeAll(async () => {
  nc = await connect({ servers: TEST_NATS_URL });
});
afterAll(async () => {
  await nc?.close();
  await deleteStreams([names.stream, names.deadLetterStream]);
});

function open(subjects = [`${service}.>`]) {
  return createNatsTransport({
    url: TEST_NATS_URL,
    name: service,
    stream: names.stream,
    subjects,
    deadLetterStream: names.deadLetterStream,
    deadLetterSubjectPrefix: names.deadLetterPrefix,
    logger: quietLogger,
  });
}

function envelope(subject: string, payload: unknown = {}): EventEnvelope {
  const id = uuidv7();
  return {
    id,
    subject,
    occurredAt: new Date().toISOString(),
    producer: service,
    correlationId: `corr-${id}`,
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    audience: ['user-1', 'user-2'],
    payload,
  };
}

function spec(durable: string, subjects: string[], extra: Partial<ConsumerSpec> = {}): ConsumerSpec {
  return {
    service,
    durable,
    subjects,
    maxDeliver: 5,
    backoffMs: [20],
    concurrency: 4,
    onPoison: async () => {},
    ...extra,
  };
}

describe('NATS transport', () => {
  it('creates the streams idempotently and only ever widens their subjects', async () => {
    const a = await open([`${service}.a.>`]);
    const b = await open([`${service}.b.>`]);
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(names.stream);
    expect(info.config.subjects.sort()).toEqual([`${service}.a.>`, `${service}.b.>`]);
    expect(info.config.duplicate_window).toBe(120_000 * 1_000_000);
    expect((await jsm.streams.info(names.deadLetterStream)).config.subjects).toEqual([`${names.deadLetterPrefix}.>`]);
    await a.close();
    await b.close();
    await deleteStreams([names.stream, names.deadLetterStream]);
  });

  it('round-trips every envelope field through headers and a JSON body', async () => {
    const transport = await open();
    const got: EventEnvelope[] = [];
    const consumer = await transport.consume(spec('roundtrip', [`${service}.trip.>`]), async (env) => {
      got.push(env);
      return 'ack';
    });
    const sent = envelope(`${service}.trip.booked.v1`, { amountMinor: '1999', tags: ['a'], nested: { ok: true } });
    await transport.publish(sent);
    await waitFor(
      () => got.length,
      (n) => n === 1,
    );
    expect(got[0]).toEqual(sent);
    await consumer.stop();
    await transport.close();
  });

  it('serves a durable with several subjects and resumes it after a stop', async () => {
    const transport = await open();
    const got: string[] = [];
    const handler = async (env: EventEnvelope) => {
      got.push(env.subject);
      return 'ack' as const;
    };
    const subjects = [`${service}.order.placed.v1`, `${service}.order.cancelled.v1`];
    const first = await transport.consume(spec('multi', subjects), handler);
    await transport.publish(envelope(subjects[0]!));
    await transport.publish(envelope(`${service}.order.shipped.v1`)); // not subscribed
    await waitFor(
      () => got.length,
      (n) => n === 1,
    );
    await first.stop();
    await transport.publish(envelope(subjects[1]!)); // while nobody consumes
    const second = await transport.consume(spec('multi', subjects), handler);
    await waitFor(
      () => got.length,
      (n) => n === 2,
    );
    await delay(200);
    expect(got).toEqual(subjects);
    await second.stop();
    await transport.close();
  });

  it('lets stop() finish in-flight handlers before resolving', async () => {
    const transport = await open();
    let finished = false;
    let started = false;
    const consumer = await transport.consume(spec('graceful', [`${service}.slow.>`]), async () => {
      started = true;
      await delay(300);
      finished = true;
      return 'ack';
    });
    await transport.publish(envelope(`${service}.slow.thing.v1`));
    await waitFor(
      () => started,
      (s) => s,
    );
    await consumer.stop();
    expect(finished).toBe(true);
    await transport.close();
  });

  it('publishes dead-letter copies to the dead-letter stream', async () => {
    const transport = await open();
    await transport.publishDeadLetter?.({
      service,
      durable: 'billing-sync',
      subject: `${service}.order.placed.v1`,
      eventId: 'e-1',
      envelope: envelope(`${service}.order.placed.v1`),
      error: 'boom\nwith a second line',
      attempts: 5,
      deadAt: new Date().toISOString(),
    });
    const jsm = await nc.jetstreamManager();
    const msg = await jsm.streams.getMessage(names.deadLetterStream, {
      last_by_subj: `${names.deadLetterPrefix}.${service}.billing-sync`,
    });
    expect(msg.header.get('TC-Error')).toBe('boom with a second line');
    expect(msg.header.get('TC-Attempts')).toBe('5');
    expect(msg.json<{ eventId: string }>().eventId).toBe('e-1');
    await transport.close();
  });

  it('taps live events on the stream subjects only, and pings while connected', async () => {
    const transport = await open();
    const seen: string[] = [];
    const tap = transport.tap('>', (env) => seen.push(env.subject));
    await transport.ping();
    await transport.publish(envelope(`${service}.live.thing.v1`));
    await waitFor(
      () => seen.length,
      (n) => n === 1,
    );
    tap.stop();
    await transport.publish(envelope(`${service}.live.other.v1`));
    await delay(100);
    expect(seen).toEqual([`${service}.live.thing.v1`]);
    await transport.close();
    await expect(transport.ping()).rejects.toThrow();
  });

  it('fails fast when the broker is unreachable', async () => {
    await expect(
      createNatsTransport({ url: 'nats://127.0.0.1:1', name: 'nobody', logger: quietLogger }),
    ).rejects.toThrow();
  });
});
