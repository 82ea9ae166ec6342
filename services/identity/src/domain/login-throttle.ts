import { createHash } from 'node:crypto';
import type { Executor } from '@tourconnect/db';
import { AppError } from '@tourconnect/service-kit';
import {
  activeLockUntil,
  clearKeys,
  purgeStaleThrottles,
  recordFailure,
  type ThrottleKey,
} from '../db/login-throttle.repository.ts';

export interface ThrottlePolicy {
  maxFailures: number;
  lockSeconds: number;
}

/**
 * Many people can share one address (offices, mobile carriers), so an IP gets more tries
 * than one e-mail; it still stops one client from spraying passwords over many accounts.
 */
export const IP_FAILURE_FACTOR = 4;

const digest = (scope: string, value: string) => createHash('sha256').update(`${scope}:${value}`).digest('hex');

export function emailThrottleKey(email: string): ThrottleKey {
  return { scope: 'email', keyHash: digest('email', email) };
}

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  return [emailThrottleKey(email), { scope: 'ip', keyHash: digest('ip', ip) }];
}

/** 429 too_many_attempts with Retry-After while any of the keys is locked. */
export async function assertNotThrottled(ex: Executor, keys: ThrottleKey[]): Promise<void> {
  const until = await activeLockUntil(ex, keys);
  if (!until) return;
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  throw new AppError(
    429,
    'too_many_attempts',
    `Too many failed sign-in attempts; try again in ${retryAfter} s`,
    undefined,
    {
      'retry-after': String(retryAfter),
    },
  );
}

export async function recordThrottledFailure(ex: Executor, keys: ThrottleKey[], policy: ThrottlePolicy): Promise<void> {
  for (const key of keys) {
    const factor = key.scope === 'ip' ? IP_FAILURE_FACTOR : 1;
    await recordFailure(ex, key, {
      maxFailures: policy.maxFailures * factor,
      windowSeconds: policy.lockSeconds,
      lockSeconds: policy.lockSeconds,
    });
  }
}

/** A successful sign-in forgives the e-mail's failures, never the IP's (or one account could reset it). */
export async function forgiveEmail(ex: Executor, email: string): Promise<void> {
  await clearKeys(ex, 'email', [emailThrottleKey(email).keyHash]);
}

/** Rows whose window and lock are both over carry no information any more; returns how many went. */
export function purgeExpiredThrottles(ex: Executor, policy: Pick<ThrottlePolicy, 'lockSeconds'>): Promise<number> {
  return purgeStaleThrottles(ex, policy.lockSeconds);
}
