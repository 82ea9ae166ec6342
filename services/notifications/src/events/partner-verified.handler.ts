import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { tellPartnerOwner } from '../domain/partner-emails.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** partners.partner.verified.v1: Tells the owner their partner is verified. */
export function partnerVerifiedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'partners.partner.verified.v1',
    durable: 'notifications-partner-verified',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellPartnerOwner(ctx, tx, payload, { template: 'partner_verified' }, envelope),
  });
}
