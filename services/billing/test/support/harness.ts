import { startServiceHarness, type ServiceHarness } from '@tourconnect/service-kit/testing';
import { buildBillingService } from '../../src/app.ts';
import { settingsSchema, type BillingSettings } from '../../src/config.ts';

export type BillingHarness = ServiceHarness<BillingSettings>;

/**
 * billing alone on a fresh database of the real PostgreSQL and the in-process transport;
 * requests go through inject, tokens are signed by the harness's own key.
 */
export function startBillingHarness(): Promise<BillingHarness> {
  return startServiceHarness({
    service: 'billing',
    build: buildBillingService,
    settings: (tokens) => settingsSchema.parse({ ...tokens.settings }),
  });
}
