import { Readable } from 'node:stream';
import replyFrom from '@fastify/reply-from';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  GATEWAY_SECRET_HEADER,
  injectTraceHeaders,
  sendProblem,
  type ServiceApp,
} from '@tourconnect/service-kit';
import type { ServiceName } from './config.ts';
import { checkCsrf } from './csrf.ts';
import { resolveRoute } from './route-table.ts';

export interface ProxyOptions {
  upstreams: Partial<Record<ServiceName, string>>;
  timeoutMs: number;
  allowedOrigins: ReadonlySet<string>;
  defaultBodyLimit: number;
  /** Proves to the services that the forwarded client address comes from the gateway. */
  gatewaySecret?: string | undefined;
}

const MAX_BODY = 12 * 1024 * 1024;
/** Bodies up to this size with a declared length are read whole before they are forwarded. */
const BUFFERED_BODY_MAX = 64 * 1024;

/**
 * /api/* goes to the owning service, body untouched (kept as bytes, so multipart and JSON
 * pass through alike), with the request id, client address and trace context added.
 */
export async function registerProxy(app: ServiceApp, options: ProxyOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // A large body with a Content-Length stays a stream: proxied byte for byte (JSON, multipart
    // alike), never re-encoded, its length checked against the route's limit before a byte is
    // read. A small one (most API calls) is read first and sent upstream as one buffer with its
    // headers: the same bytes, without a stream on each side (a third of the gateway's CPU per
    // proxied call went to stream plumbing). A chunked body declares no length, so it is counted
    // as it arrives and refused with 413 the moment it passes the limit; under it, it goes on
    // with a Content-Length.
    scope.addContentTypeParser('*', (request, payload, done) => {
      const declared = request.headers['content-length'];
      if (declared !== undefined && !(Number(declared) <= BUFFERED_BODY_MAX && request.headers['content-type'])) {
        return done(null, payload);
      }
      const limit = declared !== undefined ? BUFFERED_BODY_MAX : bodyLimitFor(request.url, options.defaultBodyLimit);
      readCapped(payload, limit).then(
        (body) => {
          if (declared === undefined) {
            // Forwarded with a known length, so the service sees an ordinary request.
            delete request.headers['transfer-encoding'];
            request.headers['content-length'] = String(body.length);
          }
          // Without a Content-Type, reply-from would JSON-encode a buffer: that body stays a stream.
          done(null, request.headers['content-type'] ? body : Readable.from([body]));
        },
        (error: Error) => done(error, undefined),
      );
    });
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
      if (length > limitOf(route, options.defaultBodyLimit)) throw tooLarge();
      checkCsrf(request, options.allowedOrigins);
      // A buffered body goes out as it came in: same bytes, same Content-Type (never re-encoded).
      const body = Buffer.isBuffer(request.body) ? request.body : undefined;
      return reply.from(base + request.url, {
        ...(body ? { body, contentType: request.headers['content-type'] } : {}),
        rewriteRequestHeaders: (_req, headers) => {
          const out: Record<string, string | string[] | undefined> = { ...headers, 'x-request-id': String(request.id) };
          // One address: the client as the gateway established it (TRUST_PROXY_HOPS), so a
          // forged X-Forwarded-For from a browser never reaches the services' per-IP limits.
          out['x-forwarded-for'] = request.ip;
          out['x-forwarded-proto'] = request.protocol;
          out['x-forwarded-host'] = request.host;
          // Only the gateway may vouch for a client address: a client's own copy never passes.
          delete out[GATEWAY_SECRET_HEADER];
          if (options.gatewaySecret) out[GATEWAY_SECRET_HEADER] = options.gatewaySecret;
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

const tooLarge = () =>
  new AppError(413, 'payload_too_large', 'The request body is too large', undefined, { connection: 'close' });

function bodyLimitFor(url: string, defaultLimit: number): number {
  return limitOf(resolveRoute(url.split('?')[0] ?? '/'), defaultLimit);
}

function limitOf(route: { bodyLimit?: number } | undefined, defaultLimit: number): number {
  return Math.min(route?.bodyLimit ?? defaultLimit, MAX_BODY);
}

/** Reads a body of unknown length, refusing it as soon as it passes `limit` bytes. */
function readCapped(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.removeListener('data', onData);
        // Keep draining without storing, so the client sees the 413 rather than a reset.
        stream.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => {
      if (size <= limit) resolve(Buffer.concat(chunks, size));
    });
    stream.once('error', reject);
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
