// One helper registers every /v1 route: it reads the form/query parameters, validates them
// against the operation's spec-derived schema, runs the handler under the idempotency
// ledger (POST), renders `expand[]`, and answers errors in Stripe's envelope.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError, invalidRequest, StripeError } from '../core/errors.ts';
import { parseForm, type FormObject } from '../core/form-parser.ts';
import { validateParams, type Params } from '../core/param-validator.ts';
import type { Kernel, RequestContext } from '../kernel.ts';
import { operationParams } from '../spec/request-params.ts';
import type { ResponseObject } from '../state/types.ts';
import type { IdempotencyLedger, Outcome } from './idempotency.ts';
import { render } from './render.ts';

export interface RouteInput {
  k: Kernel;
  ctx: RequestContext;
  params: Params;
  path: Record<string, string>;
}

export type RouteHandler = (input: RouteInput) => ResponseObject;

export interface RouteDeps {
  k: Kernel;
  idempotency: IdempotencyLedger;
  contexts: WeakMap<IncomingMessage, RequestContext>;
  log: (error: unknown) => void;
}

type Method = 'GET' | 'POST' | 'DELETE';

function rawParams(method: Method, request: FastifyRequest): FormObject {
  if (method !== 'POST') {
    const url = request.raw.url ?? '';
    const at = url.indexOf('?');
    return parseForm(at < 0 ? '' : url.slice(at + 1));
  }
  if (request.body === undefined || request.body === null) return {};
  const type = String(request.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw invalidRequest(
      `Invalid request: unsupported Content-Type ${type.split(';')[0]}. If error persists and you need assistance, please contact support@stripe.com.`,
    );
  }
  return request.body as FormObject;
}

function execute(
  deps: RouteDeps,
  handler: RouteHandler,
  input: Omit<RouteInput, 'params'>,
  raw: FormObject,
  schemaKey: string,
  method: Method,
): Outcome {
  try {
    const spec = operationParams(schemaKey);
    const params = validateParams(raw, method === 'POST' ? spec.body : spec.query);
    const result = handler({ ...input, params });
    return { status: 200, body: render(deps.k, result, params.expand), save: true };
  } catch (error) {
    if (error instanceof StripeError) {
      return {
        status: error.status,
        body: JSON.stringify(error.toJSON()),
        save: !error.beforeExecution && error.status < 500,
      };
    }
    deps.log(error);
    return { status: 500, body: JSON.stringify(apiError().toJSON()), save: false };
  } finally {
    // Handlers change objects in place; a decline changes state and still answers 402.
    if (method !== 'GET') deps.k.store.changed();
  }
}

export function registerRoute(
  app: FastifyInstance,
  deps: RouteDeps,
  method: Method,
  url: string,
  handler: RouteHandler,
): void {
  const schemaKey = `${method} ${url.replace(/:(\w+)/g, '{$1}')}`;
  operationParams(schemaKey); // fail at boot, not at the first request, if a schema is missing
  app.route({
    method,
    url,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const ctx = deps.contexts.get(request.raw);
      if (!ctx) throw new Error('request context missing');
      const input = { k: deps.k, ctx, path: request.params as Record<string, string> };
      const raw = rawParams(method, request);
      const run = async () => execute(deps, handler, input, raw, schemaKey, method);
      const key = method === 'POST' ? ctx.idempotencyKey : null;
      const path = (request.raw.url ?? '').split('?')[0] ?? '';
      const outcome = key
        ? await deps.idempotency.run(
            ctx.account,
            key,
            { method, path, params: raw, requestId: ctx.requestId, now: deps.k.clock.now() },
            run,
          )
        : await run();
      if ('originalRequestId' in outcome) {
        reply.header('idempotent-replayed', 'true').header('original-request', outcome.originalRequestId);
      } else if (key) {
        reply.header('idempotency-key', key);
      }
      return reply.code(outcome.status).type('application/json').send(outcome.body);
    },
  });
}
