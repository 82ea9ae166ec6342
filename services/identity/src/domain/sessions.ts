import { randomUUID } from 'node:crypto';
import type { Session } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { insertRefreshToken } from '../db/refresh-tokens.repository.ts';
import type { UserWithRoles } from '../db/users.repository.ts';
import { signAccessToken } from './access-tokens.ts';
import type { IdentityContext } from './context.ts';
import { digestSecret, newOpaqueSecret } from './opaque-secrets.ts';
import { toUserView } from './user-view.ts';

/** The Session body plus the refresh token the route puts in the httpOnly cookie. */
export interface IssuedSession {
  session: Session;
  refreshToken: string;
}

/**
 * Issues an access token and the next refresh token of `familyId` (a new family for a new
 * sign-in). Runs in the caller's transaction, so the token exists only if the change commits.
 */
export async function issueSession(
  ctx: IdentityContext,
  tx: Tx,
  user: UserWithRoles,
  familyId: string = randomUUID(),
): Promise<IssuedSession> {
  const { settings } = ctx;
  const refreshToken = newOpaqueSecret();
  const now = Date.now();
  await insertRefreshToken(tx, {
    id: randomUUID(),
    familyId,
    userId: user.id,
    tokenHash: digestSecret(refreshToken),
    createdAt: new Date(now),
    expiresAt: new Date(now + settings.REFRESH_TOKEN_TTL_SECONDS * 1000),
  });
  const accessToken = await signAccessToken(
    ctx.keys,
    { issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE, ttlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS },
    user,
  );
  return {
    session: { user: toUserView(user), accessToken, expiresIn: settings.ACCESS_TOKEN_TTL_SECONDS },
    refreshToken,
  };
}
