import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  createInProcessTransport,
  eventLoopGate,
  type ConsumerSpec,
  type EventEnvelope,
  type InProcessTransport,
} from '../src/index.ts';
import { waitFor } from './support/harness.ts';

// Background durables of the in-process transport (e-mails, audit entries) yield to requests
// sharing the event loop while it is saturated, for a bounded time.

function envelope(subject: string): EventEnvelope {
  const id = uuidv7();
  return { id, subject, occurredAt: new Date().toISOString(), producer: 'shop', correlationId: id, payload: {} };
}

function spec(durable: string, background: boolean): ConsumerSpec {
  return {
    service: 'shop',
    durable,
    subjects: ['shop.>'],
    maxDeliver: 5,
    backoffMs: [10],
    concurrency: 4,
    background,
    onPoison: async () => {},
  };
}

const transports: InProcessTransport[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.close();
});

/** A transport whose "saturated" verdict the test sets. */
function withGate(maxWaitMs = 60_000) {
  const load = { busy: false };
  const transport = createInProcessTransport({
    background: { gate: { saturated: () => load.busy }, maxWaitMs },
  });
  transports.push(transport);
  return { transport, load };
}

async function collect(transport: InProcessTransport, durable: string, background: boolean): Promise<string[]> {
  const got: string[] = [];
  await transport.consume(spec(durable, background), async (env) => {
    got.push(env.subject);
    return 'ack';
  });
  return got;
}

describe('background durables', () => {
  it('hold their deliveries while the loop is saturated and catch up once it is free; others do not wait', async () => {
    const { transport, load } = withGate();
    const mails = await collect(transport, 'mailer', true);
    const payments = await collect(transport, 'payments', false);
    load.busy = true;
    await transport.publish(envelope('shop.order.placed.v1'));
    await transport.publish(envelope('shop.order.paid.v1'));

    await waitFor(
      () => payments.length,
      (n) => n === 2,
    );
    // The foreground durable was served; the background one still has both waiting.
    expect(mails).toEqual([]);
    expect(transport.backlog('shop', 'mailer')).toBe(2);

    load.busy = false;
    await waitFor(
      () => mails.length,
      (n) => n === 2,
      { what: 'the background durable to catch up' },
    );
    expect(mails).toEqual(['shop.order.placed.v1', 'shop.order.paid.v1']);
    expect(transport.serviceBacklog('shop')).toBe(0);
  });

  // Each on a loop that stays saturated: the message still arrives.
  it.each([
    ['after it has waited the longest allowed', { maxWaitMs: 50 }],
    ['at once when holding back is turned off (maxWaitMs 0)', { maxWaitMs: 0 }],
    ['at once on a transport not asked for a longest wait (the default)', {}],
  ])('deliver a message %s', async (_case, limit) => {
    const transport = createInProcessTransport({ background: { gate: { saturated: () => true }, ...limit } });
    transports.push(transport);
    const mails = await collect(transport, 'mailer', true);
    await transport.publish(envelope('shop.order.placed.v1'));
    await waitFor(
      () => mails.length,
      (n) => n === 1,
      { what: 'the held message' },
    );
  });
});

describe('the event loop gate', () => {
  it('says saturated after the loop ran code for a whole window, and free after it waited', async () => {
    const gate = eventLoopGate({ threshold: 0.9, windowMs: 50 });
    // A window of blocking work: the loop never waits for I/O.
    const until = performance.now() + 120;
    while (performance.now() < until) {
      /* busy */
    }
    expect(gate.saturated()).toBe(true);
    // A window of waiting.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(gate.saturated()).toBe(false);
  });
});
