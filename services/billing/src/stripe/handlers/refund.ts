import type Stripe from 'stripe';
import { findRefund, findRefundByStripeId } from '../../db/refunds.repository.ts';
import { recordRefundFailed } from '../../domain/refund-queue.ts';
import type { StripeEventHandler } from './types.ts';

/**
 * refund.created / refund.updated. The refund queue records a refund Stripe accepted (and
 * publishes it); this catches what only the webhook learns: a refund that failed or was
 * cancelled afterwards, whose ledger entry is then undone. Order does not matter: a success
 * before the queue recorded it waits for the queue, a repeat changes nothing.
 */
export const refundUpdated: StripeEventHandler = async (tx, event) => {
  const stripeRefund = event.data.object as Stripe.Refund;
  const ours =
    (await findRefundByStripeId(tx, stripeRefund.id)) ??
    (stripeRefund.metadata?.refund_id
      ? await findRefund(tx, stripeRefund.metadata.refund_id, { forUpdate: true })
      : undefined);
  if (!ours) return `ignored: no refund for ${stripeRefund.id}`;
  if (stripeRefund.status !== 'failed' && stripeRefund.status !== 'canceled') return `noted: ${stripeRefund.status}`;
  if (ours.status === 'failed') return 'duplicate: refund already failed';
  await recordRefundFailed(tx, ours, ours.attempts, `stripe refund ${stripeRefund.id} ${stripeRefund.status}`);
  return 'applied: refund failed';
};
