// Runs the emulator alone: `npm run emulator:stripe` → 127.0.0.1:12111, state in .data/.
import { ConfigError, loadConfig, type EmulatorConfig } from './config.ts';
import { createStripeEmulator } from './index.ts';

let config: EmulatorConfig;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`stripe-emulator: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const emulator = createStripeEmulator({
  dataDir: config.dataDir,
  logger: true,
  ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
});
const { url } = await emulator.listen(config.port, config.host);
emulator.app.log.info(
  `Stripe emulator at ${url} (platform ${emulator.state.platformAccountId}, state in ${config.dataDir}); ` +
    `point the SDK at it with new Stripe(key, { host: '${config.host}', port: ${config.port}, protocol: 'http' })`,
);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  emulator.app.log.info(`${signal} received, closing`);
  await emulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
