import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { fileResponseSchema, itemViewSchema } from '@tourconnect/contracts/http';
import { AppError, type ServiceApp } from '@tourconnect/service-kit';
import { imageMissing, imageTooLarge, notMultipart } from '../domain/bundling-errors.ts';
import type { BundlingContext } from '../domain/context.ts';
import {
  deleteItemImage,
  IMAGE_MAX_BYTES,
  IMAGE_TYPES,
  readImage,
  uploadItemImage,
  type UploadedImage,
} from '../domain/images.ts';
import { itemParams, langQuery } from './catalogue.routes.ts';

const tags = ['catalogue'];
const security = [{ bearer: [] }];
const imageParams = z.object({
  id: z.uuid({ message: 'invalid_id' }),
  imageId: z.uuid({ message: 'invalid_id' }),
});

/** Images of catalogue items: upload and delete (members), read (public, cacheable). */
export function catalogueImagesRoutes(app: ServiceApp, ctx: BundlingContext): void {
  app.post(
    '/api/catalogue/items/:id/images',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Add an image (multipart field "file"; JPEG, PNG or WebP by content, 5 MB; 8 per item)',
        security,
        params: itemParams,
        querystring: langQuery,
        response: { 200: itemViewSchema },
      },
      config: { rateLimit: { max: ctx.settings.UPLOAD_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => {
      const file = await readImageUpload(request);
      return uploadItemImage(ctx, request.user!.id, request.params.id, file, request.query.lang);
    },
  );

  app.delete(
    '/api/catalogue/items/:id/images/:imageId',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Remove an image from an item',
        security,
        params: imageParams,
        querystring: langQuery,
        response: { 200: itemViewSchema },
      },
    },
    async (request) =>
      deleteItemImage(ctx, request.user!.id, request.params.id, request.params.imageId, request.query.lang),
  );

  app.get(
    '/api/catalogue/images/:imageId',
    {
      schema: {
        tags,
        summary: 'An item or package image (public; ETag and cache headers, 304 when unchanged)',
        params: z.object({ imageId: z.uuid({ message: 'invalid_id' }) }),
        response: {
          200: {
            description: 'The image',
            content: Object.fromEntries(IMAGE_TYPES.map((type) => [type, { schema: fileResponseSchema }])),
          },
          304: { description: 'Not modified', content: { 'text/plain': { schema: z.null() } } },
        },
      },
    },
    async (request, reply) => {
      const image = await readImage(ctx, request.params.imageId);
      // An image's bytes never change under its id (a new upload is a new id); its visibility can,
      // so caches keep it an hour and revalidate by ETag.
      reply
        .header('etag', image.etag)
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox");
      if (matchesEtag(request.headers['if-none-match'], image.etag)) return reply.status(304).send();
      // The bytes as they are (the typed reply expects the schema's File).
      return (reply as FastifyReply)
        .header('content-type', image.contentType)
        .header('content-length', String(image.data.length))
        .send(image.data);
    },
  );
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** Reads the one file of a multipart request; at most IMAGE_MAX_BYTES + 1 bytes are buffered. */
export async function readImageUpload(request: FastifyRequest): Promise<UploadedImage> {
  if (!request.isMultipart()) throw notMultipart();
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { fileSize: IMAGE_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024 } });
    if (!part || part.fieldname !== 'file') throw imageMissing();
    const data = await part.toBuffer();
    return { data, truncated: part.file.truncated };
  } catch (error) {
    throw asUploadError(error);
  }
}

function asUploadError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return imageTooLarge(IMAGE_MAX_BYTES);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new AppError(400, 'validation_failed', 'Send one image in the field "file"');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return notMultipart();
  return error;
}
