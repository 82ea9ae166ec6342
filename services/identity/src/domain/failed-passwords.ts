import { timestampFromDate } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { findUserByEmail, type UserRow } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { invalidCredentials } from './identity-errors.ts';
import {
  assertNotThrottled,
  recordThrottledFailure,
  throttleKeys,
  throttlePolicy,
  type ThrottleKeys,
} from './login-throttle.ts';

/**
 * Counts a wrong password (sign-in, or the confirmation of a sensitive change). The failure
 * that locks the account for everyone also tells its owner, once per lock, by
 * identity.user.locked.v1: nobody is locked out without knowing why and how to get back in.
 */
export async function recordWrongPassword(
  ctx: IdentityContext,
  keys: ThrottleKeys,
  email: string,
  meta: RequestMeta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { accountLockedUntil } = await recordThrottledFailure(tx, keys, throttlePolicy(ctx.settings));
    if (accountLockedUntil) await announceLock(ctx, tx, email, accountLockedUntil, meta);
  });
}

/** The caller's password, before a change that needs it; wrong ones count like failed sign-ins. */
export async function confirmPassword(
  ctx: IdentityContext,
  user: UserRow,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const keys = throttleKeys(user.email, meta.ip);
  await assertNotThrottled(ctx.db, keys);
  if (user.passwordHash && (await ctx.passwords.verify(user.passwordHash, password))) return;
  await recordWrongPassword(ctx, keys, user.email, meta);
  throw invalidCredentials();
}

async function announceLock(
  ctx: IdentityContext,
  tx: Tx,
  email: string,
  lockedUntil: Date,
  meta: RequestMeta,
): Promise<void> {
  // Unknown e-mails are locked the same way (the answer must not tell), but nobody is told.
  const user = await findUserByEmail(tx, email);
  if (!user || user.status !== 'active') return;
  // No audience: the gateway would push the event to the open tabs of whoever holds a session.
  await ctx.publish(
    tx,
    'identity.user.locked.v1',
    {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      lockedUntil: timestampFromDate(lockedUntil),
    },
    { correlationId: meta.correlationId },
  );
  await audit(tx, {
    action: 'user.locked',
    entityType: 'user',
    entityId: user.id,
    actorRole: 'system',
    data: { failures: ctx.settings.LOGIN_ACCOUNT_MAX_FAILURES, lockedUntil: lockedUntil.toISOString() },
    correlationId: meta.correlationId ?? null,
  });
}
