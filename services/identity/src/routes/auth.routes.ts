import { z } from 'zod';
import { linkSentSchema, loginBodySchema, registerBodySchema, sessionSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { IdentityContext } from '../domain/context.ts';
import { login } from '../domain/login.ts';
import { logout } from '../domain/logout.ts';
import { refreshSession } from '../domain/refresh-session.ts';
import { registerUser } from '../domain/register-user.ts';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.ts';
import { requestMeta } from './request-meta.ts';

export const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** Sign-up, sign-in, refresh and sign-out. Sessions travel as a body plus an httpOnly cookie. */
export function authRoutes(app: ServiceApp, ctx: IdentityContext): void {
  app.post(
    '/api/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a traveller account; a verification link goes to the address',
        description:
          'Answers 202 {email} whether or not the address already has an account (whose owner is told by ' +
          'e-mail instead), so sign-up does not reveal accounts. No session: sign in next.',
        body: registerBodySchema,
        response: { 202: linkSentSchema },
      },
      config: perMinute(20),
    },
    async (request, reply) => {
      return reply.status(202).send(await registerUser(ctx, request.body, requestMeta(request)));
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: loginBodySchema,
        response: { 200: sessionSchema },
      },
      // A coarse per-address limit in front of the per-account throttle kept in PostgreSQL.
      config: perMinute(30),
    },
    async (request, reply) => {
      const issued = await login(ctx, request.body, requestMeta(request));
      setRefreshCookie(reply, issued.refreshToken, ctx.settings);
      return issued.session;
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Rotate the refresh cookie and get a new access token',
        description:
          'The portal probes for a session with this on every page load: without a refresh cookie (a visitor ' +
          'who is not signed in) it answers 204 with no body, which is not an error. A cookie that is unknown, ' +
          'spent, expired or revoked is 401 refresh_token_invalid (refresh_token_reused for a replayed one).',
        response: { 200: sessionSchema, 204: z.null() },
      },
      config: perMinute(60),
    },
    async (request, reply) => {
      const token = readRefreshCookie(request);
      if (!token) return reply.header('cache-control', 'no-store').status(204).send(null);
      const issued = await refreshSession(ctx, token, requestMeta(request));
      setRefreshCookie(reply, issued.refreshToken, ctx.settings);
      return issued.session;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'End this session (its refresh-token family)', response: { 204: z.null() } },
      config: perMinute(60),
    },
    async (request, reply) => {
      await logout(ctx, readRefreshCookie(request));
      clearRefreshCookie(reply, ctx.settings);
      return reply.status(204).send(null);
    },
  );
}
