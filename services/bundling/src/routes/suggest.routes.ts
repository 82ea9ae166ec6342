import { suggestQuerySchema, suggestViewSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BundlingContext } from '../domain/context.ts';
import { answerCacheOf } from '../domain/search/answer-cache.ts';
import { suggestBundles } from '../domain/suggest-bundles.ts';

/**
 * AI Suggest Bundles: GET /api/packages/suggest (public; a signed-in partner member may pass
 * their own unpublished package as the context). The static path wins over /api/packages/:id.
 */
export function suggestRoutes(app: ServiceApp, ctx: BundlingContext): void {
  const cache = answerCacheOf(app);
  app.get(
    '/api/packages/suggest',
    {
      preHandler: app.optionalUser,
      schema: {
        tags: ['packages'],
        summary:
          'Suggested packages and bundles composed from items often booked together, for a destination, dates, traveller type and party, priced for the party, with their reasons',
        querystring: suggestQuerySchema,
        response: { 200: suggestViewSchema },
      },
    },
    async (request) => suggestBundles(ctx, request.user, request.query, new Date(), cache),
  );
}
