import { z } from 'zod';
import {
  createPackageSchema,
  listPackagesQuerySchema,
  locales,
  packageAvailabilityQuerySchema,
  packageAvailabilitySchema,
  packagePageSchema,
  packageViewSchema,
  quoteRequestSchema,
  quoteViewSchema,
  updatePackageSchema,
} from '@tourconnect/contracts/http';
import type { Locale } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { FastifyRequest } from 'fastify';
import type { BundlingContext } from '../domain/context.ts';
import { getPackageAvailability, quotePackage } from '../domain/package-quote.ts';
import type { PackageTransition } from '../domain/package-status.ts';
import { packageSlotsRoutes } from './package-slots.routes.ts';
import {
  createPackage,
  getPackage,
  listMyPackages,
  listPublicPackages,
  transitionPackage,
  updatePackage,
  type RequestMeta,
} from '../domain/packages.ts';

const tags = ['packages'];
const bearer = [{ bearer: [] }];
const idParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });
const langQuery = z.object({ lang: z.enum(locales).optional() });
const packageResponse = { 200: packageViewSchema };

/** The request's id (events, audit) and the language the answer's view is written in. */
function meta(request: FastifyRequest): RequestMeta {
  const { lang } = (request.query ?? {}) as { lang?: Locale };
  return { correlationId: String(request.id), lang };
}

/**
 * Packages: the partner's CRUD and status actions, the public lists, a package's page, its
 * availability calendar and quotes (the book route is the bookings' own, src/routes/bookings).
 */
export function packagesRoutes(app: ServiceApp, ctx: BundlingContext): void {
  for (const url of ['/api/packages', '/api/packages/create']) {
    app.post(
      url,
      {
        preHandler: app.requireUser(),
        schema: {
          tags,
          summary: 'Create a draft package of own and bundleable items',
          security: bearer,
          body: createPackageSchema,
          querystring: langQuery,
          response: { 201: packageViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createPackage(ctx, request.user!, request.body, meta(request))),
    );
  }

  app.get(
    '/api/packages',
    {
      schema: {
        tags,
        summary: 'Published packages of verified partners, newest first',
        querystring: listPackagesQuerySchema.omit({ status: true }),
        response: { 200: packagePageSchema },
      },
    },
    async (request) => listPublicPackages(ctx, request.query),
  );

  app.get(
    '/api/packages/mine',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "The caller's partner's packages, newest first",
        security: bearer,
        querystring: listPackagesQuerySchema,
        response: { 200: packagePageSchema },
      },
    },
    async (request) => listMyPackages(ctx, request.user!, request.query),
  );

  app.get(
    '/api/partners/:id/packages',
    {
      schema: {
        tags,
        summary: "A partner's published packages (public, for its profile page)",
        params: idParams,
        querystring: listPackagesQuerySchema.omit({ status: true }),
        response: { 200: packagePageSchema },
      },
    },
    async (request) => listPublicPackages(ctx, request.query, request.params.id),
  );

  app.get(
    '/api/packages/:id',
    {
      preHandler: app.optionalUser,
      schema: {
        tags,
        summary: "A package (published: anyone; otherwise its partner's members only)",
        params: idParams,
        querystring: langQuery,
        response: packageResponse,
      },
    },
    async (request) => getPackage(ctx, request.user, request.params.id, request.query.lang),
  );

  app.patch(
    '/api/packages/:id',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Edit a package (bumps its version; bookings keep their price)',
        security: bearer,
        params: idParams,
        querystring: langQuery,
        body: updatePackageSchema,
        response: packageResponse,
      },
    },
    async (request) => updatePackage(ctx, request.user!, request.params.id, request.body, meta(request)),
  );

  const transitions: PackageTransition[] = ['publish', 'pause', 'archive'];
  for (const transition of transitions) {
    app.post(
      `/api/packages/:id/${transition}`,
      {
        preHandler: app.requireUser(),
        schema: {
          tags,
          summary: `${transition[0]!.toUpperCase()}${transition.slice(1)} a package`,
          security: bearer,
          params: idParams,
          querystring: langQuery,
          response: packageResponse,
        },
      },
      async (request) => transitionPackage(ctx, request.user!, request.params.id, transition, meta(request)),
    );
  }

  app.get(
    '/api/packages/:id/availability',
    {
      preHandler: app.optionalUser,
      schema: {
        tags,
        summary: 'Per start date, how many more parties of this composition fit',
        params: idParams,
        querystring: packageAvailabilityQuerySchema,
        response: { 200: packageAvailabilitySchema },
      },
    },
    async (request) => getPackageAvailability(ctx, request.user, request.params.id, request.query),
  );

  app.post(
    '/api/packages/:id/quote',
    {
      preHandler: app.optionalUser,
      schema: {
        tags,
        summary: 'Price a start date and party (holds nothing)',
        params: idParams,
        body: quoteRequestSchema,
        response: { 200: quoteViewSchema },
      },
    },
    async (request) => quotePackage(ctx, request.user, request.params.id, request.body),
  );

  packageSlotsRoutes(app, ctx);
}
