import Stripe from 'stripe';
import { EMULATOR_SECRET_KEY, type BillingSettings } from '../config.ts';

export type StripeMode = 'emulator' | 'stripe';

type StripeSettings = Pick<BillingSettings, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>;

/** 'emulator' when STRIPE_API_URL points the SDK at the local emulator, 'stripe' for the real API. */
export function stripeModeOf(settings: StripeSettings): StripeMode {
  return settings.STRIPE_API_URL ? 'emulator' : 'stripe';
}

/**
 * The official SDK, pointed at the emulator when STRIPE_API_URL is set. The SDK never retries
 * (maxNetworkRetries 0): billing's queues retry themselves with the same idempotency key, on
 * their own schedule and request budget, so a retry storm cannot hide in the client.
 */
export function createStripeClient(settings: StripeSettings): Stripe {
  const key = settings.STRIPE_SECRET_KEY ?? EMULATOR_SECRET_KEY;
  const options: Stripe.StripeConfig = { maxNetworkRetries: 0, timeout: 20_000, telemetry: false };
  if (!settings.STRIPE_API_URL) return new Stripe(key, options);
  const url = new URL(settings.STRIPE_API_URL);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
  return new Stripe(key, { ...options, host: url.hostname, port, protocol });
}
