import {
  itemsSchema,
  LOGO_MAX_BYTES,
  myPartnerSchema,
  partnerDocumentSchema,
  registerPartnerBodySchema,
  updatePartnerBodySchema,
  documentKindSchema,
  DOCUMENT_MAX_BYTES,
} from '@tourconnect/contracts/http';
import { z } from 'zod';
import { AppError, type ServiceApp } from '@tourconnect/service-kit';
import type { PartnersContext } from '../domain/context.ts';
import { deleteMyDocument, listMyDocuments, readDocumentFile, uploadDocument } from '../domain/documents.ts';
import { findPublicLogo, removeLogo, uploadLogo } from '../domain/logo.ts';
import { getMyPartner, registerPartner, submitMyPartner, updateMyPartner } from '../domain/partner-profile.ts';
import {
  bearer,
  callerOf,
  fileResponse,
  idParams,
  ifNoneMatch,
  noContent,
  readUpload,
  requestMeta,
  sendFile,
} from './route-helpers.ts';

const tags = ['partners'];
const myPartner = { 200: myPartnerSchema };
/** Public and kept a day; revalidated by ETag (the logo URL also changes with the logo). */
const LOGO_CACHE_CONTROL = 'public, max-age=86400';

/** The caller's own partner: registration, profile, submission and logo; documents below. */
export function myPartnerRoutes(app: ServiceApp, ctx: PartnersContext): void {
  app.post(
    '/api/partners/register',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Register a business as a partner (draft)',
        security: bearer,
        body: registerPartnerBodySchema,
        response: { 201: myPartnerSchema },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 hour' } },
    },
    async (request, reply) =>
      reply.status(201).send(await registerPartner(ctx, callerOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/partners/me',
    {
      preHandler: app.requireUser(),
      schema: { tags, summary: "The caller's partner, role and checks", security: bearer, response: myPartner },
    },
    async (request) => getMyPartner(ctx, callerOf(request)),
  );

  app.patch(
    '/api/partners/me',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Edit the profile (status rules apply)',
        security: bearer,
        body: updatePartnerBodySchema,
        response: myPartner,
      },
    },
    async (request) => updateMyPartner(ctx, callerOf(request), request.body, requestMeta(request)),
  );

  app.post(
    '/api/partners/me/submit',
    {
      preHandler: app.requireUser(),
      schema: { tags, summary: 'Send the partner to the admin review queue', security: bearer, response: myPartner },
    },
    async (request) => submitMyPartner(ctx, callerOf(request), requestMeta(request)),
  );

  logoRoutes(app, ctx);
  documentRoutes(app, ctx);
}

function logoRoutes(app: ServiceApp, ctx: PartnersContext): void {
  app.post(
    '/api/partners/me/logo',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Upload the logo (multipart field "file"; PNG or JPEG, 2 MB)',
        security: bearer,
        response: myPartner,
      },
      config: { rateLimit: { max: ctx.settings.UPLOAD_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { file } = await readUpload(request, LOGO_MAX_BYTES);
      return uploadLogo(ctx, callerOf(request), file, requestMeta(request));
    },
  );

  app.delete(
    '/api/partners/me/logo',
    {
      preHandler: app.requireUser(),
      schema: { tags, summary: 'Remove the logo', security: bearer, response: myPartner },
    },
    async (request) => removeLogo(ctx, callerOf(request), requestMeta(request)),
  );

  app.get(
    '/api/partners/:id/logo',
    {
      schema: {
        tags,
        summary: "A partner's logo (public)",
        description:
          "Cacheable for a day; its ETag is the file's SHA-256, so a browser revalidating with " +
          'If-None-Match gets 304 Not Modified (no body) until the logo changes. The portal adds ' +
          '?v=<hash prefix> (logoUrl), so a new logo is a new URL.',
        params: idParams,
        response: {
          ...fileResponse('The logo image', ['image/png', 'image/jpeg']),
          304: z.null().describe('Not modified: If-None-Match named the current ETag'),
        },
      },
    },
    async (request, reply) => {
      const logo = await findPublicLogo(ctx, request.params.id);
      const etag = logo.sha256 ? `"${logo.sha256}"` : undefined;
      if (etag) {
        reply.header('etag', etag);
        if (ifNoneMatch(request.headers['if-none-match'], etag)) {
          return reply.header('cache-control', LOGO_CACHE_CONTROL).status(304).send(null);
        }
      }
      return sendFile(reply, await logo.read(), 'inline', LOGO_CACHE_CONTROL);
    },
  );
}

function documentRoutes(app: ServiceApp, ctx: PartnersContext): void {
  app.post(
    '/api/partners/me/documents',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Upload a verification document (multipart: field "kind", then field "file"; PDF/JPEG/PNG, 10 MB)',
        security: bearer,
        response: { 201: partnerDocumentSchema },
      },
      config: { rateLimit: { max: ctx.settings.UPLOAD_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { file, fields } = await readUpload(request, DOCUMENT_MAX_BYTES);
      const kind = documentKindSchema.safeParse(fields.kind);
      if (!kind.success) {
        throw new AppError(
          400,
          'validation_failed',
          'Say which document this is (field "kind", sent before the file)',
          [{ path: 'kind', code: fields.kind ? 'invalid_document_kind' : 'required', message: 'a document kind' }],
        );
      }
      const document = await uploadDocument(ctx, callerOf(request), kind.data, file, requestMeta(request));
      return reply.status(201).send(document);
    },
  );

  app.get(
    '/api/partners/me/documents',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "The partner's documents",
        security: bearer,
        response: { 200: itemsSchema(partnerDocumentSchema) },
      },
    },
    async (request) => ({ items: await listMyDocuments(ctx, callerOf(request)) }),
  );

  app.get(
    '/api/partners/me/documents/:id/file',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'A document file (inline)',
        security: bearer,
        params: idParams,
        response: fileResponse('The document, inline'),
      },
    },
    async (request, reply) =>
      sendFile(reply, await readDocumentFile(ctx, request.params.id, { callerId: callerOf(request).id })),
  );

  app.delete(
    '/api/partners/me/documents/:id',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Delete a document (draft or rejected only)',
        security: bearer,
        params: idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await deleteMyDocument(ctx, callerOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
}
