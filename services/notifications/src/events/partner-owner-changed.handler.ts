import { defineHandler } from '@tourconnect/events';
import { followOwnerChange } from '../domain/partner-emails.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** partners.partner.owner_changed.v1: The partner's notices go to its new owner from now on. */
export function partnerOwnerChangedHandler() {
  return defineHandler({
    subject: 'partners.partner.owner_changed.v1',
    durable: 'notifications-partner-owner-changed',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload) => followOwnerChange(tx, payload),
  });
}
