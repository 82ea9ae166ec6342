import type Stripe from 'stripe';
import { applyAccountSnapshot } from '../../domain/connect.ts';
import type { StripeEventHandler } from './types.ts';

/**
 * account.updated (a Connect event: `event.account` is the partner's account): the snapshot
 * decides the partner's payout readiness; unchanged fields publish nothing.
 */
export const accountUpdated: StripeEventHandler = (tx, event, ctx) =>
  applyAccountSnapshot(ctx, tx, event.data.object as Stripe.Account, { correlationId: event.id });
