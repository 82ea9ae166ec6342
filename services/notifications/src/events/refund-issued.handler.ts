import { defineHandler } from '@tourconnect/events';
import { tellTravellerRefundIssued } from '../domain/billing-emails.ts';
import type { NotificationsContext } from '../domain/context.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** billing.refund.issued.v1: Tells the traveller how much was refunded. */
export function refundIssuedHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'billing.refund.issued.v1',
    durable: 'notifications-refund-issued',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellTravellerRefundIssued(ctx, tx, payload, envelope),
  });
}
