// Parses PUT /_simulator/faults bodies. Every rule takes `rate` (0–1, default 1) and an
// optional `count` after which it switches itself off.
import { bodyObject, failBadRequest as fail, isObject, optInteger, type JsonObject } from '../octo/body.ts';
import type { FaultConfig, FaultRule } from './fault-types.ts';

function rule(raw: unknown, name: string): (FaultRule & { spec: JsonObject }) | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) throw fail(`${name} must be an object`);
  const rate = raw.rate ?? 1;
  if (typeof rate !== 'number' || rate < 0 || rate > 1) throw fail(`${name}.rate must be a number between 0 and 1`);
  const count = optInteger(raw, 'count', fail, { min: 1, max: 1_000_000 });
  return { rate, remaining: count ?? null, spec: raw };
}

function strip<T extends { spec: JsonObject }>(value: T): Omit<T, 'spec'> {
  const { spec: _spec, ...rest } = value;
  return rest;
}

export function parseFaultConfig(rawBody: unknown): FaultConfig {
  const body = bodyObject(rawBody, fail);
  const error = rule(body.error, 'error');
  const rateLimit = rule(body.rateLimit, 'rateLimit');
  const timeout = rule(body.timeout, 'timeout');
  const malformed = rule(body.malformed, 'malformed');
  const paths = body.paths;
  if (paths !== undefined && (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string'))) {
    throw fail('paths must be an array of strings such as "/availability"');
  }
  const status = error ? (optInteger(error.spec, 'status', fail, { min: 500, max: 599 }) ?? 500) : 500;
  return {
    latencyMs: optInteger(body, 'latencyMs', fail, { min: 0, max: 60_000 }) ?? 0,
    error: error && { ...strip(error), status },
    rateLimit: rateLimit && {
      ...strip(rateLimit),
      retryAfterSeconds: optInteger(rateLimit.spec, 'retryAfterSeconds', fail, { min: 0, max: 3600 }) ?? 1,
    },
    timeout: timeout && {
      ...strip(timeout),
      hangMs: optInteger(timeout.spec, 'hangMs', fail, { min: 1, max: 120_000 }) ?? 30_000,
    },
    malformed: malformed && strip(malformed),
    paths: (paths as string[] | undefined) ?? null,
  };
}
