import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { tellPartnerOwner } from '../domain/partner-emails.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** partners.partner.submitted.v1: Tells the owner their partner is waiting for review. */
export function partnerSubmittedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'partners.partner.submitted.v1',
    durable: 'notifications-partner-submitted',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellPartnerOwner(ctx, tx, payload, { template: 'partner_submitted' }, envelope),
  });
}
