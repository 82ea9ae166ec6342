import { z } from 'zod';
import {
  bookingPageSchema,
  bookingsQuerySchema,
  bookingViewSchema,
  bookRequestSchema,
  locales,
  partnerBookingPageSchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { FastifyRequest } from 'fastify';
import { cancelBooking } from '../domain/booking-cancel.ts';
import { bookPackage } from '../domain/booking-create.ts';
import { myBooking, myBookings, partnerBookings } from '../domain/booking-reads.ts';
import type { BundlingContext } from '../domain/context.ts';

const tags = ['bookings'];
const bearer = [{ bearer: [] }];
const idParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });
const langQuery = z.object({ lang: z.enum(locales).optional() });
/** Loose: the other headers (authorization among them) must pass through untouched. */
const bookHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .trim()
    .min(1, { message: 'invalid_idempotency_key' })
    .max(200, { message: 'invalid_idempotency_key' })
    .regex(/^[\x21-\x7e]+$/, { message: 'invalid_idempotency_key' })
    .optional(),
});

const correlation = (request: FastifyRequest) => ({ correlationId: String(request.id) });

/** Booking a package, the traveller's bookings and cancel, and the partner's share of bookings. */
export function bookingsRoutes(app: ServiceApp, ctx: BundlingContext): void {
  app.post(
    '/api/packages/:id/book',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Book a package: holds every item’s units until the hold expires (verified e-mail)',
        description:
          'Same `Idempotency-Key` and same request → the same booking (200); the key with another request → 409 idempotency_key_reused. 409 sold_out when a date or slot has too few places left: nothing is held.',
        security: bearer,
        params: idParams,
        headers: bookHeaders,
        body: bookRequestSchema,
        response: { 200: bookingViewSchema, 201: bookingViewSchema },
      },
    },
    async (request, reply) => {
      const { booking, created } = await bookPackage(ctx, request.user!, request.params.id, request.body, {
        ...correlation(request),
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.status(created ? 201 : 200).send(booking);
    },
  );

  app.get(
    '/api/packages/bookings',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "Bookings that include the caller partner's items (its lines and share only)",
        security: bearer,
        querystring: bookingsQuerySchema,
        response: { 200: partnerBookingPageSchema },
      },
    },
    async (request) => partnerBookings(ctx, request.user!, request.query),
  );

  app.get(
    '/api/bookings/me',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "The caller's bookings, newest first",
        security: bearer,
        querystring: bookingsQuerySchema,
        response: { 200: bookingPageSchema },
      },
    },
    async (request) => myBookings(ctx, request.user!, request.query),
  );

  app.get(
    '/api/bookings/:id',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "One of the caller's bookings, with what cancelling now would refund",
        security: bearer,
        params: idParams,
        querystring: langQuery,
        response: { 200: bookingViewSchema },
      },
    },
    async (request) => myBooking(ctx, request.user!, request.params.id, request.query.lang),
  );

  app.post(
    '/api/bookings/:id/cancel',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Cancel the booking: units back on sale, the policy’s refund at this moment',
        security: bearer,
        params: idParams,
        response: { 200: bookingViewSchema },
      },
    },
    async (request) => cancelBooking(ctx, request.user!, request.params.id, correlation(request)),
  );
}
