import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_COOKIE } from '@tourconnect/contracts/http';
import type { IdentitySettings } from '../config.ts';

// Path-scoped to /api/auth so the cookie never rides along on other API calls; Strict so a
// cross-site page can never make the browser send it.
const cookieOptions = (settings: IdentitySettings) =>
  ({ httpOnly: true, sameSite: 'strict', path: '/api/auth', secure: settings.COOKIE_SECURE }) as const;

export function setRefreshCookie(reply: FastifyReply, token: string, settings: IdentitySettings): void {
  reply.setCookie(REFRESH_COOKIE, token, { ...cookieOptions(settings), maxAge: settings.REFRESH_TOKEN_TTL_SECONDS });
  // Session bodies carry a bearer token: never let a cache keep them.
  reply.header('cache-control', 'no-store');
}

export function clearRefreshCookie(reply: FastifyReply, settings: IdentitySettings): void {
  reply.clearCookie(REFRESH_COOKIE, cookieOptions(settings));
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE];
  return value ? value : undefined;
}
