import { startServiceHarness, type ServiceHarness } from '@tourconnect/service-kit/testing';
import { buildBundlingService } from '../../src/app.ts';
import { settingsSchema, type BundlingSettings } from '../../src/config.ts';

export type BundlingHarness = ServiceHarness<BundlingSettings>;

/**
 * bundling alone on a fresh database of the real PostgreSQL and the in-process transport;
 * requests go through inject, tokens are signed by the harness's own key. `env` sets the
 * service's own variables (e.g. SWEEPER_INTERVAL_SECONDS: '0' to sweep only when a test says so).
 */
export function startBundlingHarness(env: Record<string, string> = {}): Promise<BundlingHarness> {
  return startServiceHarness({
    service: 'bundling',
    build: buildBundlingService,
    settings: (tokens) => settingsSchema.parse({ ...env, ...tokens.settings }),
  });
}
