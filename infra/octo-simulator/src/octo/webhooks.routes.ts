// POST /webhooks, GET /webhooks, DELETE /webhooks/{id} (octo/webhooks capability).
import type { FastifyInstance } from 'fastify';
import { createSubscription, renderSubscription } from '../webhooks/subscriptions.ts';
import { octoContext } from './context.ts';
import { octoErrors } from './errors.ts';

export function registerWebhookRoutes(app: FastifyInstance): void {
  app.post('/webhooks', async (request) => {
    const { state, caps, now } = octoContext(request);
    return renderSubscription(createSubscription(state, request.body, caps, now));
  });

  app.get('/webhooks', async (request) => {
    const { state } = octoContext(request);
    return [...state.subscriptions.values()].map(renderSubscription);
  });

  app.delete<{ Params: { id: string } }>('/webhooks/:id', async (request, reply) => {
    const { state } = octoContext(request);
    if (!state.subscriptions.delete(request.params.id)) {
      throw octoErrors.badRequest(`The webhook id ${request.params.id} was missing or invalid`);
    }
    return reply.code(204).send();
  });
}
