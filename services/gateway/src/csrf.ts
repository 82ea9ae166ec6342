import type { FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { AppError } from '@tourconnect/service-kit';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie-authenticated state changes need proof they come from the portal: a custom header
 * (a cross-site form or image cannot set one, and fetch with one triggers a CORS preflight)
 * and, when the browser sends an Origin, an allowed one. Bearer-only calls carry no ambient
 * credential, so they are not CSRF-prone and pass.
 */
export function checkCsrf(request: FastifyRequest, allowedOrigins: ReadonlySet<string>): void {
  if (!UNSAFE.has(request.method) || !request.headers.cookie) return;
  if (request.headers[CSRF_HEADER] === undefined) {
    throw new AppError(403, 'csrf_failed', `Missing ${CSRF_HEADER} header`);
  }
  const origin = request.headers.origin;
  if (origin && !allowedOrigins.has(origin) && origin !== selfOrigin(request)) {
    throw new AppError(403, 'csrf_failed', 'Cross-origin request refused');
  }
}

function selfOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
