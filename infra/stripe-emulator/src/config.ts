// Configuration of the standalone emulator (src/server.ts); the only file reading the
// environment. A bad value stops the process with a message saying what to fix.
import { resolve } from 'node:path';

export interface EmulatorConfig {
  port: number;
  host: string;
  dataDir: string;
}

export const DEFAULT_PORT = 12111;
const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  if (!/^\d+$/.test(raw.trim()))
    throw new ConfigError(`STRIPE_EMULATOR_PORT must be a port number (1-65535), got "${raw}".`);
  const port = Number(raw);
  if (port < 1 || port > 65_535)
    throw new ConfigError(`STRIPE_EMULATOR_PORT must be between 1 and 65535, got ${port}.`);
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  return {
    port: parsePort(env.STRIPE_EMULATOR_PORT),
    host: env.STRIPE_EMULATOR_HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.STRIPE_EMULATOR_DATA_DIR?.trim() || resolve(REPO_ROOT, '.data/stripe-emulator')),
  };
}
