import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, createFileRegistry, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { createEventBus, EventValidationError, type ContractRegistry, type EventEnvelope } from '../src/index.ts';
import { createServiceSchema, openFileDatabase, quietLogger, waitFor, type FileDatabase } from './support/harness.ts';
import { openTransport } from './support/transports.ts';

// A contract built from a descriptor, as protoc-gen-es would generate it, so this test does
// not depend on which messages libs/contracts happens to contain today.
function orderPlacedContract(): DescMessage {
  const TYPE_STRING = 9;
  const TYPE_INT64 = 3;
  const LABEL_OPTIONAL = 1;
  const file = create(FileDescriptorProtoSchema, {
    name: 'tc/test/order.proto',
    package: 'tc.test',
    syntax: 'proto3',
    messageType: [
      {
        name: 'OrderPlaced',
        field: [
          { name: 'order_id', jsonName: 'orderId', number: 1, type: TYPE_STRING, label: LABEL_OPTIONAL },
          { name: 'amount_minor', jsonName: 'amountMinor', number: 2, type: TYPE_INT64, label: LABEL_OPTIONAL },
          { name: 'currency', jsonName: 'currency', number: 3, type: TYPE_STRING, label: LABEL_OPTIONAL },
        ],
      },
    ],
  });
  const desc = createFileRegistry(file, () => undefined).getMessage('tc.test.OrderPlaced');
  if (!desc) throw new Error('descriptor not built');
  return desc;
}

let file: FileDatabase;
beforeAll(async () => {
  file = await openFileDatabase('events_registry');
});
afterAll(async () => {
  await file?.close();
});

describe('contract registry validation', () => {
  it('rejects unknown subjects and invalid payloads before writing, and normalizes valid ones', async () => {
    const schema = await createServiceSchema(file.database);
    const t = await openTransport('in-process', schema.service);
    const registry: ContractRegistry = new Map([[schema.subject('order', 'placed'), orderPlacedContract()]]);
    const bus = createEventBus({
      service: schema.service,
      database: file.database,
      tables: schema.tables,
      transport: t.transport,
      logger: quietLogger,
      registry,
      relay: { pollIntervalMs: 50 },
    });
    const received: EventEnvelope[] = [];
    bus.handle({
      durable: 'orders',
      subject: schema.subject('order', 'placed'),
      handler: async (_tx, event) => void received.push(event),
    });
    await bus.start();
    const enqueue = (subject: string, payload: unknown) =>
      file.database.db.transaction((tx) => bus.enqueue(tx, { subject, payload })).catch((e: unknown) => e);
    try {
      const wrongType = await enqueue(schema.subject('order', 'placed'), { orderId: 'o-1', amountMinor: 'lots' });
      expect(wrongType).toBeInstanceOf(EventValidationError);
      expect((wrongType as EventValidationError).code).toBe('invalid_payload');
      const unknownField = await enqueue(schema.subject('order', 'placed'), { orderId: 'o-1', amount: 100 });
      expect((unknownField as EventValidationError).code).toBe('invalid_payload');
      const unknownSubject = await enqueue(schema.subject('order', 'shipped'), { orderId: 'o-1' });
      expect((unknownSubject as EventValidationError).code).toBe('unknown_subject');
      expect(await schema.outboxRows()).toHaveLength(0);

      const ok = (await enqueue(schema.subject('order', 'placed'), {
        orderId: 'o-1',
        amountMinor: 1250,
      })) as EventEnvelope;
      expect(ok.payload).toEqual({ orderId: 'o-1', amountMinor: '1250', currency: '' });
      await waitFor(
        () => received.length,
        (n) => n === 1,
        { what: 'valid event delivered' },
      );
      expect(received[0]?.payload).toEqual({ orderId: 'o-1', amountMinor: '1250', currency: '' });
    } finally {
      await bus.stop();
      await t.close();
    }
  });
});
