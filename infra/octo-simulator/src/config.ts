// Configuration of the standalone simulator, validated once at boot. The only file that
// reads process.env.
import { DEFAULT_PORT, KEY_PATTERN } from './index.ts';

export interface SimulatorConfig {
  port: number;
  host: string;
  keys: string[];
  logger: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid octo-simulator configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port < 0 || port > 65535) {
    problems.push(`OCTO_SIMULATOR_PORT must be an integer between 0 and 65535, got ${JSON.stringify(raw)}`);
  }
  return port;
}

function parseKeys(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return ['test'];
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keys.length === 0)
    problems.push('OCTO_SIMULATOR_KEYS must list at least one API key (comma-separated), e.g. "test,acme"');
  for (const key of keys) {
    if (!KEY_PATTERN.test(key))
      problems.push(
        `OCTO_SIMULATOR_KEYS contains an invalid key ${JSON.stringify(key)} (allowed characters: A-Z a-z 0-9 . _ ~ + / = -)`,
      );
  }
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) problems.push(`OCTO_SIMULATOR_KEYS lists ${JSON.stringify(duplicate)} twice`);
  return keys;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false, got ${JSON.stringify(raw)}`);
  return fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): SimulatorConfig {
  const problems: string[] = [];
  const config = {
    port: parsePort(env.OCTO_SIMULATOR_PORT, problems),
    host: env.OCTO_SIMULATOR_HOST?.trim() || '127.0.0.1',
    keys: parseKeys(env.OCTO_SIMULATOR_KEYS, problems),
    logger: parseBoolean('OCTO_SIMULATOR_LOG', env.OCTO_SIMULATOR_LOG, true, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
