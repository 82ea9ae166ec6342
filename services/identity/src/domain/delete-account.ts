import { timestampFromDate } from '@tourconnect/contracts';
import { deleteNoticesOfUser } from '../db/account-notices.repository.ts';
import { deleteTokensOfUser } from '../db/account-tokens.repository.ts';
import { revokeAllForUser } from '../db/refresh-tokens.repository.ts';
import { anonymiseUser, findUserById } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import { confirmPassword } from './failed-passwords.ts';
import { accountGone } from './identity-errors.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { forgiveFailures, throttleKeys } from './login-throttle.ts';
import { refuseLivePartnerOwner } from './partner-ownership.ts';

/**
 * GDPR erasure, confirmed with the password: the row becomes an anonymous tombstone (other
 * services keep ids that must stay resolvable), every session ends, and
 * identity.user.deleted.v1 tells the other services to erase their copies. Wrong passwords
 * count towards the sign-in throttle, so a stolen access token cannot be used to guess it.
 * The owner of a live partner is refused (409 partner_owner_account) until they hand the
 * partner to another member or delete it.
 */
export async function deleteAccount(
  ctx: IdentityContext,
  callerId: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserById(ctx.db, callerId);
  if (!user || user.status !== 'active') throw accountGone();
  // Before the password: an owner is told what to do first, and no attempt is counted.
  await refuseLivePartnerOwner(ctx.db, callerId);
  await confirmPassword(ctx, user, password, meta);
  await ctx.db.transaction(async (tx) => {
    const current = await findUserById(tx, callerId, { forUpdate: true });
    if (!current || current.status !== 'active') return; // a concurrent request already did it
    await refuseLivePartnerOwner(tx, callerId);
    const deletedAt = new Date();
    await anonymiseUser(tx, callerId, deletedAt);
    const sessionsRevoked = await revokeAllForUser(tx, callerId, deletedAt);
    // The links' addresses and the e-mail cooldowns are personal data too.
    await deleteTokensOfUser(tx, callerId);
    await deleteNoticesOfUser(tx, callerId);
    await forgiveFailures(tx, throttleKeys(current.email, meta.ip));
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
