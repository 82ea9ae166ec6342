import type { Tx } from '@tourconnect/db';
import {
  findRefreshTokenForUpdate,
  markRefreshTokenUsed,
  revokeFamily,
  type RefreshTokenRow,
} from '../db/refresh-tokens.repository.ts';
import { findUserById, withRoles } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import { refreshTokenInvalid, refreshTokenReused } from './identity-errors.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { digestSecret } from './opaque-secrets.ts';
import { issueSession, type IssuedSession } from './sessions.ts';

type Outcome = { kind: 'rotated'; issued: IssuedSession } | { kind: 'reused' } | { kind: 'invalid' };

/**
 * Rotates a refresh token: the presented one is spent and the next one of the same family is
 * issued. Presenting a spent token means two holders (one of them a thief): the whole family
 * is revoked, so the newest token dies too, and the reuse is audited. The revocation must
 * commit, so the outcome is decided inside the transaction and thrown only after it.
 */
export async function refreshSession(
  ctx: IdentityContext,
  token: string | undefined,
  meta: RequestMeta,
): Promise<IssuedSession> {
  if (!token) throw refreshTokenInvalid();
  const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const row = await findRefreshTokenForUpdate(tx, digestSecret(token));
    if (!row || row.revokedAt) return { kind: 'invalid' };
    const now = new Date();
    if (row.usedAt) {
      await revokeOnReuse(tx, row, now, meta);
      return { kind: 'reused' };
    }
    if (row.expiresAt <= now) return { kind: 'invalid' };
    const user = await findUserById(tx, row.userId);
    if (!user || user.status !== 'active') return { kind: 'invalid' };
    await markRefreshTokenUsed(tx, row.id, now);
    return { kind: 'rotated', issued: await issueSession(ctx, tx, await withRoles(tx, user), row.familyId) };
  });
  if (outcome.kind === 'reused') throw refreshTokenReused();
  if (outcome.kind === 'invalid') throw refreshTokenInvalid();
  return outcome.issued;
}

async function revokeOnReuse(tx: Tx, row: RefreshTokenRow, now: Date, meta: RequestMeta): Promise<void> {
  const revoked = await revokeFamily(tx, row.familyId, now);
  await audit(tx, {
    action: 'refresh_token.reuse_detected',
    entityType: 'session_family',
    entityId: row.familyId,
    actorId: row.userId,
    actorRole: 'system',
    data: { userId: row.userId, reusedTokenId: row.id, revokedTokens: revoked },
    correlationId: meta.correlationId ?? null,
  });
}
