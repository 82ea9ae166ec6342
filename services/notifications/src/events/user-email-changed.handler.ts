import { defineHandler } from '@tourconnect/events';
import { followEmailChange } from '../domain/recipients.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** identity.user.email_changed.v1: The user's confirmed new address: later e-mails go there. */
export function userEmailChangedHandler() {
  return defineHandler({
    subject: 'identity.user.email_changed.v1',
    durable: 'notifications-user-email-changed',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload) => followEmailChange(tx, payload),
  });
}
