import type { ServiceApp } from '@tourconnect/service-kit';
import type { Executor } from '@tourconnect/db';
import { searchVersion } from '../../db/search.repository.ts';

/**
 * An answer is fresh this long: availability's cut-offs move with the clock, not only with writes.
 * Every popular answer is computed again about this often, so it is also what keeping them costs:
 * 9 busy searches of ~1 s of database CPU each take a third of a core at 30 s, a whole one at 10 s.
 */
export const ANSWER_MAX_AGE_MS = 30_000;
/** Past its freshness, an answer is still served (while it is computed again) up to this age. */
export const ANSWER_STALE_MS = 120_000;
/**
 * An answer computed before bookings moved the counters (held, sold, bookings: migration 0007)
 * is still fresh this long after a request first found them moved, and served while computed
 * again up to ANSWER_COUNTS_STALE_MS: what it shows of places left lags bookings by at most that.
 */
export const ANSWER_COUNTS_LAG_MS = 5_000;
export const ANSWER_COUNTS_STALE_MS = 15_000;
const MAX_ANSWERS = 500;
/** Answers computed again in the background at once: the rest wait their turn. */
const MAX_REFRESHES = 1;

/** The two numbers an answer is computed under (migrations 0006 and 0007). */
export interface AnswerVersion {
  /** Moves with the catalogue: partners, items, packages, images, slots, prices, the lexicon. */
  catalogue: string;
  /** Moves with bookings: availability's held / sold, package_bookings, the suggestion counts. */
  counts: string;
}

interface Entry {
  version: string;
  counts: string;
  at: number;
  /** Fresh before this instant (epoch ms): `at + maxAgeMs`, or what the answer proved of itself. */
  freshUntil: number;
  /** When a request first found that bookings had moved the counters since (epoch ms). */
  countsMovedSeenAt?: number;
  value: Promise<unknown>;
  refreshing?: boolean;
}

/**
 * Up to when an answer computed at `at` is exact without any write (epoch ms), when it can tell:
 * a search whose statement saw no write in flight and whose every slot closes later
 * (./search-freshness.ts). Undefined: the default age.
 */
export type FreshUntil<T> = (value: T, at: number) => number | undefined;

