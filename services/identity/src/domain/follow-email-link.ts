import type { VerifyEmailResult } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { discardOpenTokens, markAccountTokenUsed, type AccountTokenRow } from '../db/account-tokens.repository.ts';
import { findUserById, markEmailVerified, updateEmail, type UserRow } from '../db/users.repository.ts';
import { openLink } from './account-links.ts';
import { audit } from './audit.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { emailTaken, linkInvalid } from './identity-errors.ts';

/**
 * POST /api/auth/verify-email: the link of a verification e-mail proves the account's address;
 * the link of an e-mail change moves the account to the new address (proven by the same act).
 * Both reach the portal's one /verify-email page, so one endpoint takes both. Each link works
 * once; a refusal changes nothing.
 */
export async function followEmailLink(
  ctx: IdentityContext,
  token: string,
  meta: RequestMeta,
): Promise<VerifyEmailResult> {
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const link = await openLink(tx, token, ['verify_email', 'change_email'], now);
    const user = await findUserById(tx, link.userId, { forUpdate: true });
    if (!user || user.status !== 'active') throw linkInvalid();
    await markAccountTokenUsed(tx, link.id, now);
    return link.purpose === 'verify_email'
      ? verifyAddress(tx, user, link, now, meta)
      : moveToAddress(ctx, tx, user, link, now, meta);
  });
}

async function verifyAddress(
  tx: Tx,
  user: UserRow,
  link: AccountTokenRow,
  now: Date,
  meta: RequestMeta,
): Promise<VerifyEmailResult> {
  // The account has moved to another address since this link was sent: it proves nothing now.
  if (link.email !== user.email) throw linkInvalid();
  await discardOpenTokens(tx, user.id, ['verify_email']);
  if (await markEmailVerified(tx, user.id, now)) {
    await audit(tx, {
      action: 'user.email_verified',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorRole: 'self',
      data: { cause: 'verification_link' },
      correlationId: meta.correlationId ?? null,
      occurredAt: now,
    });
  }
  return { outcome: 'email_verified', email: user.email };
}

async function moveToAddress(
  ctx: IdentityContext,
  tx: Tx,
  user: UserRow,
  link: AccountTokenRow,
  now: Date,
  meta: RequestMeta,
): Promise<VerifyEmailResult> {
  // Someone took the address while the link travelled; the unique index decides.
  const moved = await updateEmail(tx, user.id, link.email, now);
  if (!moved.ok) throw emailTaken();
  // Links sent to the old address (a password reset among them) must not outlive the move.
  await discardOpenTokens(tx, user.id, ['verify_email', 'change_email', 'reset_password']);
  await ctx.publish(
    tx,
    'identity.user.email_changed.v1',
    { userId: user.id, email: link.email, previousEmail: user.email },
    { audience: [user.id], correlationId: meta.correlationId },
  );
  await audit(tx, {
    action: 'user.email_changed',
    entityType: 'user',
    entityId: user.id,
    actorId: user.id,
    actorRole: 'self',
    data: { cause: 'change_link' },
    correlationId: meta.correlationId ?? null,
    occurredAt: now,
  });
  return { outcome: 'email_changed', email: link.email };
}
