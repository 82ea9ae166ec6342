import type { FastifyInstance } from 'fastify';
import type { ProblemFieldError } from '@tourconnect/contracts/http';
import { AppError } from './errors.ts';

const MAX_DEPTH = 32;

/** Paths (body.name, query.q…) of every string or key holding a NUL character. */
function nulPaths(value: unknown, path: string, out: string[], depth = 0): void {
  if (out.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, `${path}.${i}`, out, depth + 1));
    return;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !isStream(value)) {
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}.${key.replaceAll('\u0000', '\\0')}`;
      if (key.includes('\u0000')) out.push(at);
      nulPaths(item, at, out, depth + 1);
    }
  }
}

function isStream(value: object): boolean {
  return typeof (value as { pipe?: unknown }).pipe === 'function';
}

/**
 * PostgreSQL text cannot hold U+0000, so a NUL in any input string would only fail deep in a
 * query as a 500. Refused here, once for every route of every service, before validation.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: string[] = [];
    nulPaths(request.query, 'query', found);
    nulPaths(request.params, 'params', found);
    nulPaths(request.body, 'body', found);
    if (found.length === 0) return;
    const errors: ProblemFieldError[] = found.map((path) => ({
      path,
      code: 'nul_character',
      message: 'must not contain the NUL character (U+0000)',
    }));
    throw new AppError(400, 'validation_failed', 'Some fields are not valid', errors);
  });
}
