import { defineHandler } from '@tourconnect/events';
import { rememberPartner } from '../domain/partner-emails.ts';

/** partners.partner.registered.v1: Remembers the partner's owner and name for the notices that name only the partner. */
export function partnerRegisteredHandler() {
  return defineHandler({
    subject: 'partners.partner.registered.v1',
    durable: 'notifications-partner-registered',
    handle: (tx, payload) => rememberPartner(tx, payload),
  });
}
