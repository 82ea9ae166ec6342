import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createEventBus, type EventEnvelope } from '../src/index.ts';
import { createServiceSchema, openFileDatabase, quietLogger, waitFor, type FileDatabase } from './support/harness.ts';
import { openTransport, TRANSPORT_KINDS } from './support/transports.ts';

let file: FileDatabase;
const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(async () => {
  file = await openFileDatabase('events_tracing');
  // No propagator registered on purpose: the bus must carry the trace on its own.
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(async () => {
  trace.disable();
  context.disable();
  await file?.close();
});

describe.each(TRANSPORT_KINDS)('trace and correlation over %s', (kind) => {
  it('continues the producer trace in the consumer and keeps the correlation id along a chain', async () => {
    const schema = await createServiceSchema(file.database);
    const t = await openTransport(kind, schema.service);
    const bus = createEventBus({
      service: schema.service,
      database: file.database,
      tables: schema.tables,
      transport: t.transport,
      logger: quietLogger,
      relay: { pollIntervalMs: 50 },
    });
    const seen: Array<{ event: EventEnvelope; traceId: string | undefined }> = [];
    bus.handle({
      durable: 'first',
      subject: schema.subject('order', 'placed'),
      // A handler that publishes a follow-up event, as sagas do.
      handler: async (tx, event) => {
        seen.push({ event, traceId: trace.getActiveSpan()?.spanContext().traceId });
        await bus.enqueue(tx, { subject: schema.subject('order', 'confirmed'), payload: {} });
      },
    });
    bus.handle({
      durable: 'second',
      subject: schema.subject('order', 'confirmed'),
      handler: async (_tx, event) => {
        seen.push({ event, traceId: trace.getActiveSpan()?.spanContext().traceId });
      },
    });
    await bus.start();
    try {
      const tracer = trace.getTracer('test');
      const producer = await tracer.startActiveSpan('POST /api/orders', async (span) => {
        await file.database.db.transaction((tx) =>
          bus.enqueue(tx, { subject: schema.subject('order', 'placed'), payload: {}, correlationId: 'req-42' }),
        );
        span.end();
        return span.spanContext();
      });
      await waitFor(
        () => seen.length,
        (n) => n === 2,
        { what: 'both handlers' },
      );
      const [first, second] = seen;
      expect(first?.event.traceparent).toBe(`00-${producer.traceId}-${producer.spanId}-01`);
      expect(first?.traceId).toBe(producer.traceId);
      expect(second?.traceId).toBe(producer.traceId);
      expect(second?.event.correlationId).toBe('req-42');

      const consumerSpan = exporter
        .getFinishedSpans()
        .find((s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.message.id'] === first?.event.id);
      expect(consumerSpan?.spanContext().traceId).toBe(producer.traceId);
      expect(consumerSpan?.parentSpanContext?.spanId).toBe(producer.spanId);
      expect(consumerSpan?.attributes['messaging.consumer.group.name']).toBe('first');
    } finally {
      await bus.stop();
      await t.close();
    }
  });
});
