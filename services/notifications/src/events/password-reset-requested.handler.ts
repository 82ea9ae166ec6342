import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { sendPasswordResetEmail } from '../domain/account-emails.ts';

/** identity.password_reset.requested.v1: Queues the password-reset e-mail (its link's token is sealed, never stored in clear). */
export function passwordResetRequestedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'identity.password_reset.requested.v1',
    durable: 'notifications-password-reset-requested',
    handle: (tx, payload, envelope) => sendPasswordResetEmail(ctx, tx, payload, envelope),
  });
}
