// Runs the simulator alone: `npm run simulator:octo` (127.0.0.1:13100, key "test").
import { ConfigError, loadConfig, type SimulatorConfig } from './config.ts';
import { createOctoSimulator } from './index.ts';

let config: SimulatorConfig;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}

const simulator = createOctoSimulator({ keys: config.keys, logger: config.logger });
const { url } = await simulator.listen(config.port, config.host);
console.log(`OCTO simulator: ${url}/octo (keys: ${config.keys.join(', ')}), control surface: ${url}/_simulator`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    simulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
