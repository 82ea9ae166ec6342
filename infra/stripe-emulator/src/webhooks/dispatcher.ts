// Delivers events to webhook endpoints over real HTTP, signed with Stripe-Signature, retrying
// non-2xx answers and network errors with backoff. Every attempt is recorded so tests and
// demos can inspect them (GET /_emulator/webhook_attempts).
import { newId } from '../core/ids.ts';
import type { EmulatorClock } from '../core/clock.ts';
import type { Faults } from '../control/faults.ts';
import type { Store } from '../state/store.ts';
import type { DeliveryAttempt, DeliveryJob } from '../state/types.ts';
import { signatureHeader } from './signature.ts';

/** Stripe retries for up to three days with exponential backoff; this is that curve. */
export const DEFAULT_RETRY_DELAYS_MS = [
  60_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 43_200_000, 43_200_000, 43_200_000,
];
const MAX_KEPT_ATTEMPTS = 10_000;

export interface DispatcherOptions {
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

export class WebhookDispatcher {
  private readonly retryDelaysMs: number[];
  private readonly timeoutMs: number;
  private readonly inFlight = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly clock: EmulatorClock,
    private readonly faults: Faults,
    options: DispatcherOptions = {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  enqueue(eventId: string, endpointIds: string[]): void {
    const now = this.clock.nowMs();
    for (const endpointId of endpointIds) {
      this.store.deliveries.push({ id: newId('wdj'), eventId, endpointId, attempts: 0, nextAttemptAtMs: now });
    }
    if (endpointIds.length > 0) setImmediate(() => this.runDue());
  }

  /** Starts every attempt that is due on the emulator clock. */
  runDue(): void {
    if (this.closed) return;
    const now = this.clock.nowMs();
    for (const job of [...this.store.deliveries]) {
      if (job.nextAttemptAtMs > now || this.inFlight.has(job.id)) continue;
      this.inFlight.add(job.id);
      const run = this.attempt(job).finally(() => {
        this.inFlight.delete(job.id);
        this.running.delete(run);
      });
      this.running.add(run);
    }
  }

  /** Earliest pending attempt (emulator ms), for the clock to stop at when advancing. */
  nextDueMs(): number | undefined {
    let next: number | undefined;
    for (const job of this.store.deliveries)
      if (next === undefined || job.nextAttemptAtMs < next) next = job.nextAttemptAtMs;
    return next;
  }

  /** Waits for attempts already started (used by close and tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private async attempt(job: DeliveryJob): Promise<void> {
    const event = this.store.get(job.eventId);
    const endpoint = this.store.get(job.endpointId);
    if (!event || !endpoint || endpoint.data.status !== 'enabled') return this.finish(job, false);
    job.attempts += 1;
    const url = String(endpoint.data.url);
    const base = {
      event: event.id,
      event_type: String(event.data.type),
      endpoint: endpoint.id,
      url,
      attempt: job.attempts,
    };
    if (this.faults.roll(this.faults.settings.webhook_drop_rate)) {
      this.record({ ...base, outcome: 'dropped', status: null, error: 'dropped by fault injection', duration_ms: 0 });
      return this.finish(job, true);
    }
    const payload = JSON.stringify(event.data, null, 2);
    const result = await this.post(url, payload, String(endpoint.internal.secret));
    if (result.ok) {
      this.record({ ...base, ...result.summary, outcome: 'succeeded' });
      if (this.faults.roll(this.faults.settings.webhook_duplicate_rate)) {
        const again = await this.post(url, payload, String(endpoint.internal.secret));
        this.record({ ...base, ...again.summary, outcome: again.ok ? 'succeeded' : 'failed', duplicate: true });
      }
      return this.finish(job, true);
    }
    const delay = this.retryDelaysMs[job.attempts - 1];
    const nextRetry = delay === undefined ? null : this.clock.nowMs() + delay;
    this.record({
      ...base,
      ...result.summary,
      outcome: 'failed',
      next_retry_at: nextRetry === null ? null : Math.floor(nextRetry / 1000),
    });
    if (nextRetry === null) return this.finish(job, false);
    job.nextAttemptAtMs = nextRetry;
    this.store.changed();
  }

  private async post(url: string, payload: string, secret: string) {
    const started = Date.now();
    // The signature carries wall-clock time: receivers check it against their own clock,
    // which does not move when the emulator's clock is advanced.
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'stripe-signature': signatureHeader(payload, secret, Math.floor(Date.now() / 1000)),
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.arrayBuffer();
      const ok = response.status >= 200 && response.status < 300;
      return {
        ok,
        summary: {
          status: response.status,
          error: ok ? null : `HTTP ${response.status}`,
          duration_ms: Date.now() - started,
        },
      };
    } catch (error) {
      const message =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      return { ok: false, summary: { status: null, error: message, duration_ms: Date.now() - started } };
    }
  }

  private record(
    fields: Omit<DeliveryAttempt, 'id' | 'created' | 'duplicate' | 'next_retry_at'> & Partial<DeliveryAttempt>,
  ): void {
    const attempt: DeliveryAttempt = {
      id: newId('wa'),
      created: this.clock.now(),
      duplicate: false,
      next_retry_at: null,
      ...fields,
    };
    this.store.attempts.push(attempt);
    if (this.store.attempts.length > MAX_KEPT_ATTEMPTS)
      this.store.attempts.splice(0, this.store.attempts.length - MAX_KEPT_ATTEMPTS);
  }

  /** Removes the job; a delivered event no longer counts it in pending_webhooks. */
  private finish(job: DeliveryJob, delivered: boolean): void {
    const at = this.store.deliveries.indexOf(job);
    if (at >= 0) this.store.deliveries.splice(at, 1);
    const event = this.store.get(job.eventId);
    if (event && delivered) event.data.pending_webhooks = Math.max(0, Number(event.data.pending_webhooks) - 1);
    this.store.changed();
  }
}
