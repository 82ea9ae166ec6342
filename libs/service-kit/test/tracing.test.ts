import { afterAll, describe, expect, it } from 'vitest';
import { context, propagation, trace } from '@opentelemetry/api';
import { activeTraceId, initTracing, injectTraceHeaders, shutdownTracing } from '../src/tracing.ts';

// Without an OTLP endpoint nothing reads a span, so none is recorded — but every request still
// has a trace id for its log lines, continues its caller's trace and passes it on.
describe('tracing without an exporter', () => {
  afterAll(async () => shutdownTracing());

  it('keeps trace ids and propagation, records nothing', () => {
    initTracing('tracing-test');
    const tracer = trace.getTracer('test');
    const caller = '0af7651916cd43dd8448eb211c80319c';
    const parent = propagation.extract(context.active(), { traceparent: `00-${caller}-b7ad6b7169203331-01` });
    const span = tracer.startSpan('GET /api/things', {}, parent);
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toBe(caller);
    expect(span.spanContext().spanId).toMatch(/^[0-9a-f]{16}$/);
    context.with(trace.setSpan(parent, span), () => {
      expect(activeTraceId()).toBe(caller);
      const headers = injectTraceHeaders({});
      expect(headers.traceparent).toMatch(new RegExp(`^00-${caller}-${span.spanContext().spanId}-00$`));
    });
    // A request that arrives without a trace starts its own.
    const root = tracer.startSpan('GET /health');
    expect(root.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(root.spanContext().traceId).not.toBe('00000000000000000000000000000000');
  });
});
