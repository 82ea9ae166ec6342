// HTTP plumbing shared by /octo and /_simulator: a JSON parser that answers malformed JSON
// with an OCTO BAD_REQUEST, and an error handler that only ever emits OCTO error bodies.
import type { FastifyError, FastifyInstance } from 'fastify';
import { OctoError, octoErrors } from './errors.ts';

export function installJsonParser(app: FastifyInstance): void {
  // JSON only: form or text bodies get the same OCTO error as any other unreadable body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    // Clients often send Content-Type: application/json on body-less POSTs (extend, cancel).
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(octoErrors.badRequest('The request body is not valid JSON'), undefined);
    }
  });
}

function toOctoError(error: FastifyError | OctoError): OctoError {
  if (error instanceof OctoError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new OctoError('BAD_REQUEST', 'Content-Type must be application/json', {}, 400);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new OctoError('BAD_REQUEST', 'The request body is too large', {}, 413);
    default:
      if (error.statusCode && error.statusCode < 500) return octoErrors.badRequest(error.message);
      return octoErrors.internal();
  }
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | OctoError>((error, request, reply) => {
    const octo = toOctoError(error);
    // Injected 5xx are expected; anything else reaching here is a simulator bug worth logging.
    if (octo.statusCode >= 500 && !(error instanceof OctoError)) request.log.error({ err: error }, 'unhandled error');
    return reply.code(octo.statusCode).send(octo.body());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(octoErrors.badRequest(`No such endpoint: ${request.method} ${request.url.split('?')[0]}`).body()),
  );
}
