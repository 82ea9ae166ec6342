import { directoryQuerySchema, pageSchema, publicPartnerSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { PartnersContext } from '../domain/context.ts';
import { listDirectory, publicProfile } from '../domain/directory.ts';
import { idParams } from './route-helpers.ts';

const tags = ['partner directory'];

/** What anyone can read: the directory and public profiles (public fields only). */
export function publicRoutes(app: ServiceApp, ctx: PartnersContext): void {
  app.get(
    '/api/partners',
    {
      schema: {
        tags,
        summary: 'Partner directory (filters, paging)',
        querystring: directoryQuerySchema,
        response: { 200: pageSchema(publicPartnerSchema) },
      },
      config: { rateLimit: { max: ctx.settings.DIRECTORY_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => listDirectory(ctx, request.query),
  );

  app.get(
    '/api/partners/:id',
    {
      schema: {
        tags,
        summary: 'Public partner profile',
        params: idParams,
        response: { 200: publicPartnerSchema },
      },
      config: { rateLimit: { max: 2 * ctx.settings.DIRECTORY_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => publicProfile(ctx, request.params.id),
  );
}
