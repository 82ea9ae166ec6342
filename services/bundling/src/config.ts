import { z } from 'zod';
import { defineServiceConfig, jwtConsumerConfigSchema } from '@tourconnect/service-kit';

/**
 * bundling's variables on top of the kit's base ones (PORT, DATABASE_URL, NATS_URL, …).
 * `settingsSchema` is what the all-in-one parses; `configSchema` what the distributed entry
 * reads. Add the service's own variables here: no other file reads the environment.
 */
export const { settingsSchema, configSchema, loadConfig, loadConfigForServer } = defineServiceConfig('bundling', {
  // Identity's public keys and the token claims: bundling verifies access tokens itself.
  ...jwtConsumerConfigSchema.shape,
  /** How long a booking holds its units while the traveller pays (pending_payment → expired). */
  HOLD_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** How often the expiry sweeper looks for pending bookings past their hold (0: this process does not sweep). */
  SWEEPER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /** Expired bookings released per sweeper transaction. */
  SWEEPER_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
});

export type BundlingSettings = z.infer<typeof settingsSchema>;
export type BundlingConfig = z.infer<typeof configSchema>;
