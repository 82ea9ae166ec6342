import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { tellPartnerOwner } from '../domain/partner-emails.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** partners.partner.suspended.v1: Tells the owner their partner was suspended, and why. */
export function partnerSuspendedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'partners.partner.suspended.v1',
    durable: 'notifications-partner-suspended',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) =>
      tellPartnerOwner(ctx, tx, payload, { template: 'partner_suspended', reason: payload.reason }, envelope),
  });
}
