import { z } from 'zod';
import {
  createItemSchema,
  itemPageSchema,
  itemViewSchema,
  listItemsQuerySchema,
  locales,
  updateItemSchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BundlingContext } from '../domain/context.ts';
import type { ItemTransition } from '../domain/item-status.ts';
import { changeItemStatus, createItem, getItem, listBundleable, listMyItems, updateItem } from '../domain/items.ts';

const tags = ['catalogue'];
const security = [{ bearer: [] }];
export const itemParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });
export const langQuery = z.object({ lang: z.enum(locales).optional() });

/** The caller's partner's catalogue items, and other partners' bundleable ones. */
export function catalogueRoutes(app: ServiceApp, ctx: BundlingContext): void {
  app.get(
    '/api/catalogue/items',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "The caller's partner's items, newest first",
        security,
        querystring: listItemsQuerySchema,
        response: { 200: itemPageSchema },
      },
    },
    async (request) => listMyItems(ctx, request.user!.id, request.query),
  );

  app.post(
    '/api/catalogue/items',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Create an item (draft)',
        security,
        body: createItemSchema,
        response: { 201: itemViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createItem(ctx, request.user!.id, request.body, { correlationId: String(request.id) })),
  );

  app.get(
    '/api/catalogue/bundleable',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Published items other verified partners offer for bundling',
        security,
        querystring: listItemsQuerySchema,
        response: { 200: itemPageSchema },
      },
    },
    async (request) => listBundleable(ctx, request.user!.id, request.query),
  );

  app.get(
    '/api/catalogue/items/:id',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "An item of the caller's partner, or another partner's bundleable one",
        security,
        params: itemParams,
        querystring: langQuery,
        response: { 200: itemViewSchema },
      },
    },
    async (request) => getItem(ctx, request.user!.id, request.params.id, request.query.lang),
  );

  app.patch(
    '/api/catalogue/items/:id',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Change an item (not once archived)',
        security,
        params: itemParams,
        querystring: langQuery,
        body: updateItemSchema,
        response: { 200: itemViewSchema },
      },
    },
    async (request) =>
      updateItem(ctx, request.user!.id, request.params.id, request.body, request.query.lang, {
        correlationId: String(request.id),
      }),
  );

  const transitions: Record<ItemTransition, string> = {
    publish: 'Publish an item (the partner must be verified)',
    pause: 'Pause a published item',
    archive: 'Archive an item (final)',
  };
  for (const [transition, summary] of Object.entries(transitions) as [ItemTransition, string][]) {
    app.post(
      `/api/catalogue/items/:id/${transition}`,
      {
        preHandler: app.requireUser(),
        schema: {
          tags,
          summary,
          security,
          params: itemParams,
          querystring: langQuery,
          response: { 200: itemViewSchema },
        },
      },
      async (request) =>
        changeItemStatus(ctx, request.user!.id, request.params.id, transition, request.query.lang, {
          correlationId: String(request.id),
        }),
    );
  }
}
