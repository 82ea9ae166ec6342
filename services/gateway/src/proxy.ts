import replyFrom from '@fastify/reply-from';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, injectTraceHeaders, sendProblem, type ServiceApp } from '@tourconnect/service-kit';
import type { ServiceName } from './config.ts';
import { checkCsrf } from './csrf.ts';
import { resolveRoute } from './route-table.ts';

export interface ProxyOptions {
  upstreams: Partial<Record<ServiceName, string>>;
  timeoutMs: number;
  allowedOrigins: ReadonlySet<string>;
  defaultBodyLimit: number;
}

const MAX_BODY = 12 * 1024 * 1024;

/**
 * /api/* goes to the owning service, body untouched (kept as bytes, so multipart and JSON
 * pass through alike), with the request id, client address and trace context added.
 */
export async function registerProxy(app: ServiceApp, options: ProxyOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // The body stays a stream: proxied byte for byte (JSON, multipart alike), never re-encoded.
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    await scope.register(replyFrom, {
      disableRequestLogging: true,
      undici: {
        connections: 128,
        pipelining: 1,
        keepAliveTimeout: 60_000,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      },
    });

    const forward = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '/';
      const route = resolveRoute(path);
      const base = route ? options.upstreams[route.service] : undefined;
      if (!route || !base) throw new AppError(404, 'not_found', `No route for ${request.method} ${path}`);
      const length = Number(request.headers['content-length'] ?? 0);
      if (length > Math.min(route.bodyLimit ?? options.defaultBodyLimit, MAX_BODY)) {
        throw new AppError(413, 'payload_too_large', 'The request body is too large');
      }
      checkCsrf(request, options.allowedOrigins);
      return reply.from(base + request.url, {
        rewriteRequestHeaders: (_req, headers) => {
          const out: Record<string, string | string[] | undefined> = { ...headers, 'x-request-id': String(request.id) };
          // One address: the client as the gateway established it (TRUST_PROXY_HOPS), so a
          // forged X-Forwarded-For from a browser never reaches the services' per-IP limits.
          out['x-forwarded-for'] = request.ip;
          out['x-forwarded-proto'] = request.protocol;
          out['x-forwarded-host'] = request.host;
          return injectTraceHeaders(out as Record<string, string>);
        },
        onError: (errorReply, { error }) => {
          const { status, code, detail } = classifyUpstreamError(error, route.service);
          request.log.warn({ err: error, service: route.service }, 'upstream call failed');
          sendProblem(request, errorReply as FastifyReply, status, code, detail);
        },
      });
    };
    scope.all('/api/*', forward);
    scope.get('/.well-known/jwks.json', forward);
  });
}

function classifyUpstreamError(
  error: Error & { code?: string },
  service: string,
): { status: number; code: string; detail: string } {
  const code = error.code ?? (error.cause as { code?: string } | undefined)?.code ?? '';
  if (/TIMEOUT/i.test(code) || /timeout/i.test(error.message)) {
    return { status: 504, code: 'upstream_timeout', detail: `The ${service} service did not answer in time` };
  }
  if (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'UND_ERR_SOCKET' ||
    /ECONNREFUSED/.test(error.message)
  ) {
    return { status: 503, code: 'service_unavailable', detail: `The ${service} service is unavailable` };
  }
  return { status: 502, code: 'bad_gateway', detail: `The ${service} service failed to answer` };
}
