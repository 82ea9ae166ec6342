import type { EventEnvelope } from './envelope.ts';
import { InProcessDurable, type StoredMessage } from './in-process-durable.ts';
import { eventLoopGate, type LoadGate } from './load-gate.ts';
import { silentLogger, errorMessage, type EventsLogger } from './logger.ts';
import { subjectMatches } from './subject-matcher.ts';
import type { ConsumerSpec, DeadLetterCopy, EventTransport, MessageHandler } from './transport.ts';

export interface InProcessTransportOptions {
  /** Same role as JetStream's duplicate_window: a re-published event id inside it is dropped. */
  duplicateWindowMs?: number;
  /**
   * Messages kept so a durable created later still receives them (JetStream's
   * deliver-policy "all" over a bounded stream). 0 keeps none.
   */
  retainMessages?: number;
  logger?: EventsLogger;
  /**
   * Background durables (ConsumerSpec.background) hold new deliveries while `gate` says the
   * thread is saturated (default: its event loop ran code ≥ 90 % of the last 100 ms), for at most
   * `maxWaitMs` per message (default 0: never held; the all-in-one sets 30 s).
   */
  background?: { gate?: LoadGate; maxWaitMs?: number };
}

export interface InProcessTransport extends EventTransport {
  readonly kind: 'in-process';
  /** Dead-letter copies published so far (the in-process stand-in for the dead-letter stream). */
  deadLetterCopies(): readonly DeadLetterCopy[];
  /** Messages not yet acked or dead-lettered by the given durable. */
  backlog(service: string, durable: string): number;
  /** Messages not yet acked or dead-lettered by any durable of the service (tests wait for 0). */
  serviceBacklog(service: string): number;
}

/**
 * Delivers events inside one process for the all-in-one mode, with the JetStream semantics
 * the bus relies on: per-durable queues, at-least-once delivery, nak with backoff, delivery
 * counting and a de-duplication window on the event id. It keeps nothing on disk: messages
 * accepted but not yet handled are lost if the process dies (the outbox rows are already
 * marked sent), which is the price of running without a broker.
 */
export function createInProcessTransport(opts: InProcessTransportOptions = {}): InProcessTransport {
  const duplicateWindowMs = opts.duplicateWindowMs ?? 120_000;
  const retainLimit = opts.retainMessages ?? 10_000;
  const logger = opts.logger ?? silentLogger;
  const background = {
    gate: opts.background?.gate ?? eventLoopGate(),
    maxWaitMs: opts.background?.maxWaitMs ?? 0,
  };
  const seen = new Map<string, number>();
  const retained: StoredMessage[] = [];
  const durables = new Map<string, InProcessDurable>();
  const taps = new Set<{ pattern: string; listener: (env: EventEnvelope) => void }>();
  const deadLetters: DeadLetterCopy[] = [];
  let closed = false;

  function isDuplicate(id: string): boolean {
    const now = Date.now();
    for (const [key, expiresAt] of seen) {
      if (expiresAt > now) break;
      seen.delete(key);
    }
    if (seen.has(id)) return true;
    if (duplicateWindowMs > 0) seen.set(id, now + duplicateWindowMs);
    return false;
  }

  function notifyTaps(message: StoredMessage): void {
    if (taps.size === 0) return;
    const envelope = JSON.parse(message.json) as EventEnvelope;
    for (const tap of taps) {
      if (!subjectMatches(tap.pattern, message.subject)) continue;
      try {
        tap.listener(envelope);
      } catch (err) {
        logger.warn({ err: errorMessage(err), subject: message.subject }, 'event tap listener threw');
      }
    }
  }

  return {
    kind: 'in-process',
    async publish(envelope) {
      if (closed) throw new Error('in-process transport is closed');
      // Serialize like a real broker would, so handlers never share objects with the producer.
      const message: StoredMessage = { subject: envelope.subject, id: envelope.id, json: JSON.stringify(envelope) };
      if (isDuplicate(envelope.id)) return;
      if (retainLimit > 0) {
        retained.push(message);
        if (retained.length > retainLimit) retained.splice(0, retained.length - retainLimit);
      }
      for (const durable of durables.values()) {
        if (durable.matches(message.subject)) durable.enqueue(message);
      }
      notifyTaps(message);
    },
    async consume(spec: ConsumerSpec, onMessage: MessageHandler) {
      if (closed) throw new Error('in-process transport is closed');
      const key = `${spec.service}:${spec.durable}`;
      let durable = durables.get(key);
      if (!durable) {
        durable = new InProcessDurable(spec, background);
        durables.set(key, durable);
        if (spec.deliverPolicy !== 'new') {
          for (const message of retained) if (durable.matches(message.subject)) durable.enqueue(message);
        }
      }
      durable.attach(spec, onMessage);
      const attached = durable;
      return { stop: () => attached.detach() };
    },
    tap(subjectPattern, listener) {
      const entry = { pattern: subjectPattern, listener };
      taps.add(entry);
      return { stop: () => void taps.delete(entry) };
    },
    async publishDeadLetter(copy) {
      deadLetters.push(copy);
      if (deadLetters.length > 1_000) deadLetters.shift();
    },
    deadLetterCopies: () => deadLetters,
    backlog: (service, durable) => durables.get(`${service}:${durable}`)?.backlog() ?? 0,
    serviceBacklog: (service) =>
      [...durables.entries()]
        .filter(([key]) => key.startsWith(`${service}:`))
        .reduce((sum, [, durable]) => sum + durable.backlog(), 0),
    async ping() {
      if (closed) throw new Error('in-process transport is closed');
    },
    async close() {
      closed = true;
      await Promise.all([...durables.values()].map((d) => d.close()));
      durables.clear();
      taps.clear();
    },
  };
}
