import { z } from 'zod';
import {
  adminPartnerDetailSchema,
  adminPartnersQuerySchema,
  adminPartnerSummarySchema,
  pageSchema,
  partnerSchema,
  suspendPartnerBodySchema,
  verifyPartnerBodySchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { PartnersContext } from '../domain/context.ts';
import { readDocumentFile } from '../domain/documents.ts';
import { adminPartnerDetail, reviewQueue } from '../domain/review.ts';
import { decidePartner, reinstatePartner, suspendPartner } from '../domain/verification.ts';
import { bearer, callerOf, fileResponse, idParams, requestMeta, sendFile } from './route-helpers.ts';

const tags = ['partner verification'];
const documentParams = z.object({ id: z.uuid({ message: 'invalid_id' }), docId: z.uuid({ message: 'invalid_id' }) });
const decided = { 200: partnerSchema };

/** The admin side: review queue, decisions, suspension, document access. */
export function adminRoutes(app: ServiceApp, ctx: PartnersContext): void {
  const admin = app.requireUser('admin');

  app.post(
    '/api/partners/verify',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Approve or reject a pending partner',
        security: bearer,
        body: verifyPartnerBodySchema,
        response: decided,
      },
    },
    async (request) => decidePartner(ctx, callerOf(request), request.body, requestMeta(request)),
  );

  app.get(
    '/api/admin/partners',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Review queue by status',
        security: bearer,
        querystring: adminPartnersQuerySchema,
        response: { 200: pageSchema(adminPartnerSummarySchema) },
      },
    },
    async (request) => reviewQueue(ctx, request.query),
  );

  app.get(
    '/api/admin/partners/:id',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'A partner with documents, checks and history',
        security: bearer,
        params: idParams,
        response: { 200: adminPartnerDetailSchema },
      },
    },
    async (request) => adminPartnerDetail(ctx, request.params.id),
  );

  app.get(
    '/api/admin/partners/:id/documents/:docId/file',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'A document file (inline)',
        security: bearer,
        params: documentParams,
        response: fileResponse('The document, inline'),
      },
    },
    async (request, reply) =>
      sendFile(reply, await readDocumentFile(ctx, request.params.docId, { partnerId: request.params.id })),
  );

  app.post(
    '/api/admin/partners/:id/suspend',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Suspend a partner (badge and listing withdrawn)',
        security: bearer,
        params: idParams,
        body: suspendPartnerBodySchema,
        response: decided,
      },
    },
    async (request) =>
      suspendPartner(ctx, callerOf(request), request.params.id, request.body.reason, requestMeta(request)),
  );

  app.post(
    '/api/admin/partners/:id/reinstate',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Reinstate a suspended partner',
        security: bearer,
        params: idParams,
        response: decided,
      },
    },
    async (request) => reinstatePartner(ctx, callerOf(request), request.params.id, requestMeta(request)),
  );
}
