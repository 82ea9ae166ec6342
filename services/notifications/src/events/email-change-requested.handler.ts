import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { sendEmailChangeEmails } from '../domain/account-emails.ts';

/** identity.email_change.requested.v1: Queues the confirmation link to the new address and the notice to the current one. */
export function emailChangeRequestedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'identity.email_change.requested.v1',
    durable: 'notifications-email-change-requested',
    handle: (tx, payload, envelope) => sendEmailChangeEmails(ctx, tx, payload, envelope),
  });
}
