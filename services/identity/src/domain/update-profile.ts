import type { Locale, User } from '@tourconnect/contracts/http';
import { findUserById, updateProfile as storeProfile, withRoles } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { accountGone } from './identity-errors.ts';
import { toUserView } from './user-view.ts';

export interface ProfilePatch {
  displayName?: string | undefined;
  locale?: Locale | undefined;
}

/**
 * The caller's display name and preferred language. A real change is announced by
 * identity.user.profile_updated.v1 (e-mails follow the name and language; the portal's open
 * tabs refresh) and audited; the same values again change nothing. The next access token
 * carries the new `locale`.
 */
export async function updateProfile(
  ctx: IdentityContext,
  callerId: string,
  patch: ProfilePatch,
  meta: RequestMeta,
): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, callerId, { forUpdate: true });
    if (!user || user.status !== 'active') throw accountGone();
    const changes = {
      ...(patch.displayName !== undefined && patch.displayName !== user.displayName
        ? { displayName: patch.displayName }
        : {}),
      ...(patch.locale !== undefined && patch.locale !== user.locale ? { locale: patch.locale } : {}),
    };
    if (Object.keys(changes).length === 0) return toUserView(await withRoles(tx, user));
    const updated = (await storeProfile(tx, callerId, changes))!;
    await ctx.publish(
      tx,
      'identity.user.profile_updated.v1',
      { userId: callerId, displayName: updated.displayName, locale: updated.locale },
      { audience: [callerId], correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: callerId,
      actorId: callerId,
      actorRole: 'self',
      // Which fields, not the name itself: the log outlives an erasure.
      data: { fields: Object.keys(changes), locale: updated.locale },
      correlationId: meta.correlationId ?? null,
    });
    return toUserView(await withRoles(tx, updated));
  });
}
