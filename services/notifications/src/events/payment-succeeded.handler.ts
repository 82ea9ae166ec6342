import { defineHandler } from '@tourconnect/events';
import { tellTravellerPaymentReceived } from '../domain/billing-emails.ts';
import type { NotificationsContext } from '../domain/context.ts';
import { WAIT_FOR_RECIPIENT } from './retry-options.ts';

/** billing.payment.succeeded.v1: Tells the traveller the payment arrived and the receipt is ready. */
export function paymentSucceededHandler(ctx: NotificationsContext) {
  return defineHandler({
    subject: 'billing.payment.succeeded.v1',
    durable: 'notifications-payment-succeeded',
    ...WAIT_FOR_RECIPIENT,
    handle: (tx, payload, envelope) => tellTravellerPaymentReceived(ctx, tx, payload, envelope),
  });
}
