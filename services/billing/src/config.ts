import type { z } from 'zod';
import { defineServiceConfig, jwtConsumerConfigSchema } from '@tourconnect/service-kit';

/**
 * billing's variables on top of the kit's base ones (PORT, DATABASE_URL, NATS_URL, …).
 * `settingsSchema` is what the all-in-one parses; `configSchema` what the distributed entry
 * reads. Add the service's own variables here: no other file reads the environment.
 */
export const { settingsSchema, configSchema, loadConfig, loadConfigForServer } = defineServiceConfig('billing', {
  // Identity's public keys and the token claims: billing verifies access tokens itself.
  ...jwtConsumerConfigSchema.shape,
});

export type BillingSettings = z.infer<typeof settingsSchema>;
export type BillingConfig = z.infer<typeof configSchema>;
