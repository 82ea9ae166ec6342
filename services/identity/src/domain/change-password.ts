import { discardOpenTokens } from '../db/account-tokens.repository.ts';
import {
  findRefreshTokenForUpdate,
  revokeAllForUser,
  revokeAllForUserExcept,
} from '../db/refresh-tokens.repository.ts';
import { findUserById, updatePasswordHash } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { confirmPassword } from './failed-passwords.ts';
import { accountGone } from './identity-errors.ts';
import { digestSecret } from './opaque-secrets.ts';

/**
 * A new password, confirmed with the current one. Every other session ends; the one making the
 * change (the refresh cookie's family, when it is the caller's) goes on. Open reset links die.
 */
export async function changePassword(
  ctx: IdentityContext,
  callerId: string,
  input: { currentPassword: string; newPassword: string },
  refreshToken: string | undefined,
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserById(ctx.db, callerId);
  if (!user || user.status !== 'active') throw accountGone();
  await confirmPassword(ctx, user, input.currentPassword, meta);
  const passwordHash = await ctx.passwords.hash(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    await updatePasswordHash(tx, callerId, passwordHash);
    const current = refreshToken ? await findRefreshTokenForUpdate(tx, digestSecret(refreshToken)) : undefined;
    const keep = current && current.userId === callerId && !current.revokedAt ? current.familyId : undefined;
    const sessionsRevoked = keep
      ? await revokeAllForUserExcept(tx, callerId, keep, now)
      : await revokeAllForUser(tx, callerId, now);
    await discardOpenTokens(tx, callerId, ['reset_password']);
    await audit(tx, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: callerId,
      actorId: callerId,
      actorRole: 'self',
      data: { sessionsRevoked, currentSessionKept: keep !== undefined },
      correlationId: meta.correlationId ?? null,
      occurredAt: now,
    });
  });
}
