import { z } from 'zod';
import { availabilityQuerySchema, availabilitySlotSchema, bulkAvailabilitySchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import { editAvailability, readAvailability } from '../domain/availability.ts';
import type { BundlingContext } from '../domain/context.ts';
import { itemParams } from './catalogue.routes.ts';

const tags = ['catalogue'];
const security = [{ bearer: [] }];

/** An item's calendar: units per date or slot, and the bulk edit. */
export function catalogueAvailabilityRoutes(app: ServiceApp, ctx: BundlingContext): void {
  app.get(
    '/api/catalogue/items/:id/availability',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "An item's availability between two dates (at most 400 days)",
        security,
        params: itemParams,
        querystring: availabilityQuerySchema,
        response: { 200: z.object({ slots: z.array(availabilitySlotSchema) }) },
      },
    },
    async (request) => readAvailability(ctx, request.user!.id, request.params.id, request.query),
  );

  app.put(
    '/api/catalogue/items/:id/availability',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary:
          'Calendar bulk edit: dates × weekdays × start times → capacity, closed, price overrides (all or nothing)',
        security,
        params: itemParams,
        body: bulkAvailabilitySchema,
        response: {
          200: z.object({
            created: z.number().int(),
            updated: z.number().int(),
            slots: z.array(availabilitySlotSchema),
          }),
        },
      },
    },
    async (request) =>
      editAvailability(ctx, request.user!.id, request.params.id, request.body, {
        correlationId: String(request.id),
      }),
  );
}
