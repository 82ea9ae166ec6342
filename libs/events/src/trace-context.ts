import {
  ROOT_CONTEXT,
  TraceFlags,
  context,
  isSpanContextValid,
  propagation,
  trace,
  type Context,
} from '@opentelemetry/api';

export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Captures the active trace context at enqueue time. Uses the registered propagator, and
 * falls back to formatting the active span context by hand so the trace survives even where
 * no W3C propagator was registered globally (tests, scripts).
 */
export function captureTraceContext(): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (carrier.traceparent) {
    const out: TraceCarrier = { traceparent: carrier.traceparent };
    if (carrier.tracestate) out.tracestate = carrier.tracestate;
    return out;
  }
  const span = trace.getSpanContext(context.active());
  if (!span || !isSpanContextValid(span)) return {};
  const flags = (span.traceFlags & 0xff).toString(16).padStart(2, '0');
  return { traceparent: `00-${span.traceId}-${span.spanId}-${flags}` };
}

/** Rebuilds the producer's context on the consumer side (parent of the consumer span). */
export function extractTraceContext(carrier: TraceCarrier): Context {
  if (!carrier.traceparent) return ROOT_CONTEXT;
  const headers: Record<string, string> = { traceparent: carrier.traceparent };
  if (carrier.tracestate) headers.tracestate = carrier.tracestate;
  const extracted = propagation.extract(ROOT_CONTEXT, headers);
  if (trace.getSpanContext(extracted)) return extracted;
  const match = TRACEPARENT.exec(carrier.traceparent);
  if (!match) return ROOT_CONTEXT;
  const [, traceId, spanId, flags] = match as unknown as [string, string, string, string];
  const spanContext = {
    traceId,
    spanId,
    traceFlags: parseInt(flags, 16) & TraceFlags.SAMPLED,
    isRemote: true,
  };
  return isSpanContextValid(spanContext) ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
}
