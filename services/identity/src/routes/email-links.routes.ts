import { z } from 'zod';
import {
  forgotPasswordBodySchema,
  linkSentSchema,
  resetPasswordBodySchema,
  verifyEmailBodySchema,
  verifyEmailResultSchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { IdentityContext } from '../domain/context.ts';
import { resendVerification } from '../domain/email-verification.ts';
import { followEmailLink } from '../domain/follow-email-link.ts';
import { requestPasswordReset, resetPassword } from '../domain/password-reset.ts';
import { perMinute } from './auth.routes.ts';
import { clearRefreshCookie } from './refresh-cookie.ts';
import { requestMeta } from './request-meta.ts';

/**
 * The e-mailed links: verify an address (or confirm a new one), ask for another verification
 * link, forgot and reset the password. The link pages of the portal post the token they read
 * from the URL fragment; a link works without a session (it may be opened on another device).
 */
export function emailLinkRoutes(app: ServiceApp, ctx: IdentityContext): void {
  app.post(
    '/api/auth/verify-email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Follow a verification or e-mail change link',
        body: verifyEmailBodySchema,
        response: { 200: verifyEmailResultSchema },
      },
      config: perMinute(30),
    },
    async (request) => followEmailLink(ctx, request.body.token, requestMeta(request)),
  );

  app.post(
    '/api/auth/verify-email/resend',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['auth'],
        summary: 'Send a new verification link to the signed-in user',
        security: [{ bearer: [] }],
        response: { 202: linkSentSchema },
      },
      config: perMinute(5),
    },
    async (request, reply) => {
      const caller = request.user!;
      return reply.status(202).send(await resendVerification(ctx, caller.id, requestMeta(request)));
    },
  );

  app.post(
    '/api/auth/password/forgot',
    {
      schema: {
        tags: ['auth'],
        summary: 'Send a password reset link, if the address has an account',
        description: 'Answers 202 {email} whether or not the address has an account.',
        body: forgotPasswordBodySchema,
        response: { 202: linkSentSchema },
      },
      config: perMinute(10),
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, requestMeta(request));
      return reply.status(202).send({ email: request.body.email });
    },
  );

  app.post(
    '/api/auth/password/reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link; every session ends',
        body: resetPasswordBodySchema,
        response: { 204: z.null() },
      },
      config: perMinute(10),
    },
    async (request, reply) => {
      await resetPassword(ctx, request.body.token, request.body.password, requestMeta(request));
      // This browser's session ended with all the others.
      clearRefreshCookie(reply, ctx.settings);
      return reply.status(204).send(null);
    },
  );
}
