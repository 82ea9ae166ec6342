import { defineHandler } from '@tourconnect/events';
import { tellPartnerPayoutPaid } from '../domain/billing-emails.ts';
import type { NotificationsContext } from '../domain/context.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** billing.payout.paid.v1: Tells the partner's owner Stripe paid out its balance. */
export function payoutPaidHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'billing.payout.paid.v1',
    durable: 'notifications-payout-paid',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellPartnerPayoutPaid(ctx, tx, payload, envelope),
  });
}
