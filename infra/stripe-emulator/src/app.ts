// Assembles the Fastify app: the form body parser, the /v1 hooks (request id, fault
// injection, auth), every resource's routes, the onboarding pages and the control surface.
import type { IncomingMessage } from 'node:http';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { controlRoutes } from './control/control.routes.ts';
import { apiError, invalidRequest, StripeError } from './core/errors.ts';
import { FormParseError, parseForm } from './core/form-parser.ts';
import { newSecret } from './core/ids.ts';
import { authenticate, type AuthOptions } from './http/auth.ts';
import { IdempotencyLedger } from './http/idempotency.ts';
import type { RouteDeps } from './http/route.ts';
import type { Kernel, RequestContext } from './kernel.ts';
import { authenticationRoutes } from './authentication/authentication.routes.ts';
import { onboardingRoutes } from './onboarding/onboarding.routes.ts';
import { accountLinkRoutes } from './resources/account-links.routes.ts';
import { accountRoutes } from './resources/accounts.routes.ts';
import { balanceRoutes } from './resources/balance.routes.ts';
import { chargeRoutes } from './resources/charges.routes.ts';
import { disputeRoutes } from './resources/disputes.routes.ts';
import { eventRoutes } from './resources/events.routes.ts';
import { paymentIntentRoutes } from './resources/payment-intents.routes.ts';
import { payoutRoutes } from './resources/payouts.routes.ts';
import { refundRoutes } from './resources/refunds.routes.ts';
import { transferRoutes } from './resources/transfers.routes.ts';
import { webhookEndpointRoutes } from './resources/webhook-endpoints.routes.ts';
import type { Scheduler } from './scheduler/scheduler.ts';

export interface AppOptions extends AuthOptions {
  logger: boolean;
  reset: () => void;
}

function sendError(reply: FastifyReply, error: StripeError): FastifyReply {
  return reply.code(error.status).type('application/json').send(error.toJSON());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function apiHooks(
  app: FastifyInstance,
  k: Kernel,
  contexts: WeakMap<IncomingMessage, RequestContext>,
  options: AuthOptions,
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/')) return;
    const requestId = newSecret('req', 14);
    reply.header('request-id', requestId).header('stripe-version', k.apiVersion);
    const { faults } = k;
    if (faults.settings.latency_ms > 0) await sleep(faults.settings.latency_ms);
    if (faults.roll(faults.settings.error_500_rate))
      return sendError(reply, apiError('An unknown error occurred (injected by the Stripe emulator).'));
    if (faults.roll(faults.settings.error_429_rate)) {
      return sendError(
        reply,
        new StripeError(429, {
          type: 'invalid_request_error',
          code: 'rate_limit',
          message: 'Too many requests hit the API too quickly (injected by the Stripe emulator).',
        }),
      );
    }
    try {
      contexts.set(request.raw, authenticate(k, request.headers, requestId, options));
    } catch (error) {
      if (error instanceof StripeError) {
        if (error.status === 401) reply.header('www-authenticate', 'Bearer realm="Stripe"');
        return sendError(reply, error);
      }
      throw error;
    }
  });
}

function errorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof StripeError) return sendError(reply, error);
    if (error instanceof FormParseError)
      return sendError(
        reply,
        invalidRequest(`Invalid request: the parameter structure of ${error.param} is inconsistent.`, {
          param: error.param,
        }),
      );
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status === 415)
      return sendError(
        reply,
        invalidRequest(`Invalid request: unsupported Content-Type ${String(request.headers['content-type'] ?? '')}.`),
      );
    if (status >= 400 && status < 500)
      return sendError(reply, invalidRequest(`Invalid request: ${(error as Error).message}`, { status }));
    request.log.error(error);
    return sendError(reply, apiError());
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      invalidRequest(
        `Unrecognized request URL (${request.method}: ${request.url.split('?')[0]}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        { status: 404 },
      ),
    ),
  );
}

export function buildApp(k: Kernel, scheduler: Scheduler, options: AppOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger, bodyLimit: 1_048_576 });
  app.register(formbody, { parser: (body: string) => parseForm(body) });
  const contexts = new WeakMap<IncomingMessage, RequestContext>();
  const deps: RouteDeps = {
    k,
    idempotency: new IdempotencyLedger(k.store),
    contexts,
    log: (error) => app.log.error(error),
  };
  apiHooks(app, k, contexts, options);
  errorHandling(app);
  app.register(async (api) => {
    for (const routes of [
      accountRoutes,
      accountLinkRoutes,
      paymentIntentRoutes,
      chargeRoutes,
      disputeRoutes,
      transferRoutes,
      refundRoutes,
      balanceRoutes,
      payoutRoutes,
      eventRoutes,
      webhookEndpointRoutes,
    ]) {
      routes(api, deps);
    }
    onboardingRoutes(api, k);
    authenticationRoutes(api, k);
    controlRoutes(api, { k, scheduler, reset: options.reset });
  });
  return app;
}
