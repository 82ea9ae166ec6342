import type { ServiceApp } from '@tourconnect/service-kit';
import type { Executor } from '@tourconnect/db';
import { searchVersion } from '../../db/search.repository.ts';

/**
 * An answer is fresh this long, and served at most twice as long (while it is computed again):
 * availability's cut-offs move with the clock, not only with writes.
 */
export const ANSWER_MAX_AGE_MS = 10_000;
const MAX_ANSWERS = 500;

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
  refreshing?: boolean;
}

/**
 * Answers of search, Discover and suggest read from bundling's tables, kept while the search
 * version (migration 0006: a sequence every write to those tables moves) is the one they were
 * computed under, fresh for ANSWER_MAX_AGE_MS (then answered once more for each request while one
 * of them computes it again, up to twice that age); the least recently used go first past
 * MAX_ANSWERS. Requests that miss the same key at once share one computation, so a burst of one
 * popular search runs its statement once. The version is read before the answer is computed, so
 * a write committed before that read is always seen. The one way an answer can lag: a write whose
 * trigger moved the version just before the read but which committed only after the answer's
 * snapshot; the age bound limits that to 2 × ANSWER_MAX_AGE_MS (and a booking checks availability
 * itself, so a lagging answer can offer a slot that is gone, never sell it).
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxAgeMs = ANSWER_MAX_AGE_MS,
    private readonly maxEntries = MAX_ANSWERS,
  ) {}

  get<T>(key: string, version: string, now: Date, load: () => Promise<T>): Promise<T> {
    const at = now.getTime();
    const hit = this.entries.get(key);
    const age = hit && hit.version === version && at >= hit.at ? at - hit.at : Infinity;
    if (hit && age < 2 * this.maxAgeMs) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      // Past its age but nothing written since: answer it while one request computes it again,
      // so a popular search never makes its callers wait for its recomputation.
      if (age >= this.maxAgeMs && !hit.refreshing) {
        hit.refreshing = true;
        const fresh = load();
        fresh.then(
          () => {
            if (this.entries.get(key) === hit) this.put(key, { version, at, value: fresh });
          },
          () => (hit.refreshing = false),
        );
      }
      return hit.value as Promise<T>;
    }
    const value = load();
    this.put(key, { version, at, value });
    // A failed computation is not an answer: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

/** `memo(key, load)`: the cached answer under `key` for this request (one version read per request). */
export type Memo = <T>(key: unknown, load: () => Promise<T>) => Promise<T>;

/** A request's memo over `cache`; without a cache every answer is computed. */
export function memoOf(db: Executor, cache: AnswerCache | undefined, now: Date): Memo {
  if (!cache) return (_key, load) => load();
  let version: Promise<string> | undefined;
  return async (key, load) => {
    version ??= searchVersion(db);
    return cache.get(JSON.stringify(key), await version, now, load);
  };
}

const caches = new WeakMap<ServiceApp, AnswerCache>();

/** The app's one answer cache (search, Discover and suggest share it). */
export function answerCacheOf(app: ServiceApp): AnswerCache {
  let cache = caches.get(app);
  if (!cache) {
    cache = new AnswerCache();
    caches.set(app, cache);
  }
  return cache;
}
