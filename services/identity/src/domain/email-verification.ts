import { timestampFromDate } from '@tourconnect/contracts';
import type { LinkSent } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { findUserById, type UserRow } from '../db/users.repository.ts';
import { claimEmailOrRefuse, issueLink } from './account-links.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { accountGone, emailAlreadyVerified } from './identity-errors.ts';

/**
 * A verification link for the account's address, by identity.email_verification.requested.v1
 * (notifications renders `token` into the e-mail). Called in the transaction that needs it.
 */
export async function sendVerificationLink(
  ctx: IdentityContext,
  tx: Tx,
  user: UserRow,
  meta: RequestMeta,
): Promise<void> {
  const link = await issueLink(tx, {
    userId: user.id,
    purpose: 'verify_email',
    email: user.email,
    ttlSeconds: ctx.settings.EMAIL_VERIFICATION_TTL_SECONDS,
  });
  // No audience, on purpose: the gateway pushes events with an audience to the user's open
  // portal tabs, and whoever holds a session must never see the secret that proves the mailbox.
  await ctx.publish(
    tx,
    'identity.email_verification.requested.v1',
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
}

/**
 * A new verification link on the signed-in user's request. Refused when the address is
 * already verified, and (429 rate_limited) when one went out less than EMAIL_COOLDOWN_SECONDS ago.
 */
export async function resendVerification(ctx: IdentityContext, callerId: string, meta: RequestMeta): Promise<LinkSent> {
  return ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, callerId, { forUpdate: true });
    if (!user || user.status !== 'active') throw accountGone();
    if (user.emailVerifiedAt) throw emailAlreadyVerified();
    await claimEmailOrRefuse(ctx, tx, user.id, 'email_verification');
    await sendVerificationLink(ctx, tx, user, meta);
    return { email: user.email };
  });
}
