import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { sendInvitationEmail } from '../domain/partner-emails.ts';

/** partners.invitation.sent.v1: Queues the invitation with its acceptance link (the token is sealed, never stored in clear). */
export function invitationSentHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'partners.invitation.sent.v1',
    durable: 'notifications-invitation-sent',
    handle: (tx, payload, envelope) => sendInvitationEmail(ctx, tx, payload, envelope),
  });
}
