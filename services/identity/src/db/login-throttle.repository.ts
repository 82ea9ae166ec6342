import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { loginThrottle } from './schema.ts';

export type ThrottleScope = 'email' | 'ip';
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

/**
 * Counts one failure in a fixed window (one statement, so concurrent replicas add up) and
 * locks the key once it reaches `maxFailures`. A window that has expired starts over at 1.
 */
export async function recordFailure(
  ex: Executor,
  key: ThrottleKey,
  limits: { maxFailures: number; windowSeconds: number; lockSeconds: number },
): Promise<void> {
  const window = sql`make_interval(secs => ${limits.windowSeconds})`;
  const lock = sql`make_interval(secs => ${limits.lockSeconds})`;
  const expired = sql`t.window_started_at < now() - ${window}`;
  const next = sql`CASE WHEN ${expired} THEN 1 ELSE t.failures + 1 END`;
  await ex.execute(sql`
    INSERT INTO ${loginThrottle} AS t (scope, key_hash, failures, window_started_at, locked_until)
    VALUES (${key.scope}, ${key.keyHash}, 1, now(), CASE WHEN 1 >= ${limits.maxFailures} THEN now() + ${lock} END)
    ON CONFLICT (scope, key_hash) DO UPDATE SET
      failures = ${next},
      window_started_at = CASE WHEN ${expired} THEN now() ELSE t.window_started_at END,
      locked_until = CASE WHEN ${next} >= ${limits.maxFailures} THEN now() + ${lock} ELSE t.locked_until END`);
}

export async function clearKeys(ex: Executor, scope: ThrottleScope, keyHashes: string[]): Promise<void> {
  if (keyHashes.length === 0) return;
  await ex.delete(loginThrottle).where(and(eq(loginThrottle.scope, scope), inArray(loginThrottle.keyHash, keyHashes)));
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
