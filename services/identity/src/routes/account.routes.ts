import { z } from 'zod';
import {
  changeEmailBodySchema,
  changePasswordBodySchema,
  deleteAccountBodySchema,
  linkSentSchema,
  meSchema,
  updateProfileBodySchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import { changeEmail } from '../domain/change-email.ts';
import { changePassword } from '../domain/change-password.ts';
import { deleteAccount } from '../domain/delete-account.ts';
import { getCurrentUser } from '../domain/get-current-user.ts';
import type { IdentityContext } from '../domain/context.ts';
import { updateProfile } from '../domain/update-profile.ts';
import { perMinute } from './auth.routes.ts';
import { clearRefreshCookie, readRefreshCookie } from './refresh-cookie.ts';
import { requestMeta } from './request-meta.ts';

/** The signed-in user's own account: read it, change its settings, or erase it (GDPR). */
export function accountRoutes(app: ServiceApp, ctx: IdentityContext): void {
  const bearer = [{ bearer: [] }];

  app.get(
    '/api/auth/me',
    {
      preHandler: app.requireUser(),
      schema: { tags: ['auth'], summary: 'The signed-in user', security: bearer, response: { 200: meSchema } },
    },
    async (request) => {
      const caller = request.user!;
      return { user: await getCurrentUser(ctx, caller.id) };
    },
  );

  app.patch(
    '/api/auth/me',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['auth'],
        summary: 'Change the display name or preferred language',
        security: bearer,
        body: updateProfileBodySchema,
        response: { 200: meSchema },
      },
      config: perMinute(30),
    },
    async (request) => {
      const caller = request.user!;
      return { user: await updateProfile(ctx, caller.id, request.body, requestMeta(request)) };
    },
  );

  app.post(
    '/api/auth/me/email',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['auth'],
        summary: 'Ask to change the e-mail address; it changes once the link sent there is followed',
        security: bearer,
        body: changeEmailBodySchema,
        response: { 202: linkSentSchema },
      },
      config: perMinute(10),
    },
    async (request, reply) => {
      const caller = request.user!;
      return reply.status(202).send(await changeEmail(ctx, caller.id, request.body, requestMeta(request)));
    },
  );

  app.post(
    '/api/auth/me/password',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['auth'],
        summary: 'Change the password; every other session ends',
        security: bearer,
        body: changePasswordBodySchema,
        response: { 204: z.null() },
      },
      config: perMinute(10),
    },
    async (request, reply) => {
      const caller = request.user!;
      await changePassword(ctx, caller.id, request.body, readRefreshCookie(request), requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/auth/me',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['auth'],
        summary: 'Delete (anonymise) the account; confirm with the password',
        security: bearer,
        body: deleteAccountBodySchema,
        response: { 204: z.null() },
      },
      config: perMinute(10),
    },
    async (request, reply) => {
      const caller = request.user!;
      await deleteAccount(ctx, caller.id, request.body.password, requestMeta(request));
      clearRefreshCookie(reply, ctx.settings);
      return reply.status(204).send(null);
    },
  );
}
