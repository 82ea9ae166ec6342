import type { Logger } from 'pino';
import { freePort } from './ports.ts';
import type { AllInOneSettings } from './settings.ts';

export interface Simulators {
  stripeUrl?: string;
  octoUrl?: string;
  stop(): Promise<void>;
}

/**
 * The bundled Stripe emulator (when no STRIPE_SECRET_KEY is set) and the OCTO supplier
 * simulator, so the demo has a payment provider and an external supplier to connect.
 */
export async function startDevSimulators(settings: AllInOneSettings, logger: Logger): Promise<Simulators> {
  const stops: (() => Promise<void>)[] = [];
  const result: Simulators = {
    stop: async () => {
      for (const stop of stops) await stop();
    },
  };

  if (!settings.STRIPE_SECRET_KEY) {
    const { createStripeEmulator } = await import('@tourconnect/stripe-emulator');
    const emulator = await createStripeEmulator({ dataDir: `${settings.DATA_DIR}/stripe-emulator` });
    const port = await freePort(settings.STRIPE_EMULATOR_PORT);
    const { url } = await emulator.listen(port, '127.0.0.1');
    result.stripeUrl = url;
    stops.push(() => emulator.close());
    logger.info(`No STRIPE_SECRET_KEY: using the bundled Stripe emulator at ${url}`);
  }

  const { createOctoSimulator } = await import('@tourconnect/octo-simulator');
  const simulator = await createOctoSimulator({ keys: ['demo', 'test'] });
  const { url } = await simulator.listen(await freePort(settings.OCTO_SIMULATOR_PORT), '127.0.0.1');
  result.octoUrl = url;
  stops.push(() => simulator.close());
  logger.info(`OCTO supplier simulator at ${url}/octo (API keys: demo, test)`);
  return result;
}

/**
 * The emulator's webhook endpoints for billing behind the gateway: one for the platform's own
 * events (payments, refunds, transfers) and one with `connect: true` for the partners'
 * connected accounts (account.updated, payouts). Endpoints of an earlier run at the same URL
 * are deleted first (their secrets are gone with that run). Answers the two signing secrets,
 * comma-separated, as billing's STRIPE_WEBHOOK_SECRET takes them.
 */
export async function emulatorWebhookSecrets(stripeUrl: string, webhookUrl: string): Promise<string> {
  const call = async (method: string, path: string, form?: URLSearchParams) => {
    const res = await fetch(`${stripeUrl}${path}`, {
      method,
      headers: { authorization: 'Bearer sk_test_emulator', 'content-type': 'application/x-www-form-urlencoded' },
      ...(form ? { body: form.toString() } : {}),
    });
    if (!res.ok) throw new Error(`Stripe emulator ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { data?: { id: string; url: string }[]; secret?: string };
  };
  const existing = await call('GET', '/v1/webhook_endpoints?limit=100');
  for (const endpoint of existing.data ?? []) {
    if (endpoint.url === webhookUrl) await call('DELETE', `/v1/webhook_endpoints/${endpoint.id}`);
  }
  const secrets: string[] = [];
  for (const connect of [false, true]) {
    const form = new URLSearchParams({ url: webhookUrl, 'enabled_events[]': '*', connect: String(connect) });
    const created = await call('POST', '/v1/webhook_endpoints', form);
    secrets.push(created.secret!);
  }
  return secrets.join(',');
}
