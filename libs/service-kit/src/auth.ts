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
  return (await verifiedToken(token, options)).user;
}

/** The user of a valid token and when the token expires (epoch ms). */
async function verifiedToken(token: string, options: AuthOptions): Promise<{ user: AuthUser; expiresAt: number }> {
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
    return {
      user: { id: sub, email, roles, emailVerified: claims.data.email_verified === true },
      expiresAt: Number(payload.exp) * 1000,
    };
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

/** A verified token is remembered at most this long (and never past its own expiry). */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKENS_MAX = 5_000;

/**
 * Tokens this process verified lately, so a client's every request does not check the same
 * signature again (an Ed25519 verification was ~3 % of a booking's CPU). Kept until the token
 * expires and at most VERIFIED_TOKEN_TTL_MS, which is also how long a key identity has withdrawn
 * from its JWKS can still be honoured for a token verified with it just before; the least
 * recently used go first past VERIFIED_TOKENS_MAX. Only successes are kept: a bad token is
 * checked (and refused) every time.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { user: AuthUser; until: number }>();

  constructor(
    private readonly options: AuthOptions,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = VERIFIED_TOKEN_TTL_MS,
    private readonly max = VERIFIED_TOKENS_MAX,
  ) {}

  async verify(token: string): Promise<AuthUser> {
    const at = this.now();
    const hit = this.entries.get(token);
    if (hit && at < hit.until) {
      this.entries.delete(token);
      this.entries.set(token, hit);
      return { ...hit.user, roles: [...hit.user.roles] };
    }
    if (hit) this.entries.delete(token);
    const { user, expiresAt } = await verifiedToken(token, this.options);
    this.entries.set(token, { user, until: Math.min(expiresAt, at + this.ttlMs) });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return { ...user, roles: [...user.roles] };
  }
}

export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  const verified = new VerifiedTokens(options);
  app.decorateRequest('user', undefined);
  app.decorate('requireUser', (...roles: Role[]): preHandlerAsyncHookHandler => {
    return async (request) => {
      const token = bearerToken(request);
      if (!token) throw unauthorized();
      request.user = await verified.verify(token);
      if (roles.length > 0 && !roles.some((r) => request.user?.roles.includes(r))) {
        throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
      }
    };
  });
  app.decorate('optionalUser', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (token) request.user = await verified.verify(token);
  });
}
