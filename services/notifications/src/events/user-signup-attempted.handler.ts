import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { sendAccountExistsEmail } from '../domain/account-emails.ts';

/** identity.user.signup_attempted.v1: Someone signed up with a taken address: the owner is told, the sign-up answer gave nothing away. */
export function userSignupAttemptedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'identity.user.signup_attempted.v1',
    durable: 'notifications-user-signup-attempted',
    handle: (tx, payload, envelope) => sendAccountExistsEmail(ctx, tx, payload, envelope),
  });
}
