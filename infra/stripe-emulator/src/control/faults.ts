// Fault injection for resilience tests: a share of API calls answered 500 or 429, added
// latency, and webhook deliveries dropped or sent twice. Rolls use a seeded PRNG so a run
// with the same seed and the same calls sees the same faults.
import { invalidParam } from '../core/errors.ts';

export interface FaultSettings {
  error_500_rate: number;
  error_429_rate: number;
  latency_ms: number;
  webhook_drop_rate: number;
  webhook_duplicate_rate: number;
}

export const NO_FAULTS: FaultSettings = {
  error_500_rate: 0,
  error_429_rate: 0,
  latency_ms: 0,
  webhook_drop_rate: 0,
  webhook_duplicate_rate: 0,
};

/** mulberry32: tiny, fast, good enough to decide whether a fault fires. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Faults {
  settings: FaultSettings = { ...NO_FAULTS };
  private random: () => number;

  constructor(private readonly seed = 1) {
    this.random = prng(seed);
  }

  /** True with probability `rate`; never consumes randomness when the rate is 0. */
  roll(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }

  update(patch: Record<string, unknown>): FaultSettings {
    const next = { ...this.settings };
    for (const [key, value] of Object.entries(patch)) {
      if (!(key in NO_FAULTS)) throw invalidParam(`Received unknown parameter: ${key}`, key, 'parameter_unknown');
      const number = Number(value);
      const isRate = key.endsWith('_rate');
      if (!Number.isFinite(number) || number < 0 || (isRate && number > 1)) {
        throw invalidParam(
          `Invalid ${key}: ${isRate ? 'a rate between 0 and 1' : 'a non-negative number'} is required`,
          key,
        );
      }
      next[key as keyof FaultSettings] = number;
    }
    this.settings = next;
    return next;
  }

  reset(): void {
    this.settings = { ...NO_FAULTS };
    this.random = prng(this.seed);
  }
}
