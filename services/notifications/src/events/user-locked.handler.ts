import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { sendAccountLockedEmail } from '../domain/account-emails.ts';

/** identity.user.locked.v1: The account was locked after many failed sign-ins: its owner is told. */
export function userLockedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'identity.user.locked.v1',
    durable: 'notifications-user-locked',
    handle: (tx, payload, envelope) => sendAccountLockedEmail(ctx, tx, payload, envelope),
  });
}
