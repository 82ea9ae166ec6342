import { jwksSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { IdentityContext } from '../domain/context.ts';

/** Public keys for verifying access tokens; the gateway and services cache them. */
export function jwksRoutes(app: ServiceApp, ctx: IdentityContext): void {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['auth'],
        summary: 'Public keys that verify access tokens (JWKS)',
        response: { 200: jwksSchema },
      },
    },
    async (_request, reply) => {
      // Short enough that a rotated key reaches every verifier well inside a token lifetime.
      reply.header('cache-control', 'public, max-age=300, stale-while-revalidate=60');
      return ctx.keys.jwks;
    },
  );
}
