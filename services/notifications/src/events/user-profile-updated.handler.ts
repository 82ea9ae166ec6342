import { defineHandler } from '@tourconnect/events';
import { followProfileUpdate } from '../domain/recipients.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** identity.user.profile_updated.v1: A new display name or language: later e-mails greet and speak accordingly. */
export function userProfileUpdatedHandler() {
  return defineHandler({
    subject: 'identity.user.profile_updated.v1',
    durable: 'notifications-user-profile-updated',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload) => followProfileUpdate(tx, payload),
  });
}
