import { and, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { loginThrottle } from './schema.ts';

export type ThrottleScope = 'email' | 'pair' | 'ip';
export interface ThrottleKey {
  scope: ThrottleScope;
  keyHash: string;
}

/** The latest `locked_until` still in the future among the keys, if any. */
export async function activeLockUntil(ex: Executor, keys: ThrottleKey[]): Promise<Date | undefined> {
  const rows = await ex
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(
      and(
        or(...keys.map((k) => and(eq(loginThrottle.scope, k.scope), eq(loginThrottle.keyHash, k.keyHash)))),
        gt(loginThrottle.lockedUntil, sql`now()`),
      ),
    );
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : undefined;
}

export interface FailureLimits {
  maxFailures: number;
  windowSeconds: number;
  /** How long a lock lasts; with `delaySeconds`, the longest a lock may last. */
  lockSeconds: number;
  /**
   * Growing delays instead of one lock: the lock at `maxFailures` lasts `delaySeconds`, and
   * each further failure doubles it, up to `lockSeconds`.
   */
  delaySeconds?: number;
}

/**
 * Counts one failure in a fixed window (one statement, so concurrent replicas add up) and
 * locks the key from `maxFailures` on. A window that has expired starts over at 1. Returns the
 * count and the lock, so the caller can tell the failure that crossed the line.
 */
export async function recordFailure(
  ex: Executor,
  key: ThrottleKey,
  limits: FailureLimits,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const window = sql`make_interval(secs => ${limits.windowSeconds})`;
  const expired = sql`t.window_started_at < now() - ${window}`;
  const next = sql`CASE WHEN ${expired} THEN 1 ELSE t.failures + 1 END`;
  const lockFor = (failures: SQL) =>
    limits.delaySeconds === undefined
      ? sql`make_interval(secs => ${limits.lockSeconds})`
      : // The exponent is capped so the power cannot overflow; LEAST caps the lock itself.
        sql`make_interval(secs => LEAST(${limits.lockSeconds}::float8,
            ${limits.delaySeconds}::float8 * power(2::float8, LEAST(${failures} - ${limits.maxFailures}::int, 30)::float8)))`;
  const result = await ex.execute(sql`
    INSERT INTO ${loginThrottle} AS t (scope, key_hash, failures, window_started_at, locked_until)
    VALUES (${key.scope}, ${key.keyHash}, 1, now(),
      CASE WHEN 1 >= ${limits.maxFailures}::int THEN now() + ${lockFor(sql`1`)} END)
    ON CONFLICT (scope, key_hash) DO UPDATE SET
      failures = ${next},
      window_started_at = CASE WHEN ${expired} THEN now() ELSE t.window_started_at END,
      locked_until = CASE WHEN ${next} >= ${limits.maxFailures}::int THEN now() + ${lockFor(next)} ELSE t.locked_until END
    RETURNING failures, locked_until`);
  const row = result.rows[0] as { failures: number; locked_until: Date | string | null };
  return {
    failures: Number(row.failures),
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
  };
}

export async function clearKeys(ex: Executor, keys: ThrottleKey[]): Promise<void> {
  for (const scope of new Set(keys.map((k) => k.scope))) {
    const hashes = keys.filter((k) => k.scope === scope).map((k) => k.keyHash);
    await ex.delete(loginThrottle).where(and(eq(loginThrottle.scope, scope), inArray(loginThrottle.keyHash, hashes)));
  }
}

/** Rows whose window and lock are both over carry no information any more. */
export async function purgeStaleThrottles(ex: Executor, windowSeconds: number): Promise<number> {
  const deleted = await ex
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.windowStartedAt, sql`now() - make_interval(secs => ${windowSeconds})`),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, sql`now()`)),
      ),
    )
    .returning({ scope: loginThrottle.scope });
  return deleted.length;
}
