import { randomUUID } from 'node:crypto';
import type { LinkSent, Locale, Role } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { findUserByEmail, insertRole, insertUser } from '../db/users.repository.ts';
import { mayEmail } from './account-links.ts';
import { audit } from './audit.ts';
import type { IdentityContext, RequestMeta } from './context.ts';
import { sendVerificationLink } from './email-verification.ts';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
}

const NEW_USER_ROLES: Role[] = ['traveller'];

/** At most one "someone tried to sign up with your address" e-mail per account per hour. */
export const SIGNUP_NOTICE_COOLDOWN_SECONDS = 3600;

/**
 * Sign-up without account enumeration (issue 10, #8): a new address gets a traveller account
 * and a verification link; an address that already has an account gets nothing new, and its
 * owner an e-mail saying someone tried (identity.user.signup_attempted.v1). The caller gets
 * the same answer either way, after the same Argon2 work, and no session: the portal signs
 * in next (unverified accounts may) and shows "check your e-mail".
 */
export async function registerUser(ctx: IdentityContext, input: Registration, meta: RequestMeta): Promise<LinkSent> {
  // Paid on both paths, so the time taken does not tell them apart.
  const passwordHash = await ctx.passwords.hash(input.password);
  await ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    const user = await insertUser(tx, {
      id,
      email: input.email,
      displayName: input.displayName,
      locale: input.locale,
      passwordHash,
    });
    if (!user) return warnOwner(ctx, tx, input.email, meta);
    for (const role of NEW_USER_ROLES) await insertRole(tx, { userId: id, role });
    await ctx.publish(
      tx,
      'identity.user.registered.v1',
      { userId: id, email: user.email, displayName: user.displayName, roles: NEW_USER_ROLES, locale: user.locale },
      { audience: [id], correlationId: meta.correlationId },
    );
    // Starts the cooldown, so an immediate "resend" does not send a second e-mail.
    await mayEmail(ctx, tx, id, 'email_verification');
    await sendVerificationLink(ctx, tx, user, meta);
    await audit(tx, {
      action: 'user.registered',
      entityType: 'user',
      entityId: id,
      actorId: id,
      actorRole: 'traveller',
      data: { roles: NEW_USER_ROLES, locale: user.locale },
      correlationId: meta.correlationId ?? null,
    });
  });
  return { email: input.email };
}

async function warnOwner(ctx: IdentityContext, tx: Tx, email: string, meta: RequestMeta): Promise<void> {
  const owner = await findUserByEmail(tx, email);
  if (!owner || owner.status !== 'active') return;
  if (!(await mayEmail(ctx, tx, owner.id, 'signup_attempted', SIGNUP_NOTICE_COOLDOWN_SECONDS))) return;
  // No audience: nothing for the owner's open tabs, only the e-mail.
  await ctx.publish(
    tx,
    'identity.user.signup_attempted.v1',
    { userId: owner.id, email: owner.email, displayName: owner.displayName, locale: owner.locale },
    { correlationId: meta.correlationId },
  );
  await audit(tx, {
    action: 'user.signup_attempted',
    entityType: 'user',
    entityId: owner.id,
    actorRole: 'anonymous',
    data: {},
    correlationId: meta.correlationId ?? null,
  });
}
