import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { accessTokenClaimsSchema, type Role } from '@tourconnect/contracts/http';
import { AppError, forbidden, unauthorized } from './errors.ts';

export interface AuthUser {
  id: string;
  email: string;
  roles: Role[];
  /** The address was proven by a link sent to it (the token's `email_verified` claim). */
  emailVerified: boolean;
}

export interface AuthOptions {
  /** Key resolver: identity's JWKS over HTTP (`remoteJwks`), or identity's own key set. */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
  interface FastifyInstance {
    /** preHandler: a valid access token is required; with roles, one of them too. */
    requireUser: (...roles: Role[]) => preHandlerAsyncHookHandler;
    /** preHandler: reads the token when present, refuses a bad one, allows none. */
    optionalUser: preHandlerAsyncHookHandler;
  }
}

export function remoteJwks(url: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), {
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
    timeoutDuration: 3_000,
  });
}

/** Asymmetric algorithms only: `alg: none` and HMAC tokens are never accepted. */
export const ACCEPTED_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'];

export async function verifyAccessToken(token: string, options: AuthOptions): Promise<AuthUser> {
  try {
    const { payload } = await jwtVerify(token, options.keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ACCEPTED_ALGORITHMS,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthorized('token_invalid', 'The access token is not valid');
    const { sub, email, roles } = claims.data;
    return { id: sub, email, roles, emailVerified: claims.data.email_verified === true };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw unauthorized('token_expired', 'The access token has expired');
    if (error instanceof joseErrors.JWKSTimeout || (error instanceof TypeError && /fetch/i.test(error.message))) {
      throw new AppError(503, 'service_unavailable', 'Sign-in keys are unavailable right now');
    }
    throw unauthorized('token_invalid', 'The access token is not valid');
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('token_invalid', 'Use an Authorization: Bearer token');
  return match[1];
}

export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  app.decorateRequest('user', undefined);
  app.decorate('requireUser', (...roles: Role[]): preHandlerAsyncHookHandler => {
    return async (request) => {
      const token = bearerToken(request);
      if (!token) throw unauthorized();
      request.user = await verifyAccessToken(token, options);
      if (roles.length > 0 && !roles.some((r) => request.user?.roles.includes(r))) {
        throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
      }
    };
  });
  app.decorate('optionalUser', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (token) request.user = await verifyAccessToken(token, options);
  });
}
