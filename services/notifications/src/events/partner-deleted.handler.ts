import { defineHandler } from '@tourconnect/events';
import type { NotificationsContext } from '../domain/context.ts';
import { tellOwnerPartnerDeleted } from '../domain/partner-emails.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** partners.partner.deleted.v1: The partner's erasure is complete: the owner is told, the partner forgotten. */
export function partnerDeletedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'partners.partner.deleted.v1',
    durable: 'notifications-partner-deleted',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellOwnerPartnerDeleted(ctx, tx, payload, envelope),
  });
}
