import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { sendVerificationEmail } from '../domain/account-emails.ts';

/** identity.email_verification.requested.v1: Queues the verification e-mail (its link's token is sealed, never stored in clear). */
export function emailVerificationRequestedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'identity.email_verification.requested.v1',
    durable: 'notifications-email-verification-requested',
    handle: (tx, payload, envelope) => sendVerificationEmail(ctx, tx, payload, envelope),
  });
}