/**
 * Answers of search, Discover and suggest read from bundling's tables, kept while the search
 * version (migration 0006: a sequence every write to the catalogue moves) is the one they were
 * computed under; the least recently used go first past MAX_ANSWERS. Requests that miss the same
 * key at once share one computation, so a burst of one popular search runs its statement once.
 * Bookings move a second number (migration 0007: availability's held / sold, bookings, the
 * suggestion counts): once a request has found it moved, an answer stays fresh
 * ANSWER_COUNTS_LAG_MS more and is served while computed again up to ANSWER_COUNTS_STALE_MS — so
 * what anyone is shown of places left lags bookings by at most that from the first request that
 * could have seen them, and steady bookings no longer throw every answer away.
 *
 * Fresh for ANSWER_MAX_AGE_MS, or as long as the answer proves it stays exact (`freshUntil`: a
 * search that saw no write in flight is exact until its first slot's cut-off passes or the date
 * may turn somewhere, ./search-freshness.ts). Past that, under the same version and for
 * ANSWER_STALE_MS - ANSWER_MAX_AGE_MS more, it is still answered while it is computed again in
 * the background — one background computation at a time (MAX_REFRESHES), so a wave of aged answers (a quiet minute,
 * then traffic) is renewed one after the other instead of taking the cores from the requests the
 * cache answers. What such an answer can miss is only what moves with the clock: a slot whose
 * cut-off passed in the last two minutes, a booking leaving "the last 7 days", the date turning.
 * Nothing written to the catalogue is ever missed: it moves the version and the next request
 * computes.
 *
 * The version is read before the answer is computed, so a write committed before that read is
 * always seen. The one way an answer can lag a write: a write whose trigger moved the version
 * just before the read but which committed only after the answer's snapshot; the default age
 * bounds that (an answer that proves a longer freshness saw no transaction in flight, so it has
 * none), and a booking checks availability itself, so a lagging answer can offer a slot that is
 * gone, never sell it.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly waiting: (() => Promise<unknown>)[] = [];
  private refreshes = 0;

  constructor(
    private readonly maxAgeMs = ANSWER_MAX_AGE_MS,
    private readonly maxEntries = MAX_ANSWERS,
    private readonly staleMs = ANSWER_STALE_MS,
    private readonly countsLagMs = ANSWER_COUNTS_LAG_MS,
    private readonly countsStaleMs = ANSWER_COUNTS_STALE_MS,
  ) {}

  get<T>(
    key: string,
    version: AnswerVersion,
    now: Date,
    load: () => Promise<T>,
    freshUntil?: FreshUntil<T>,
  ): Promise<T> {
    const at = now.getTime();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.version === version.catalogue && at >= hit.at) {
      // Past its freshness an answer is served for the default stale margin (staleMs - maxAgeMs);
      // after bookings moved the counters, for a few seconds only.
      const countsMoved = hit.counts !== version.counts;
      if (countsMoved) hit.countsMovedSeenAt ??= at;
      const seen = hit.countsMovedSeenAt ?? at;
      const freshEnd = countsMoved ? Math.min(hit.freshUntil, seen + this.countsLagMs) : hit.freshUntil;
      const servedEnd = hit.freshUntil + Math.max(0, this.staleMs - this.maxAgeMs);
      if (at < (countsMoved ? Math.min(servedEnd, seen + this.countsStaleMs) : servedEnd)) {
        this.entries.delete(key);
        this.entries.set(key, hit);
        if (at >= freshEnd && !hit.refreshing) {
          hit.refreshing = true;
          this.refresh(async () => {
            if (this.entries.get(key) !== hit) return; // dropped or replaced while it waited
            const fresh = load();
            await fresh.then(
              (value) => {
                if (this.entries.get(key) === hit)
                  this.put(key, this.entry(version, at, fresh, this.freshUntilOf(value, at, freshUntil)));
              },
              () => (hit.refreshing = false),
            );
          });
        }
        return hit.value as Promise<T>;
      }
    }
    const value = load();
    const entry = this.entry(version, at, value, at + this.maxAgeMs);
    this.put(key, entry);
    value.then(
      // The answer's own bound, once known (never longer than it proved; never shorter than now).
      (answer) => {
        if (this.entries.get(key) === entry) entry.freshUntil = this.freshUntilOf(answer, at, freshUntil);
      },
      // A failed computation is not an answer: the next request tries again.
      () => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key);
      },
    );
    return value;
  }

  private entry(version: AnswerVersion, at: number, value: Promise<unknown>, freshUntil: number): Entry {
    return { version: version.catalogue, counts: version.counts, at, freshUntil, value };
  }

  /** What the answer proved of itself, else the default age. */
  private freshUntilOf<T>(answer: T, at: number, freshUntil?: FreshUntil<T>): number {
    return freshUntil?.(answer, at) ?? at + this.maxAgeMs;
  }

  /** Background computations run MAX_REFRESHES at a time, in the order they were asked for. */
  private refresh(task: () => Promise<unknown>): void {
    this.waiting.push(task);
    this.drain();
  }

  private drain(): void {
    while (this.refreshes < MAX_REFRESHES && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.refreshes += 1;
      void task()
        .catch(() => undefined)
        .finally(() => {
          this.refreshes -= 1;
          this.drain();
        });
    }
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

/**
 * `memo(key, load, freshUntil?)`: the cached answer under `key` for this request (one version read
 * per request); `freshUntil` lets an answer say how long it stays exact (AnswerCache.get).
 */
export type Memo = <T>(key: unknown, load: () => Promise<T>, freshUntil?: FreshUntil<T>) => Promise<T>;

/** A request's memo over `cache`; without a cache every answer is computed. */
export function memoOf(db: Executor, cache: AnswerCache | undefined, now: Date): Memo {
  if (!cache) return (_key, load) => load();
  let version: Promise<AnswerVersion> | undefined;
  return async (key, load, freshUntil) => {
    version ??= searchVersion(db);
    return cache.get(JSON.stringify(key), await version, now, load, freshUntil);
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
