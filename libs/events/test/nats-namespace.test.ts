import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createNatsTransport, type EventEnvelope, type NatsTransport } from '../src/index.ts';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

describe('NATS subject namespace', () => {
  const opened: NatsTransport[] = [];
  afterAll(async () => {
    for (const t of opened) {
      const jsm = await t.connection.jetstreamManager();
      await jsm.streams.delete(t.stream).catch(() => false);
      await jsm.streams.delete(t.deadLetterStream).catch(() => false);
      await t.close();
    }
  });

  it('lets two environments with the default subjects share one NATS without seeing each other', async () => {
    const [a, b] = [`nsa${randomBytes(3).toString('hex')}`, `nsb${randomBytes(3).toString('hex')}`];
    const ta = await createNatsTransport({ url: NATS_URL, name: 'ns-a', subjectPrefix: a });
    const tb = await createNatsTransport({ url: NATS_URL, name: 'ns-b', subjectPrefix: b });
    opened.push(ta, tb);
    expect(ta.stream).not.toBe(tb.stream);
    const seenA: EventEnvelope[] = [];
    const seenB: EventEnvelope[] = [];
    ta.tap('>', (e) => seenA.push(e));
    tb.tap('identity.>', (e) => seenB.push(e));
    await ta.publish({
      id: '01900000-0000-7000-8000-00000000aaaa',
      subject: 'identity.user.registered.v1',
      occurredAt: new Date().toISOString(),
      producer: 'identity',
      correlationId: 'c-1',
      payload: { userId: 'u' },
    });
    await expect.poll(() => seenA.map((e) => e.subject)).toEqual(['identity.user.registered.v1']);
    await new Promise((r) => setTimeout(r, 200));
    expect(seenB).toEqual([]);
    const jsm = await ta.connection.jetstreamManager();
    const info = await jsm.streams.info(ta.stream);
    expect(info.config.subjects.every((s) => s.startsWith(`${a}.`))).toBe(true);
    expect(info.state.messages).toBe(1);
  });

  it('refuses a prefix that is not a valid subject token', async () => {
    await expect(createNatsTransport({ url: NATS_URL, name: 'ns-bad', subjectPrefix: 'has space' })).rejects.toThrow(
      /invalid NATS subject prefix/,
    );
  });
});
