import type Stripe from 'stripe';
import type { Db } from '@tourconnect/db';
import type { Publish, SubjectOf } from '@tourconnect/events';
import type { BillingSettings } from '../config.ts';
import type { StripeMode } from '../stripe/client.ts';

/** What billing's use cases need; built once by app.ts when the service boots. */
export interface BillingContext {
  db: Db;
  /** Writes billing's own events (contracts in proto/) to the outbox in the caller's transaction. */
  publish: Publish<SubjectOf<'billing'>>;
  settings: BillingSettings;
  /** The Stripe SDK (the emulator when STRIPE_API_URL is set); never retries by itself. */
  stripe: Stripe;
  stripeMode: StripeMode;
}
