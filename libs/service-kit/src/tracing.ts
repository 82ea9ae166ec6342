import { context, propagation, trace, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { AlwaysOffSampler, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';

let provider: NodeTracerProvider | undefined;

/**
 * Registers the process-wide tracer provider once. Traces are always generated (ids in logs,
 * traceparent across HTTP and NATS); they are exported over OTLP only when an endpoint is
 * configured. Without one nothing would read a span, so spans are not recorded at all (the
 * AlwaysOff sampler): each still has its trace and span ids, continues the caller's trace and
 * passes it on (flags 00), but keeps no name, attributes or timings — the work of recording them
 * was ~1.5 % of a booking's CPU in the all-in-one (services/bundling/README.md).
 */
export function initTracing(serviceName: string, otlpEndpoint?: string): NodeTracerProvider {
  if (provider) return provider;
  const spanProcessors: SpanProcessor[] = [];
  if (otlpEndpoint) {
    const url = otlpEndpoint.replace(/\/$/, '') + '/v1/traces';
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors,
    ...(otlpEndpoint ? {} : { sampler: new AlwaysOffSampler() }),
  });
  provider.register();
  return provider;
}

export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown().catch(() => {});
  provider = undefined;
}

/** The trace id of the active span, for log lines. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  const id = span?.spanContext().traceId;
  return id && id !== '00000000000000000000000000000000' ? id : undefined;
}

/** Adds the active context's `traceparent` to outgoing headers. */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}

declare module 'fastify' {
  interface FastifyRequest {
    span?: Span;
  }
}

/**
 * One server span per request, continuing the caller's trace (traceparent header). The rest of
 * the request lifecycle runs inside the span's context so handlers, outbox writes and outgoing
 * calls carry the same trace id.
 */
export function installHttpTracing(app: FastifyInstance, serviceName: string): void {
  const tracer = trace.getTracer(`tourconnect.${serviceName}`);
  app.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(
      `${request.method} ${routeOf(request)}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.url.split('?')[0],
          'service.component': serviceName,
        },
      },
      parent,
    );
    request.span = span;
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const span = request.span;
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      span.updateName(`${request.method} ${routeOf(request)}`);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? request.url.split('?')[0] ?? '';
}
