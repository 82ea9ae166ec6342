import { z } from 'zod';
import { interactionsRequestSchema, searchPageSchema, searchQuerySchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BundlingContext } from '../domain/context.ts';
import { answerCacheOf } from '../domain/search/answer-cache.ts';
import { occurredNow } from '../domain/search/interactions.ts';
import { interactionRecorderOf } from '../domain/search/recorder-of.ts';
import { searchCatalogue } from '../domain/search/search.ts';

const tags = ['search'];
/** Per client address (the gateway's forwarded one) and minute. */
export const SEARCH_PER_MINUTE = 120;
export const INTERACTIONS_PER_MINUTE = 120;

/** GET /api/packages/search and the portal's interaction reports. */
export function searchRoutes(app: ServiceApp, ctx: BundlingContext): void {
  const recorder = interactionRecorderOf(app, ctx);
  const cache = answerCacheOf(app);

  app.get(
    '/api/packages/search',
    {
      preHandler: app.optionalUser,
      config: { rateLimit: { max: SEARCH_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Search published packages and items: words, destination, dates and party, filters, facets',
        querystring: searchQuerySchema,
        response: { 200: searchPageSchema },
      },
    },
    async (request) =>
      searchCatalogue(
        ctx,
        request.query,
        { requestId: String(request.id), userId: request.user?.id },
        recorder,
        new Date(),
        cache,
      ),
  );

  app.post(
    '/api/packages/search/interactions',
    {
      preHandler: app.optionalUser,
      config: { rateLimit: { max: INTERACTIONS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Report clicks, views and impressions of search and Discover results (analytics)',
        body: interactionsRequestSchema,
        response: { 202: z.object({ accepted: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const occurredAt = occurredNow();
      recorder.record(
        ...request.body.events.map((event) => ({
          kind: event.kind,
          surface: event.surface,
          occurredAt,
          requestId: event.requestId ?? '',
          userId: request.user?.id ?? '',
          section: event.section ?? '',
          targetKind: event.targetKind,
          targetId: event.targetId,
          position: event.position ?? 0,
          sponsored: event.sponsored,
        })),
      );
      return reply.status(202).send({ accepted: request.body.events.length });
    },
  );
}
