import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { withCorrelationId } from './correlation.ts';
import type { EventEnvelope } from './envelope.ts';
import { errorMessage } from './logger.ts';
import { extractTraceContext } from './trace-context.ts';

const tracer = trace.getTracer('@tourconnect/events');

/**
 * Runs `fn` as the consumer side of the producer's trace: a CONSUMER span whose parent is the
 * traceparent captured at enqueue, with the event's correlation id as the default for any
 * event the handler enqueues in turn.
 */
export async function inConsumerSpan<T>(
  transportKind: 'nats' | 'in-process',
  durable: string,
  envelope: EventEnvelope,
  attempt: number,
  fn: () => Promise<T>,
): Promise<T> {
  const span = tracer.startSpan(
    `process ${envelope.subject}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': transportKind === 'nats' ? 'nats' : 'in-process',
        'messaging.operation.type': 'process',
        'messaging.destination.name': envelope.subject,
        'messaging.consumer.group.name': durable,
        'messaging.message.id': envelope.id,
        'tc.delivery.attempt': attempt,
      },
    },
    extractTraceContext(envelope),
  );
  const ctx = trace.setSpan(extractTraceContext(envelope), span);
  try {
    return await context.with(ctx, () => withCorrelationId(envelope.correlationId, fn));
  } catch (err) {
    span.recordException(err instanceof Error ? err : new Error(String(err)));
    span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(err) });
    throw err;
  } finally {
    span.end();
  }
}
