import { discoverQuerySchema, discoverSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BundlingContext } from '../domain/context.ts';
import { answerCacheOf } from '../domain/search/answer-cache.ts';
import { discover } from '../domain/search/discover.ts';
import { interactionRecorderOf } from '../domain/search/recorder-of.ts';

/** Per client address (the gateway's forwarded one) and minute. */
export const DISCOVER_PER_MINUTE = 120;

/** GET /api/discover (the gateway routes /api/discover to bundling). */
export function discoverRoutes(app: ServiceApp, ctx: BundlingContext): void {
  const recorder = interactionRecorderOf(app, ctx);
  const cache = answerCacheOf(app);
  app.get(
    '/api/discover',
    {
      preHandler: app.optionalUser,
      config: { rateLimit: { max: DISCOVER_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['search'],
        summary:
          'Discover: sponsored, verified partners, packages for you (suggestions), trending, seasonal and new packages',
        querystring: discoverQuerySchema,
        response: { 200: discoverSchema },
      },
    },
    async (request) =>
      discover(
        ctx,
        request.query,
        { requestId: String(request.id), userId: request.user?.id },
        recorder,
        new Date(),
        cache,
      ),
  );
}
