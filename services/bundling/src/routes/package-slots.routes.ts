import { z } from 'zod';
import { packageSlotsQuerySchema, packageSlotsSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BundlingContext } from '../domain/context.ts';
import { getPackageSlots } from '../domain/package-slots.ts';

const idParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });

/** The start times of a package's timed lines on a start date (the traveller's slot pickers). */
export function packageSlotsRoutes(app: ServiceApp, ctx: BundlingContext): void {
  app.get(
    '/api/packages/:id/slots',
    {
      preHandler: app.optionalUser,
      schema: {
        tags: ['packages'],
        summary: 'The slots of each timed line on a start date, with what is left and whether the party fits',
        params: idParams,
        querystring: packageSlotsQuerySchema,
        response: { 200: packageSlotsSchema },
      },
    },
    async (request) => getPackageSlots(ctx, request.user, request.params.id, request.query),
  );
}
