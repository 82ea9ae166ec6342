// Configuration of the standalone emulator (src/server.ts); the only file reading the
// environment. A bad value stops the process with a message saying what to fix.
import { resolve } from 'node:path';

export interface EmulatorConfig {
  port: number;
  host: string;
  dataDir: string;
  /** STRIPE_EMULATOR_PUBLIC_URL: where browsers reach it, when not where the API callers do. */
  publicUrl?: string;
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

function parsePublicUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `STRIPE_EMULATOR_PUBLIC_URL must be an http(s) URL such as http://localhost:12111, got "${raw}".`,
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError(
      `STRIPE_EMULATOR_PUBLIC_URL must be an http(s) origin without a path, such as http://localhost:12111, got "${raw}".`,
    );
  }
  return url.origin;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  const publicUrl = parsePublicUrl(env.STRIPE_EMULATOR_PUBLIC_URL);
  return {
    port: parsePort(env.STRIPE_EMULATOR_PORT),
    host: env.STRIPE_EMULATOR_HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.STRIPE_EMULATOR_DATA_DIR?.trim() || resolve(REPO_ROOT, '.data/stripe-emulator')),
    ...(publicUrl ? { publicUrl } : {}),
  };
}
