import type Stripe from 'stripe';
import { applyPayoutSnapshot } from '../../domain/payouts.ts';
import type { StripeEventHandler } from './types.ts';

/**
 * payout.created / updated / paid / failed on a partner's connected account: one payouts row
 * per Stripe payout, moving forward only; paid announces billing.payout.paid.v1.
 */
export const payoutChanged: StripeEventHandler = (tx, event, ctx) =>
  applyPayoutSnapshot(ctx, tx, { account: event.account, payout: event.data.object as Stripe.Payout });
