// Idempotent POSTs as Stripe keeps them: the first result for a key is saved (success or
// failure, once an endpoint ran) and replayed for the same parameters; other parameters or
// another endpoint with the same key are an idempotency_error; a key still in flight is 409.
import { createHash } from 'node:crypto';
import { StripeError } from '../core/errors.ts';
import type { FormObject } from '../core/form-parser.ts';
import type { Store } from '../state/store.ts';
import type { IdempotencyRecord } from '../state/types.ts';

export interface Outcome {
  status: number;
  /** The serialised JSON body. */
  body: string;
  /** False for answers Stripe does not save (parameter validation failures, 5xx). */
  save: boolean;
}

export interface Replay {
  status: number;
  body: string;
  originalRequestId: string;
}

/** Stripe keeps idempotency keys for at least 24 hours. */
const KEY_TTL_SECONDS = 86_400;
const MAX_KEY_LENGTH = 255;

function canonical(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

function idempotencyError(message: string, status = 400, code?: string): StripeError {
  return new StripeError(status, { type: 'idempotency_error', message, ...(code ? { code } : {}) });
}

export class IdempotencyLedger {
  private insertsSincePrune = 0;

  constructor(private readonly store: Store) {}

  async run(
    scope: string,
    key: string,
    request: { method: string; path: string; params: FormObject; requestId: string; now: number },
    execute: () => Promise<Outcome>,
  ): Promise<Outcome | Replay> {
    if (key.length > MAX_KEY_LENGTH) {
      throw idempotencyError(`Idempotency keys can be at most ${MAX_KEY_LENGTH} characters long.`);
    }
    const mapKey = `${scope}|${key}`;
    const paramsHash = createHash('sha256')
      .update(JSON.stringify(canonical(request.params)))
      .digest('hex');
    const existing = this.store.idempotency.get(mapKey);
    if (existing && existing.createdAt + KEY_TTL_SECONDS > request.now)
      return this.replay(existing, request, paramsHash, key);
    const record: IdempotencyRecord = {
      scope,
      key,
      method: request.method,
      path: request.path,
      paramsHash,
      status: 0,
      body: null,
      requestId: request.requestId,
      createdAt: request.now,
      inFlight: true,
    };
    this.store.idempotency.set(mapKey, record);
    this.prune(request.now);
    let outcome: Outcome;
    try {
      outcome = await execute();
    } catch (error) {
      this.store.idempotency.delete(mapKey);
      throw error;
    }
    if (!outcome.save) this.store.idempotency.delete(mapKey);
    else Object.assign(record, { status: outcome.status, body: outcome.body, inFlight: false });
    return outcome;
  }

  private replay(
    existing: IdempotencyRecord,
    request: { method: string; path: string },
    paramsHash: string,
    key: string,
  ): Replay {
    if (existing.inFlight) {
      throw idempotencyError(
        'There is currently another in-progress request using this Stripe API key and idempotency key (if applicable). Please try again later.',
        409,
        'idempotency_key_in_use',
      );
    }
    if (existing.method !== request.method || existing.path !== request.path) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${existing.method} ${existing.path}' vs '${request.method} ${request.path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (existing.paramsHash !== paramsHash) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return { status: existing.status, body: String(existing.body), originalRequestId: existing.requestId };
  }

  private prune(now: number): void {
    this.insertsSincePrune += 1;
    if (this.insertsSincePrune < 1000) return;
    this.insertsSincePrune = 0;
    for (const [mapKey, record] of this.store.idempotency) {
      if (!record.inFlight && record.createdAt + KEY_TTL_SECONDS <= now) this.store.idempotency.delete(mapKey);
    }
  }
}
