import { timestampFromDate } from '@tourconnect/contracts';
import { revokeAllForUser } from '../db/refresh-tokens.repository.ts';
import { anonymiseUser, findUserById } from '../db/users.repository.ts';
import { clearKeys } from '../db/login-throttle.repository.ts';
import { audit } from './audit.ts';
import { accountGone, invalidCredentials } from './identity-errors.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { assertNotThrottled, emailThrottleKey, recordThrottledFailure, throttleKeys } from './login-throttle.ts';

/**
 * GDPR erasure, confirmed with the password: the row becomes an anonymous tombstone (other
 * services keep ids that must stay resolvable), every session ends, and
 * identity.user.deleted.v1 tells the other services to erase their copies. Wrong passwords
 * count towards the sign-in throttle, so a stolen access token cannot be used to guess it.
 */
export async function deleteAccount(
  ctx: IdentityContext,
  callerId: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserById(ctx.db, callerId);
  if (!user || user.status !== 'active') throw accountGone();
  const keys = throttleKeys(user.email, meta.ip);
  await assertNotThrottled(ctx.db, keys);
  if (!user.passwordHash || !(await ctx.passwords.verify(user.passwordHash, password))) {
    await recordThrottledFailure(ctx.db, keys, {
      maxFailures: ctx.settings.LOGIN_MAX_FAILURES,
      lockSeconds: ctx.settings.LOGIN_LOCK_SECONDS,
    });
    throw invalidCredentials();
  }
  await ctx.db.transaction(async (tx) => {
    const current = await findUserById(tx, callerId, { forUpdate: true });
    if (!current || current.status !== 'active') return; // a concurrent request already did it
    const deletedAt = new Date();
    await anonymiseUser(tx, callerId, deletedAt);
    const sessionsRevoked = await revokeAllForUser(tx, callerId, deletedAt);
    await clearKeys(tx, 'email', [emailThrottleKey(current.email).keyHash]);
    await ctx.publish(
      tx,
      'identity.user.deleted.v1',
      { userId: callerId, anonymised: true, deletedAt: timestampFromDate(deletedAt) },
      { audience: [callerId], correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'user.deleted',
      entityType: 'user',
      entityId: callerId,
      actorId: callerId,
      actorRole: 'self',
      data: { anonymised: true, sessionsRevoked },
      correlationId: meta.correlationId ?? null,
      occurredAt: deletedAt,
    });
  });
}
