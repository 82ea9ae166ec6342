// Dead letters of work a service runs outside its consumers (bus.deadLetterQueue): filed in the
// same table as consumer dead letters, listed alike, and replayed through the worker's own
// callback, with a failed replay recorded and retryable.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus, createInProcessTransport, type EventEnvelope } from '../src/index.ts';
import { createServiceSchema, openFileDatabase, quietLogger, type FileDatabase } from './support/harness.ts';

let file: FileDatabase;
beforeAll(async () => {
  file = await openFileDatabase('events_work_dead_letters');
});
afterAll(async () => {
  await file?.close();
});

async function setup() {
  const schema = await createServiceSchema(file.database);
  const transport = createInProcessTransport();
  const bus = createEventBus({
    service: schema.service,
    database: file.database,
    tables: schema.tables,
    transport,
    logger: quietLogger,
  });
  const envelope: EventEnvelope = {
    id: randomUUID(),
    subject: schema.subject('job', 'failed'),
    occurredAt: new Date().toISOString(),
    producer: schema.service,
    correlationId: 'corr-work',
    payload: { jobId: 'job-1' },
  };
  return { schema, transport, bus, envelope };
}

describe('bus.deadLetterQueue', () => {
  it('files a dead letter the admin view lists and replays it through the callback', async () => {
    const { transport, bus, envelope } = await setup();
    const replayed: string[] = [];
    let failNext = true;
    const queue = bus.deadLetterQueue('worker-sender', async (letter) => {
      if (failNext) {
        failNext = false;
        throw new Error('still broken');
      }
      replayed.push((letter.envelope as EventEnvelope).id);
    });

    const row = await queue.record({ envelope, error: '550 mailbox unavailable', attempts: 3 });
    expect(row).toMatchObject({ durable: 'worker-sender', eventId: envelope.id, attempts: 3, replayedAt: null });
    expect(await bus.listDeadLetters()).toEqual([
      expect.objectContaining({ id: row.id, error: '550 mailbox unavailable' }),
    ]);
    expect(transport.deadLetterCopies()).toEqual([expect.objectContaining({ eventId: envelope.id })]);

    expect(await bus.replayDeadLetter(row.id)).toEqual({ replayed: false, error: 'still broken' });
    expect((await bus.listDeadLetters())[0]).toMatchObject({ replayedAt: null, lastReplayError: 'still broken' });

    expect(await bus.replayDeadLetter(row.id)).toEqual({ replayed: true });
    expect(replayed).toEqual([envelope.id]);
    expect(await bus.replayDeadLetter(row.id)).toEqual({ replayed: true, alreadyReplayed: true });
    expect(replayed).toHaveLength(1);
    expect((await bus.listDeadLetters())[0]).toMatchObject({ replayAttempts: 2, lastReplayError: null });
    await transport.close();
  });

  it('refuses a durable name a consumer or another queue already uses', async () => {
    const { schema, transport, bus } = await setup();
    bus.handle({ durable: 'taken', subject: schema.subject(), handler: async () => {} });
    expect(() => bus.deadLetterQueue('taken', async () => {})).toThrow(/already registered/);
    bus.deadLetterQueue('mine', async () => {});
    expect(() => bus.deadLetterQueue('mine', async () => {})).toThrow(/already registered/);
    expect(() => bus.deadLetterQueue('not valid!', async () => {})).toThrow(/must be/);
    await transport.close();
  });
});
