import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from '../domain/context.ts';

/** request.ip honours X-Forwarded-For (trustProxy): behind the gateway it is the browser's address. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, correlationId: String(request.id) };
}
