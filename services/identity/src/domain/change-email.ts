import { timestampFromDate } from '@tourconnect/contracts';
import type { LinkSent } from '@tourconnect/contracts/http';
import { findUserByEmail, findUserById } from '../db/users.repository.ts';
import { claimEmailOrRefuse, issueLink } from './account-links.ts';
import { audit } from './audit.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { confirmPassword } from './failed-passwords.ts';
import { accountGone, emailUnchanged } from './identity-errors.ts';

/**
 * Asks to move the account to `newEmail`, confirmed with the password. Nothing changes yet:
 * the new address gets a link (identity.email_change.requested.v1; notifications also tells
 * the current address, so a hijacked session cannot move an account silently), and the
 * account moves only when the link is followed (POST /api/auth/verify-email).
 *
 * An address that belongs to another account gets the same answer and no link, so this does
 * not tell which addresses have accounts; the move would be refused anyway.
 */
export async function changeEmail(
  ctx: IdentityContext,
  callerId: string,
  input: { newEmail: string; password: string },
  meta: RequestMeta,
): Promise<LinkSent> {
  const user = await findUserById(ctx.db, callerId);
  if (!user || user.status !== 'active') throw accountGone();
  if (input.newEmail === user.email) throw emailUnchanged();
  await confirmPassword(ctx, user, input.password, meta);
  await ctx.db.transaction(async (tx) => {
    // Both outcomes wait out the same cooldown, so its answer does not tell them apart either.
    await claimEmailOrRefuse(ctx, tx, user.id, 'email_change');
    if (await findUserByEmail(tx, input.newEmail)) return;
    const link = await issueLink(tx, {
      userId: user.id,
      purpose: 'change_email',
      email: input.newEmail,
      ttlSeconds: ctx.settings.EMAIL_VERIFICATION_TTL_SECONDS,
    });
    // No audience: the session that asked must not receive the proof of the new mailbox.
    await ctx.publish(
      tx,
      'identity.email_change.requested.v1',
      {
        userId: user.id,
        newEmail: input.newEmail,
        currentEmail: user.email,
        displayName: user.displayName,
        locale: user.locale,
        token: link.token,
        expiresAt: timestampFromDate(link.expiresAt),
      },
      { correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'user.email_change_requested',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorRole: 'self',
      data: { expiresAt: link.expiresAt.toISOString() },
      correlationId: meta.correlationId ?? null,
    });
  });
  return { email: input.newEmail };
}
