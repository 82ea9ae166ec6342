import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createInProcessTransport, subjectMatches, type ConsumerSpec, type EventEnvelope } from '../src/index.ts';
import { waitFor } from './support/harness.ts';

function envelope(subject: string, payload: unknown = {}): EventEnvelope {
  const id = uuidv7();
  return { id, subject, occurredAt: new Date().toISOString(), producer: 'shop', correlationId: id, payload };
}

function spec(durable: string, subjects: string[], extra: Partial<ConsumerSpec> = {}): ConsumerSpec {
  return {
    service: 'shop',
    durable,
    subjects,
    maxDeliver: 5,
    backoffMs: [10],
    concurrency: 4,
    onPoison: async () => {},
    ...extra,
  };
}

describe('in-process transport', () => {
  it('drops a re-published event id inside the duplicate window, like JetStream', async () => {
    const transport = createInProcessTransport({ duplicateWindowMs: 60_000 });
    const got: string[] = [];
    await transport.consume(spec('a', ['shop.>']), async (env) => {
      got.push(env.id);
      return 'ack';
    });
    const event = envelope('shop.order.placed.v1');
    await transport.publish(event);
    await transport.publish(event);
    await transport.publish(envelope('shop.order.placed.v1'));
    await waitFor(
      () => got.length,
      (n) => n >= 2,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toHaveLength(2);
    expect(got[0]).toBe(event.id);
    await transport.close();
  });

  it('gives each durable its own copy, filtered by subject, and hands retained messages to late durables', async () => {
    const transport = createInProcessTransport();
    const early: string[] = [];
    await transport.consume(spec('early', ['shop.order.*.v1']), async (env) => {
      early.push(env.subject);
      return 'ack';
    });
    await transport.publish(envelope('shop.order.placed.v1'));
    await transport.publish(envelope('shop.invoice.issued.v1'));
    const late: string[] = [];
    const onlyNew: string[] = [];
    await transport.consume(spec('late', ['shop.>']), async (env) => {
      late.push(env.subject);
      return 'ack';
    });
    await transport.consume(spec('new-only', ['shop.>'], { deliverPolicy: 'new' }), async (env) => {
      onlyNew.push(env.subject);
      return 'ack';
    });
    await transport.publish(envelope('shop.order.cancelled.v1'));
    await waitFor(
      () => late.length,
      (n) => n === 3,
    );
    expect(early.sort()).toEqual(['shop.order.cancelled.v1', 'shop.order.placed.v1']);
    expect(late.sort()).toEqual(['shop.invoice.issued.v1', 'shop.order.cancelled.v1', 'shop.order.placed.v1']);
    expect(onlyNew).toEqual(['shop.order.cancelled.v1']);
    await transport.close();
  });

  it('redelivers after retry with the delivery counter, and keeps unacked work for the next consume()', async () => {
    const transport = createInProcessTransport();
    const attempts: number[] = [];
    const first = await transport.consume(spec('d', ['shop.>'], { backoffMs: [100] }), async (_env, { attempt }) => {
      attempts.push(attempt);
      return 'retry';
    });
    await transport.publish(envelope('shop.order.placed.v1'));
    await waitFor(
      () => attempts.length,
      (n) => n === 1,
    );
    await first.stop(); // the redelivery is due while nobody consumes
    await new Promise((r) => setTimeout(r, 150));
    expect(attempts).toEqual([1]);
    expect(transport.backlog('shop', 'd')).toBe(1);
    await transport.consume(spec('d', ['shop.>']), async (_env, { attempt }) => {
      attempts.push(attempt);
      return 'ack';
    });
    await waitFor(
      () => attempts.length,
      (n) => n === 2,
    );
    expect(attempts).toEqual([1, 2]);
    await waitFor(
      () => transport.backlog('shop', 'd'),
      (n) => n === 0,
    );
    await transport.close();
  });

  it('never runs more handlers at once than the concurrency limit', async () => {
    const transport = createInProcessTransport();
    let running = 0;
    let peak = 0;
    let done = 0;
    await transport.consume(spec('c', ['shop.>'], { concurrency: 3 }), async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      done++;
      return 'ack';
    });
    for (let i = 0; i < 20; i++) await transport.publish(envelope('shop.order.placed.v1'));
    await waitFor(
      () => done,
      (n) => n === 20,
    );
    expect(peak).toBe(3);
    await transport.close();
  });

  it('feeds taps live and isolates a throwing listener', async () => {
    const transport = createInProcessTransport();
    const seen: string[] = [];
    transport.tap('>', () => {
      throw new Error('listener bug');
    });
    const tap = transport.tap('shop.order.>', (env) => seen.push(env.subject));
    await transport.publish(envelope('shop.order.placed.v1'));
    await transport.publish(envelope('shop.invoice.issued.v1'));
    tap.stop();
    await transport.publish(envelope('shop.order.cancelled.v1'));
    expect(seen).toEqual(['shop.order.placed.v1']);
    await transport.close();
    await expect(transport.ping()).rejects.toThrow();
  });
});

describe('subject matching', () => {
  it('follows NATS wildcard rules', () => {
    expect(subjectMatches('a.*.c', 'a.b.c')).toBe(true);
    expect(subjectMatches('a.*', 'a.b.c')).toBe(false);
    expect(subjectMatches('a.>', 'a.b.c')).toBe(true);
    expect(subjectMatches('a.>', 'a')).toBe(false);
    expect(subjectMatches('>', 'a')).toBe(true);
    expect(subjectMatches('a.b', 'a.b.c')).toBe(false);
  });
});
