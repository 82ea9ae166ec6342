import type { FastifyRequest } from 'fastify';
import {
  bearerToken,
  unauthorized,
  verifyAccessToken,
  type AuthOptions,
  type ServiceApp,
} from '@tourconnect/service-kit';
import type { LiveFeed } from './realtime.ts';

/**
 * Users erased since the gateway started, each remembered until every access token issued
 * before the erasure has expired (`ttlSeconds`, identity's ACCESS_TOKEN_TTL_SECONDS). Access
 * tokens are checked locally by every service, so without this an erased user's unexpired
 * token kept acting for up to its lifetime (issue 10, #4).
 */
export interface RevokedSubjects {
  revoke(userId: string): void;
  isRevoked(userId: string): boolean;
  size(): number;
  /** Called with each newly revoked user (the live feed closes their sockets). */
  onRevoke(listener: (userId: string) => void): void;
}

export function createRevokedSubjects(ttlSeconds: number, now: () => number = Date.now): RevokedSubjects {
  const until = new Map<string, number>();
  const listeners: Array<(userId: string) => void> = [];
  const forgetExpired = () => {
    const t = now();
    for (const [id, expiry] of until) if (expiry <= t) until.delete(id);
  };
  return {
    revoke(userId) {
      // Erasures are rare: sweeping here keeps the map as small as the set of live revocations.
      forgetExpired();
      until.set(userId, now() + ttlSeconds * 1000);
      for (const listener of listeners) listener(userId);
    },
    isRevoked(userId) {
      const expiry = until.get(userId);
      if (expiry === undefined) return false;
      if (expiry > now()) return true;
      until.delete(userId);
      return false;
    },
    size: () => until.size,
    onRevoke: (listener) => void listeners.push(listener),
  };
}

export const USER_DELETED = 'identity.user.deleted.v1';

/**
 * Fills the deny-list from the live feed (every replica hears every erasure) and refuses any
 * /api/* request whose bearer token is valid and names an erased user: 401 `token_revoked`
 * (/ws checks the list itself, after verifying its token). The signature is verified before
 * the `sub` is believed; a token that does not verify is left for the service to refuse, as
 * before. While nobody is revoked, requests pay nothing; otherwise only tokens whose
 * unverified `sub` is on the list are verified here.
 */
export function installRevocationGuard(
  app: ServiceApp,
  options: { feed: LiveFeed; auth: AuthOptions; ttlSeconds: number },
): RevokedSubjects {
  const revoked = createRevokedSubjects(options.ttlSeconds);
  const tap = options.feed.tap(USER_DELETED, (event) => {
    const userId = (event.payload as { userId?: unknown } | undefined)?.userId;
    if (typeof userId === 'string' && userId) revoked.revoke(userId);
  });
  app.addHook('onClose', async () => tap.stop());
  app.addHook('onRequest', async (request) => {
    if (revoked.size() === 0) return;
    const token = apiBearerToken(request);
    const claimed = token ? unverifiedSubject(token) : undefined;
    if (!token || !claimed || !revoked.isRevoked(claimed)) return;
    const user = await verifyAccessToken(token, options.auth).catch(() => undefined);
    if (user && revoked.isRevoked(user.id)) {
      throw tokenRevoked();
    }
  });
  return revoked;
}

function apiBearerToken(request: FastifyRequest): string | undefined {
  if (!request.url.startsWith('/api/')) return undefined;
  try {
    return bearerToken(request);
  } catch {
    return undefined; // a malformed Authorization header is the service's to refuse
  }
}

export const tokenRevoked = () =>
  unauthorized('token_revoked', 'This account has been deleted; its sessions have ended');

/** The `sub` claim read without verifying anything: only a hint of whether verification is worth it. */
function unverifiedSubject(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}
