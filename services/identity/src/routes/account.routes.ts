import { z } from 'zod';
import { deleteAccountBodySchema, meSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import { deleteAccount } from '../domain/delete-account.ts';
import { getCurrentUser } from '../domain/get-current-user.ts';
import type { IdentityContext } from '../domain/context.ts';
import { clearRefreshCookie } from './refresh-cookie.ts';
import { requestMeta } from './request-meta.ts';

/** The signed-in user's own account: read it, or erase it (GDPR). */
export function accountRoutes(app: ServiceApp, ctx: IdentityContext): void {
  app.get(
    '/api/auth/me',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: [{ bearer: [] }],
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const caller = request.user!;
      return { user: await getCurrentUser(ctx, caller.id) };
    },
  );

  app.delete(
    '/api/auth/me',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['auth'],
        summary: 'Delete (anonymise) the account; confirm with the password',
        security: [{ bearer: [] }],
        body: deleteAccountBodySchema,
        response: { 204: z.null() },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const caller = request.user!;
      await deleteAccount(ctx, caller.id, request.body.password, requestMeta(request));
      clearRefreshCookie(reply, ctx.settings);
      return reply.status(204).send(null);
    },
  );
}
