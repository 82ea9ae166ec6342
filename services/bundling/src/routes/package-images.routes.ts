import { z } from 'zod';
import { locales, packageViewSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BundlingContext } from '../domain/context.ts';
import { deletePackageImage, uploadPackageImage } from '../domain/package-images.ts';
import { readImageUpload } from './catalogue-images.routes.ts';

const tags = ['packages'];
const security = [{ bearer: [] }];
const packageParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });
const imageParams = z.object({
  id: z.uuid({ message: 'invalid_id' }),
  imageId: z.uuid({ message: 'invalid_id' }),
});
const langQuery = z.object({ lang: z.enum(locales).optional() });

/** A package's own images: upload and delete by its partner's owners and managers (read: /api/catalogue/images/:id). */
export function packageImagesRoutes(app: ServiceApp, ctx: BundlingContext): void {
  app.post(
    '/api/packages/:id/images',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary:
          'Add an image to a package (multipart field "file"; JPEG, PNG or WebP by content, 5 MB; 8 per package)',
        security,
        params: packageParams,
        querystring: langQuery,
        response: { 200: packageViewSchema },
      },
      config: { rateLimit: { max: ctx.settings.UPLOAD_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => {
      const file = await readImageUpload(request);
      return uploadPackageImage(ctx, request.user!.id, request.params.id, file, {
        lang: request.query.lang,
        correlationId: String(request.id),
      });
    },
  );

  app.delete(
    '/api/packages/:id/images/:imageId',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Remove an image from a package',
        security,
        params: imageParams,
        querystring: langQuery,
        response: { 200: packageViewSchema },
      },
    },
    async (request) =>
      deletePackageImage(ctx, request.user!.id, request.params.id, request.params.imageId, {
        lang: request.query.lang,
        correlationId: String(request.id),
      }),
  );
}
