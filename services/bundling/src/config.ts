import path from 'node:path';
import { z } from 'zod';
import { booleanFromEnv, defineServiceConfig, jwtConsumerConfigSchema } from '@tourconnect/service-kit';

/**
 * bundling's variables on top of the kit's base ones (PORT, DATABASE_URL, NATS_URL, …).
 * `settingsSchema` is what the all-in-one parses; `configSchema` what the distributed entry
 * reads. Add the service's own variables here: no other file reads the environment.
 */
const settingsShape = {
  // Identity's public keys and the token claims: bundling verifies access tokens itself.
  ...jwtConsumerConfigSchema.shape,
  /** Local image store for item and package images (default `.data/uploads` under the working directory). */
  UPLOADS_DIR: z
    .string()
    .min(1)
    .default('.data/uploads')
    .transform((value) => path.resolve(value)),
  /** When set, images go to this S3-compatible store (MinIO in docker-compose), as partners' files do. */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFromEnv.default(true),
  /** Per client IP and minute: image uploads. */
  UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** How long a booking holds its units while the traveller pays (pending_payment → expired). */
  HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** How often the expiry sweeper looks for pending bookings past their hold (0: this process does not sweep). */
  SWEEPER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /** Expired bookings released per sweeper transaction. */
  SWEEPER_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  /**
   * Refuse a booking (409 partner_payouts_not_ready) until the seller and every item's partner
   * can receive payouts on Stripe (billing.partner_account.updated.v1 with status enabled).
   */
  BOOKING_REQUIRES_PAYOUT_ACCOUNTS: booleanFromEnv.default(true),
};

/** S3 needs its bucket and credentials as soon as an endpoint is named. */
function s3Rule(value: { S3_ENDPOINT?: string | undefined } & Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (!value.S3_ENDPOINT) return;
  for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
    if (!value[key]) ctx.addIssue({ code: 'custom', path: [key], message: `required when S3_ENDPOINT is set` });
  }
}

export const { settingsSchema, configSchema, loadConfig, loadConfigForServer } = defineServiceConfig(
  'bundling',
  settingsShape,
  s3Rule,
);

export type BundlingSettings = z.infer<typeof settingsSchema>;
export type BundlingConfig = z.infer<typeof configSchema>;
