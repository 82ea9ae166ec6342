import type Stripe from 'stripe';
import type { Tx } from '@tourconnect/db';
import type { BillingContext } from '../../domain/context.ts';

/**
 * One Stripe event type's effect, inside the transaction that stores the event; answers the
 * outcome text kept in stripe_events.outcome ('applied', 'duplicate: …', 'ignored: …').
 */
export type StripeEventHandler = (tx: Tx, event: Stripe.Event, ctx: BillingContext) => Promise<string>;
