import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { tellPartnerOwner } from '../domain/partner-emails.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** partners.partner.rejected.v1: Tells the owner why their partner was not verified. */
export function partnerRejectedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'partners.partner.rejected.v1',
    durable: 'notifications-partner-rejected',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) =>
      tellPartnerOwner(ctx, tx, payload, { template: 'partner_rejected', reason: payload.reason }, envelope),
  });
}
