import { assertEnvelope } from './envelope.ts';
import type { LoadGate } from './load-gate.ts';
import { errorMessage } from './logger.ts';
import { subjectMatches } from './subject-matcher.ts';
import { backoffDelay, type ConsumerSpec, type DeliveryOutcome, type MessageHandler } from './transport.ts';

/** A message as the in-process "stream" keeps it: serialized, like on the wire. */
export interface StoredMessage {
  subject: string;
  id: string;
  json: string;
}

interface Pending {
  message: StoredMessage;
  deliveries: number;
  /** When it was enqueued (ms since the epoch); a background durable holds it back at most maxWaitMs from then. */
  since: number;
}

/** How a background durable yields to the rest of the process (see ConsumerSpec.background). */
export interface BackgroundPolicy {
  gate: LoadGate;
  /** The longest a message waits for the loop to be free; 0 never holds one back. */
  maxWaitMs: number;
}

/** How often a held-back durable looks again whether the loop is free. */
const RECHECK_MS = 100;

/**
 * One durable consumer of the in-process transport: its own queue, in-flight limit, delayed
 * redeliveries and delivery counter, so retry/backoff/max-deliver behave as with JetStream.
 * Like a JetStream durable it outlives consume()/stop(): unacked messages wait for the next
 * consume() call.
 */
export class InProcessDurable {
  private ready: Pending[] = [];
  private head = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private handler: MessageHandler | undefined;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  /** Subjects seen so far and whether this durable's patterns match them (cleared when the spec changes). */
  private matched = new Map<string, boolean>();
  private recheck: NodeJS.Timeout | undefined;

  constructor(
    private spec: ConsumerSpec,
    private readonly background: BackgroundPolicy,
  ) {}

  matches(subject: string): boolean {
    // Every message is offered to every durable of the process: remember the answer per subject.
    let answer = this.matched.get(subject);
    if (answer === undefined) {
      answer = this.spec.subjects.some((p) => subjectMatches(p, subject));
      this.matched.set(subject, answer);
    }
    return answer;
  }

  enqueue(message: StoredMessage): void {
    if (this.closed) return;
    this.ready.push({ message, deliveries: 0, since: Date.now() });
    this.pump();
  }

  attach(spec: ConsumerSpec, handler: MessageHandler): void {
    if (this.handler) throw new Error(`durable ${spec.durable} is already being consumed`);
    this.spec = spec;
    this.matched = new Map();
    this.handler = handler;
    this.pump();
  }

  /** Stops taking new messages and resolves once in-flight deliveries have finished. */
  async detach(): Promise<void> {
    this.handler = undefined;
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.recheck);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.detach();
    this.ready = [];
    this.head = 0;
  }

  /** Messages waiting or scheduled for redelivery (for diagnostics and tests). */
  backlog(): number {
    return this.ready.length - this.head + this.timers.size + this.inFlight;
  }

  private pump(): void {
    if (this.holdingBack()) return;
    while (this.handler && this.inFlight < this.spec.concurrency && this.head < this.ready.length) {
      const pending = this.ready[this.head++] as Pending;
      if (this.head > 1024 && this.head * 2 > this.ready.length) {
        this.ready = this.ready.slice(this.head);
        this.head = 0;
      }
      this.inFlight++;
      void this.deliver(pending, this.handler).finally(() => {
        this.inFlight--;
        if (this.inFlight === 0) this.releaseIdleWaiters();
        this.pump();
      });
    }
  }

  /**
   * A background durable starts no delivery while the event loop is saturated, unless its
   * oldest waiting message has waited maxWaitMs: it looks again every RECHECK_MS.
   */
  private holdingBack(): boolean {
    if (!this.spec.background || this.background.maxWaitMs <= 0 || !this.handler) return false;
    const oldest = this.ready[this.head];
    if (!oldest || Date.now() - oldest.since >= this.background.maxWaitMs) return false;
    if (!this.background.gate.saturated()) return false;
    if (!this.recheck) {
      this.recheck = setTimeout(() => {
        this.recheck = undefined;
        if (!this.closed) this.pump();
      }, RECHECK_MS);
      this.recheck.unref();
    }
    return true;
  }

  private async deliver(pending: Pending, handler: MessageHandler): Promise<void> {
    pending.deliveries++;
    const attempt = pending.deliveries;
    let envelope;
    try {
      envelope = assertEnvelope(JSON.parse(pending.message.json));
    } catch (err) {
      await this.poison(pending, errorMessage(err));
      return;
    }
    let outcome: DeliveryOutcome;
    try {
      outcome = await handler(envelope, { attempt });
    } catch {
      outcome = 'retry';
    }
    if (outcome === 'retry') this.redeliverLater(pending, backoffDelay(this.spec.backoffMs, attempt));
  }

  private async poison(pending: Pending, error: string): Promise<void> {
    try {
      await this.spec.onPoison({
        subject: pending.message.subject,
        messageId: pending.message.id,
        headers: {},
        data: pending.message.json,
        error,
        attempt: pending.deliveries,
      });
    } catch {
      this.redeliverLater(pending, backoffDelay(this.spec.backoffMs, pending.deliveries));
    }
  }

  private redeliverLater(pending: Pending, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.closed) return;
      this.ready.push(pending);
      this.pump();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
