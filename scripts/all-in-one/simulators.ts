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
