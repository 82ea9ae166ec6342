import type Stripe from 'stripe';
import { findTransferByStripeId, updateTransfer } from '../../db/transfers.repository.ts';
import type { StripeEventHandler } from './types.ts';

/** transfer.created: the queue marks it sent in its own transaction; this confirms Stripe has it. */
export const transferCreated: StripeEventHandler = async (tx, event) => {
  const transfer = event.data.object as Stripe.Transfer;
  const ours = await findTransferByStripeId(tx, transfer.id);
  return ours ? `noted: transfer ${ours.id} ${ours.status}` : 'noted: the transfer queue records it';
};

/** transfer.reversed / transfer.updated: what Stripe says was reversed (only ever raised, never past the amount). */
export const transferReversed: StripeEventHandler = async (tx, event) => {
  const transfer = event.data.object as Stripe.Transfer;
  const ours = await findTransferByStripeId(tx, transfer.id);
  if (!ours) return `ignored: no transfer for ${transfer.id}`;
  const reversed = Math.min(ours.amountMinor, transfer.amount_reversed);
  if (reversed <= ours.amountReversedMinor) return 'duplicate: reversal already recorded';
  await updateTransfer(tx, ours.id, [ours.status], { amountReversedMinor: reversed });
  return `applied: amount_reversed ${reversed}`;
};
