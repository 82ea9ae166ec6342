import { timestampFromDate } from '@tourconnect/contracts';
import { discardOpenTokens, findAccountToken, markAccountTokenUsed } from '../db/account-tokens.repository.ts';
import { revokeAllForUser } from '../db/refresh-tokens.repository.ts';
import { findUserByEmail, findUserById, markEmailVerified, updatePasswordHash } from '../db/users.repository.ts';
import { assertUsable, issueLink, linkState, mayEmail, openLink } from './account-links.ts';
import { audit } from './audit.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { linkInvalid } from './identity-errors.ts';
import { forgiveFailures, throttleKeys } from './login-throttle.ts';
import { digestSecret } from './opaque-secrets.ts';

/**
 * "Forgot password": a reset link (PASSWORD_RESET_TTL_SECONDS, single use) for an active
 * account, by identity.password_reset.requested.v1. The caller gets the same answer whether or
 * not the address has an account, and nothing is published for one that has not; a second
 * request within EMAIL_COOLDOWN_SECONDS sends nothing either, so a mailbox cannot be flooded.
 */
export async function requestPasswordReset(ctx: IdentityContext, email: string, meta: RequestMeta): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.status !== 'active') return;
  await ctx.db.transaction(async (tx) => {
    if (!(await mayEmail(ctx, tx, user.id, 'password_reset'))) return;
    const link = await issueLink(tx, {
      userId: user.id,
      purpose: 'reset_password',
      email: user.email,
      ttlSeconds: ctx.settings.PASSWORD_RESET_TTL_SECONDS,
    });
    // No audience: a session holder must never see the secret that takes over the account.
    await ctx.publish(
      tx,
      'identity.password_reset.requested.v1',
      {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        locale: user.locale,
        token: link.token,
        expiresAt: timestampFromDate(link.expiresAt),
      },
      { correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'user.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      actorRole: 'anonymous',
      data: { expiresAt: link.expiresAt.toISOString() },
      correlationId: meta.correlationId ?? null,
    });
  });
}

/**
 * Sets a new password with a reset link: the link is spent, every session of the account ends
 * (whoever knew the old password is out), and the account's sign-in failures are forgiven (a
 * locked owner gets back in this way). Following the link also proves the address.
 */
export async function resetPassword(
  ctx: IdentityContext,
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  // Argon2 only for a link that can be used: made-up tokens must not buy expensive work.
  assertUsable(linkState(await findAccountToken(ctx.db, digestSecret(token)), ['reset_password'], new Date()));
  const passwordHash = await ctx.passwords.hash(password);
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const link = await openLink(tx, token, ['reset_password'], now);
    const user = await findUserById(tx, link.userId, { forUpdate: true });
    // Erased, or moved to another address since the link was sent.
    if (!user || user.status !== 'active' || link.email !== user.email) throw linkInvalid();
    await markAccountTokenUsed(tx, link.id, now);
    await discardOpenTokens(tx, user.id, ['reset_password']);
    await updatePasswordHash(tx, user.id, passwordHash);
    const sessionsRevoked = await revokeAllForUser(tx, user.id, now);
    const emailVerified = await markEmailVerified(tx, user.id, now);
    await forgiveFailures(tx, throttleKeys(user.email, meta.ip));
    await audit(tx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorRole: 'self',
      data: { sessionsRevoked, emailVerified },
      correlationId: meta.correlationId ?? null,
      occurredAt: now,
    });
  });
}
