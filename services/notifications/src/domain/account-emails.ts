// E-mails about a user's own account, asked for by identity. Each event carries the address
// and language it is for, so these never wait for the recipients projection.
import { timestampDate, type EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import type { EventEnvelope } from '@tourconnect/events';
import { resolveLanguage } from '../templates/languages.ts';
import type { NotificationsContext } from './context.ts';
import { portalLink, secretLink } from './links.ts';
import { queueEmail } from './queue-email.ts';

type Payload<S extends keyof EventPayloadBySubject> = EventPayloadBySubject[S];
type Cause = Pick<EventEnvelope, 'id' | 'subject'>;

export async function sendVerificationEmail(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'identity.email_verification.requested.v1'>,
  cause: Cause,
): Promise<void> {
  await queueEmail(ctx, tx, {
    cause,
    template: 'verify_email',
    to: { userId: event.userId, email: event.email },
    language: resolveLanguage(event.locale),
    params: { name: event.displayName, expiresAt: timestampDate(event.expiresAt!) },
    link: secretLink(ctx.settings.PORTAL_URL, 'verifyEmail', event.token),
  });
}

export async function sendPasswordResetEmail(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'identity.password_reset.requested.v1'>,
  cause: Cause,
): Promise<void> {
  await queueEmail(ctx, tx, {
    cause,
    template: 'reset_password',
    to: { userId: event.userId, email: event.email },
    language: resolveLanguage(event.locale),
    params: { name: event.displayName, expiresAt: timestampDate(event.expiresAt!) },
    link: secretLink(ctx.settings.PORTAL_URL, 'resetPassword', event.token),
  });
}

/** Two e-mails from one event: the link to the new address, a notice (no link) to the current one. */
export async function sendEmailChangeEmails(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'identity.email_change.requested.v1'>,
  cause: Cause,
): Promise<void> {
  const language = resolveLanguage(event.locale);
  await queueEmail(ctx, tx, {
    cause,
    template: 'confirm_email_change',
    to: { userId: event.userId, email: event.newEmail },
    language,
    params: { name: event.displayName, newEmail: event.newEmail, expiresAt: timestampDate(event.expiresAt!) },
    link: secretLink(ctx.settings.PORTAL_URL, 'verifyEmail', event.token),
  });
  await queueEmail(ctx, tx, {
    cause,
    template: 'email_change_notice',
    to: { userId: event.userId, email: event.currentEmail },
    language,
    params: { name: event.displayName, newEmail: event.newEmail },
    link: portalLink(ctx.settings.PORTAL_URL, 'account'),
  });
}

export async function sendAccountExistsEmail(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'identity.user.signup_attempted.v1'>,
  cause: Cause,
): Promise<void> {
  await queueEmail(ctx, tx, {
    cause,
    template: 'account_exists',
    to: { userId: event.userId, email: event.email },
    language: resolveLanguage(event.locale),
    params: { name: event.displayName, resetLink: portalLink(ctx.settings.PORTAL_URL, 'forgotPassword') },
    link: portalLink(ctx.settings.PORTAL_URL, 'signIn'),
  });
}

export async function sendAccountLockedEmail(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'identity.user.locked.v1'>,
  cause: Cause,
): Promise<void> {
  await queueEmail(ctx, tx, {
    cause,
    template: 'account_locked',
    to: { userId: event.userId, email: event.email },
    language: resolveLanguage(event.locale),
    params: { name: event.displayName, lockedUntil: timestampDate(event.lockedUntil!) },
    link: portalLink(ctx.settings.PORTAL_URL, 'forgotPassword'),
  });
}
