import type Stripe from 'stripe';
import { findPaymentByCharge, setAmountRefunded } from '../../db/payments.repository.ts';
import type { StripeEventHandler } from './types.ts';

/** Stripe's amount_refunded on the charge is the truth for the payment (only ever raised). */
export const chargeRefunded: StripeEventHandler = async (tx, event) => {
  const charge = event.data.object as Stripe.Charge;
  const payment = await findPaymentByCharge(tx, charge.id);
  if (!payment) return `ignored: no payment for charge ${charge.id}`;
  await setAmountRefunded(tx, payment.id, charge.amount_refunded);
  return `applied: amount_refunded ${charge.amount_refunded}`;
};
