import { createHash } from 'node:crypto';
import type { Executor } from '@tourconnect/db';
import { AppError } from '@tourconnect/service-kit';
import type { IdentitySettings } from '../config.ts';
import {
  activeLockUntil,
  clearKeys,
  purgeStaleThrottles,
  recordFailure,
  type ThrottleKey,
} from '../db/login-throttle.repository.ts';

/**
 * Three counters per failed password (issue 10, "lockout as denial of service"): a lock that
 * anyone can trigger for everyone is a weapon, so wrong passwords are mostly charged to the
 * pair (account, client address), which waits longer after each failure; the account is
 * locked for everyone only at a much higher count, and its owner is told by e-mail.
 */
export interface ThrottlePolicy {
  /** Failures of one pair before it waits LOGIN_DELAY_SECONDS, doubling with each further failure. */
  pairMaxFailures: number;
  delaySeconds: number;
  /** Failures of one account from every address within the window before it is locked. */
  accountMaxFailures: number;
  /** Counting window, longest delay and the account lock's duration. */
  lockSeconds: number;
}

export function throttlePolicy(settings: IdentitySettings): ThrottlePolicy {
  return {
    pairMaxFailures: settings.LOGIN_MAX_FAILURES,
    delaySeconds: settings.LOGIN_DELAY_SECONDS,
    accountMaxFailures: settings.LOGIN_ACCOUNT_MAX_FAILURES,
    lockSeconds: settings.LOGIN_LOCK_SECONDS,
  };
}

/**
 * Many people can share one address (offices, mobile carriers), so an IP gets more tries
 * than one pair; it still stops one client from spraying passwords over many accounts.
 */
export const IP_FAILURE_FACTOR = 4;

export interface ThrottleKeys {
  account: ThrottleKey;
  pair: ThrottleKey;
  ip: ThrottleKey;
}

const digest = (scope: string, value: string) => createHash('sha256').update(`${scope}:${value}`).digest('hex');

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return {
    account: { scope: 'email', keyHash: digest('email', email) },
    // E-mails hold no newline, so the pair's text is unambiguous.
    pair: { scope: 'pair', keyHash: digest('pair', `${email}\n${ip}`) },
    ip: { scope: 'ip', keyHash: digest('ip', ip) },
  };
}

/** 429 too_many_attempts with Retry-After while the pair, the address or the account is locked. */
export async function assertNotThrottled(ex: Executor, keys: ThrottleKeys): Promise<void> {
  const until = await activeLockUntil(ex, [keys.pair, keys.ip, keys.account]);
  if (!until) return;
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  throw new AppError(
    429,
    'too_many_attempts',
    `Too many failed sign-in attempts; try again in ${retryAfter} s`,
    undefined,
    { 'retry-after': String(retryAfter) },
  );
}

/**
 * Counts one wrong password on all three counters. Returns the account lock when this
 * failure is the one that locked the account (once per window), so its owner can be told.
 */
export async function recordThrottledFailure(
  ex: Executor,
  keys: ThrottleKeys,
  policy: ThrottlePolicy,
): Promise<{ accountLockedUntil?: Date }> {
  const window = { windowSeconds: policy.lockSeconds, lockSeconds: policy.lockSeconds };
  await recordFailure(ex, keys.pair, {
    ...window,
    maxFailures: policy.pairMaxFailures,
    delaySeconds: policy.delaySeconds,
  });
  await recordFailure(ex, keys.ip, { ...window, maxFailures: policy.pairMaxFailures * IP_FAILURE_FACTOR });
  const account = await recordFailure(ex, keys.account, { ...window, maxFailures: policy.accountMaxFailures });
  const crossed = account.failures === policy.accountMaxFailures && account.lockedUntil;
  return crossed ? { accountLockedUntil: account.lockedUntil! } : {};
}

/**
 * The right password (or a password reset) forgives the account's count and this pair's,
 * never the address's (or one account of an attacker's could wipe its spraying record).
 */
export async function forgiveFailures(ex: Executor, keys: ThrottleKeys): Promise<void> {
  await clearKeys(ex, [keys.account, keys.pair]);
}

/** Rows whose window and lock are both over carry no information any more; returns how many went. */
export function purgeExpiredThrottles(ex: Executor, policy: Pick<ThrottlePolicy, 'lockSeconds'>): Promise<number> {
  return purgeStaleThrottles(ex, policy.lockSeconds);
}
