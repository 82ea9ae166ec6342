// Delivers webhook events: POST with a signed JSON body, retried with backoff while the
// receiver answers non-2xx or cannot be reached. Every attempt is recorded for inspection.
import { toUtcIso } from '../lib/time.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import { SIGNATURE_HEADER, signBody } from './signature.ts';
import type { WebhookDelivery, WebhookEvent, WebhookSubscription } from './webhook-types.ts';

export interface DispatcherOptions {
  /** Wait before retry n (1-based); attempts = 1 + retryDelaysMs.length. */
  retryDelaysMs: number[];
  /** Per-attempt timeout. */
  timeoutMs: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  retryDelaysMs: [1_000, 5_000, 30_000, 120_000, 600_000],
  timeoutMs: 5_000,
};

const MAX_DELIVERIES_KEPT = 500;

export class WebhookDispatcher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly aborter = new AbortController();
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {}

  enqueue(
    state: SupplierState,
    sub: WebhookSubscription,
    event: WebhookEvent,
    payload: object,
    at: Date,
  ): WebhookDelivery {
    const id = state.webhookIds.uuid();
    const body = JSON.stringify({
      id,
      event,
      utcCreatedAt: toUtcIso(at),
      supplierId: state.catalogue.id,
      webhook: { id: sub.id, event: sub.event, url: sub.url },
      ...payload,
    });
    const delivery: WebhookDelivery = {
      id,
      webhookId: sub.id,
      event,
      url: sub.url,
      status: 'PENDING',
      body,
      attempts: [],
      nextAttemptAt: new Date().toISOString(),
      utcCreatedAt: toUtcIso(at),
    };
    state.deliveries.push(delivery);
    if (state.deliveries.length > MAX_DELIVERIES_KEPT)
      state.deliveries.splice(0, state.deliveries.length - MAX_DELIVERIES_KEPT);
    this.schedule(delivery, sub, 0);
    return delivery;
  }

  private schedule(delivery: WebhookDelivery, sub: WebhookSubscription, delayMs: number): void {
    if (this.closed) return;
    delivery.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(delivery.id);
      const run = this.attempt(delivery, sub).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, delayMs);
    timer.unref();
    this.timers.set(delivery.id, timer);
  }

  private async attempt(delivery: WebhookDelivery, sub: WebhookSubscription): Promise<void> {
    const attempt = delivery.attempts.length + 1;
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(sub.url, {
        method: 'POST',
        headers: {
          ...sub.headers,
          'content-type': 'application/json',
          'user-agent': 'tourconnect-octo-simulator',
          'x-octo-event': delivery.event,
          'x-octo-event-id': delivery.id,
          'x-octo-delivery-attempt': String(attempt),
          [SIGNATURE_HEADER]: signBody(sub.secret, delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    delivery.attempts.push({
      attempt,
      utcAttemptedAt: new Date(started).toISOString(),
      statusCode,
      error,
      durationMs: Date.now() - started,
    });
    if (error === null) {
      delivery.status = 'DELIVERED';
      delivery.nextAttemptAt = null;
      return;
    }
    const delay = this.options.retryDelaysMs[attempt - 1];
    if (!sub.retryOnError || delay === undefined || this.closed) {
      delivery.status = 'FAILED';
      delivery.nextAttemptAt = null;
      return;
    }
    this.schedule(delivery, sub, delay);
  }

  /** Drops pending retries of one supplier (on reset). */
  cancelFor(state: SupplierState): void {
    for (const delivery of state.deliveries) {
      const timer = this.timers.get(delivery.id);
      if (timer) clearTimeout(timer);
      this.timers.delete(delivery.id);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.aborter.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}
