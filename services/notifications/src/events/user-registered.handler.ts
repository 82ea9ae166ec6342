import { defineHandler } from '@tourconnect/events';
import { rememberRecipient } from '../domain/recipients.ts';

/** identity.user.registered.v1: A new account: remember its address, name and language for the e-mails that name only the user. */
export function userRegisteredHandler() {
  return defineHandler({
    subject: 'identity.user.registered.v1',
    durable: 'notifications-user-registered',
    handle: (tx, payload) => rememberRecipient(tx, payload),
  });
}
