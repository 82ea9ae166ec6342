import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineServiceConfig, jwtConsumerConfigSchema } from '@tourconnect/service-kit';

/** An unset and an empty variable mean the same (docker-compose passes `${VAR:-}` as ''). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The emulator's default key: any well-formed test key is accepted there. */
export const EMULATOR_SECRET_KEY = 'sk_test_emulator';

/**
 * billing's variables on top of the kit's base ones (PORT, DATABASE_URL, NATS_URL, …).
 * `settingsSchema` is what the all-in-one parses; `configSchema` what the distributed entry
 * reads. Add the service's own variables here: no other file reads the environment.
 */
const settingsShape = {
  // Identity's public keys and the token claims: billing verifies access tokens itself.
  ...jwtConsumerConfigSchema.shape,
  /** Stripe's secret key (sk_live_/sk_test_/rk_…). Required against real Stripe; the emulator's default otherwise. */
  STRIPE_SECRET_KEY: unsetIfEmpty(
    z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, 'must be a Stripe secret key (sk_test_…, sk_live_…, rk_…)'),
  ),
  /** The Stripe emulator's base URL (http://127.0.0.1:12111); absent = the real api.stripe.com. */
  STRIPE_API_URL: unsetIfEmpty(z.url()),
  /**
   * The webhook endpoints' signing secrets (whsec_…), comma-separated: the platform endpoint's
   * and the Connect endpoint's (Stripe signs each endpoint's deliveries with its own secret).
   */
  STRIPE_WEBHOOK_SECRET: unsetIfEmpty(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^whsec_[A-Za-z0-9_]+$/, 'must be webhook secrets (whsec_…), comma-separated'))),
  ),
  /** Stripe.js's key for the portal's card form; absent with STRIPE_API_URL set → the emulator's test-card form. */
  STRIPE_PUBLISHABLE_KEY: unsetIfEmpty(
    z.string().regex(/^pk_(test|live)_[A-Za-z0-9_]+$/, 'must be a publishable key (pk_…)'),
  ),
  /** The platform's default fee in basis points (15 % = 1500) when no fee rule applies. */
  PLATFORM_FEE_BPS: z.coerce.number().int().min(1000).max(2000).default(1500),
  /** Budget of transfer (and reversal) requests per second to Stripe, shared by the queues. */
  TRANSFER_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).max(100).default(25),
  /** Days after the service date before a partner's share is transferred, when its account names none. */
  HOLDING_DAYS_DEFAULT: z.coerce.number().int().min(0).max(365).default(0),
  /** How often the transfer and refund queues look for due work (0: this process runs none). */
  MONEY_QUEUE_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  /** The portal's public base URL (Connect return links, e-mails). */
  PUBLIC_PORTAL_URL: z.url().default('http://localhost:8080'),
  /**
   * The key that signs the receipt download links sent by e-mail (≥ 32 characters; share it
   * between billing's replicas). Absent: a random key generated at boot, so links only work as
   * long as this process runs (a restart breaks every link already mailed).
   */
  RECEIPT_LINK_KEY: unsetIfEmpty(z.string().min(32, 'must be at least 32 characters')).transform(
    (value) => value ?? randomBytes(32).toString('base64url'),
  ),
  /** The platform's legal name, printed as the issuer of its commission invoices. */
  PLATFORM_LEGAL_NAME: z.string().trim().min(2).max(200).default('TourConnect'),
  /** The platform's registered address on its invoices (one line; absent: not printed). */
  PLATFORM_ADDRESS: unsetIfEmpty(z.string().trim().min(5).max(300)),
  /** The platform's VAT id on its invoices, e.g. IT12345678901 (absent: not printed). */
  PLATFORM_VAT_ID: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^[A-Z]{2}[A-Z0-9]{2,13}$/, 'must be a VAT id: a country code and 2–13 letters or digits'),
  ),
  /** Minutes between scheduled reconciliations of the ledger with Stripe (0: this process runs none). */
  RECONCILE_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
};

/** Real Stripe needs its key and the webhook secret; only the emulator may run on defaults. */
function stripeRule(
  value: { STRIPE_API_URL?: string | undefined; STRIPE_SECRET_KEY?: string | undefined } & Record<string, unknown>,
  ctx: z.RefinementCtx,
): void {
  if (value.STRIPE_API_URL) return;
  for (const key of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']) {
    const set = value[key];
    if (!set || (Array.isArray(set) && set.length === 0))
      ctx.addIssue({ code: 'custom', path: [key], message: 'required when STRIPE_API_URL is not set (real Stripe)' });
  }
}

export const { settingsSchema, configSchema, loadConfig, loadConfigForServer } = defineServiceConfig(
  'billing',
  settingsShape,
  stripeRule,
);

export type BillingSettings = z.infer<typeof settingsSchema>;
export type BillingConfig = z.infer<typeof configSchema>;
