import { defineHandler } from '@tourconnect/events';
import { eraseRecipient } from '../domain/erase-recipient.ts';

/** identity.user.deleted.v1: GDPR erasure: the user's address and every e-mail body sent to them go. */
export function userDeletedHandler() {
  return defineHandler({
    subject: 'identity.user.deleted.v1',
    durable: 'notifications-user-deleted',
    handle: (tx, payload, envelope) => eraseRecipient(tx, payload, envelope),
  });
}
