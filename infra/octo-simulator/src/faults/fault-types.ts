// Per-supplier fault injection settings (set through PUT /_simulator/faults).

export interface FaultRule {
  /** Probability in [0, 1] that a request is hit (drawn from a seeded PRNG). */
  rate: number;
  /** Stop after this many hits; null = until cleared. */
  remaining: number | null;
}

export interface FaultConfig {
  latencyMs: number;
  error: (FaultRule & { status: number }) | null;
  rateLimit: (FaultRule & { retryAfterSeconds: number }) | null;
  timeout: (FaultRule & { hangMs: number }) | null;
  malformed: FaultRule | null;
  /** Only OCTO paths starting with one of these (e.g. "/availability") are affected. */
  paths: string[] | null;
}
