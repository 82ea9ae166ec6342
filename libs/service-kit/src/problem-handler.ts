import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem, ProblemFieldError } from '@tourconnect/contracts/http';
import { AppError, problemTitle, problemType } from './errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail?: string,
  errors?: ProblemFieldError[],
): FastifyReply {
  const body: Problem = {
    type: problemType(code),
    title: problemTitle(status),
    status,
    code,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
  };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return reply.status(status).type(PROBLEM_CONTENT_TYPE).send(body);
}

// Fastify's own error codes for bad requests, mapped to our stable problem codes.
const fastifyCodes: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    detail: 'Send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'malformed_request',
    detail: 'Content-Length does not match the body',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', detail: 'The request body is too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', detail: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', detail: 'The body is not valid JSON' },
  FST_ERR_VALIDATION: { status: 400, code: 'validation_failed', detail: 'The request is not valid' },
  FST_ERR_BAD_URL: { status: 400, code: 'malformed_request', detail: 'The URL is malformed' },
};

function zodFieldErrors(error: FastifyError): ProblemFieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const context = error.validationContext ?? 'body';
  return error.validation.map((issue) => {
    const segments = issue.instancePath.split('/').filter(Boolean);
    const path = [context, ...segments].join('.');
    // Our schemas put a translatable snake_case code in the message (e.g. password_too_short).
    const raw = issue.message ?? '';
    const code = /^[a-z][a-z0-9_]*$/.test(raw) ? raw : (issue.keyword ?? 'invalid');
    const keys = (issue.params as { keys?: string[] } | undefined)?.keys;
    const message = issue.keyword === 'unrecognized_keys' && keys ? `unknown field(s): ${keys.join(', ')}` : raw;
    return { path, code, message };
  });
}

/** RFC 9457 error handler: clear codes for client mistakes, nothing internal for 5xx. */
/** Returns true when it answered the request itself (a Fastify reply is thenable, so it is not returned). */
export type NotFoundHandler = (request: FastifyRequest, reply: FastifyReply) => boolean;

export function installProblemHandlers(app: FastifyInstance, notFound?: NotFoundHandler): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, error.status, error.code, error.message, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(request, reply, 400, 'validation_failed', 'Some fields are not valid', zodFieldErrors(error));
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendProblem(request, reply, known.status, known.code, known.detail);
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return sendProblem(request, reply, 400, 'malformed_json', 'The body is not valid JSON');
    }
    if (error.statusCode === 429) {
      return sendProblem(request, reply, 429, 'rate_limited', 'Too many requests, slow down');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, 'bad_request', 'The request cannot be processed');
    }
    // The client went away mid-response (a closed tab, a load generator stopping): nothing
    // failed on our side and nobody is left to answer.
    if (reply.raw.destroyed || error.code === 'UND_ERR_ABORTED') {
      request.log.info({ code: error.code }, 'client closed the connection');
      return reply;
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return sendProblem(request, reply, 500, 'internal_error', 'Something went wrong on our side. Try again later.');
  });

  // A service may answer unmatched routes itself first (the gateway's SPA fallback).
  app.setNotFoundHandler(async (request, reply) => {
    if (notFound?.(request, reply)) return reply;
    return sendProblem(request, reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`);
  });
}
