import { deletePartnerBodySchema, deletionRequestSchema, partnerExportSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { PartnersContext } from '../domain/context.ts';
import { exportMyPartner, myDeletionRequest, requestDeletion } from '../domain/gdpr.ts';
import { bearer, callerOf, requestMeta } from './route-helpers.ts';

const tags = ['partner privacy'];

/** GDPR: the partner's data export, its erasure request and the request's progress. */
export function gdprRoutes(app: ServiceApp, ctx: PartnersContext): void {
  app.get(
    '/api/partners/me/export',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Everything held about the partner, as a JSON download (owner)',
        security: bearer,
        response: { 200: partnerExportSchema },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const data = await exportMyPartner(ctx, callerOf(request), requestMeta(request));
      return reply
        .header('content-disposition', `attachment; filename="tourconnect-partner-${data.partner.id}.json"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.delete(
    '/api/partners/me',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Ask for the partner to be erased (owner; type its name to confirm)',
        security: bearer,
        body: deletePartnerBodySchema,
        response: { 202: deletionRequestSchema },
      },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const deletion = await requestDeletion(ctx, callerOf(request), request.body.confirmName, requestMeta(request));
      return reply.status(202).send(deletion);
    },
  );

  app.get(
    '/api/partners/me/deletion',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "Progress of the caller's latest deletion request",
        security: bearer,
        response: { 200: deletionRequestSchema },
      },
    },
    async (request) => myDeletionRequest(ctx, callerOf(request)),
  );
}
