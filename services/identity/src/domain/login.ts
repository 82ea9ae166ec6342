import { findUserByEmail, updatePasswordHash, withRoles } from '../db/users.repository.ts';
import { recordWrongPassword } from './failed-passwords.ts';
import { invalidCredentials } from './identity-errors.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { assertNotThrottled, forgiveFailures, throttleKeys } from './login-throttle.ts';
import { issueSession, type IssuedSession } from './sessions.ts';

/**
 * Signs in with e-mail and password. Unknown e-mail, deleted account and wrong password give
 * the same 401 after the same Argon2 work; a waiting pair, a locked address or a locked
 * account gets 429 before any work. Unverified accounts sign in too (their token says
 * `email_verified: false`).
 */
export async function login(
  ctx: IdentityContext,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<IssuedSession> {
  const keys = throttleKeys(input.email, meta.ip);
  await assertNotThrottled(ctx.db, keys);
  const user = await findUserByEmail(ctx.db, input.email);
  const passwordHash = user?.status === 'active' ? user.passwordHash : null;
  const valid = passwordHash
    ? await ctx.passwords.verify(passwordHash, input.password)
    : await ctx.passwords.burnVerification(input.password);
  if (!user || !passwordHash || !valid) {
    await recordWrongPassword(ctx, keys, input.email, meta);
    throw invalidCredentials();
  }
  if (ctx.passwords.needsRehash(passwordHash))
    await updatePasswordHash(ctx.db, user.id, await ctx.passwords.hash(input.password));
  return ctx.db.transaction(async (tx) => {
    await forgiveFailures(tx, keys);
    return issueSession(ctx, tx, await withRoles(tx, user));
  });
}
