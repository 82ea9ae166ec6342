import type { EventEnvelope } from './envelope.ts';

export type DeliveryOutcome = 'ack' | 'retry' | 'dead';

/** A delivered message that could not be decoded into an envelope. */
export interface PoisonMessage {
  subject: string;
  /** Best available identity: the event id header, the broker message id, or the stream sequence. */
  messageId: string;
  headers: Record<string, string>;
  /** The raw body as text (lossy for binary garbage, which is fine for inspection). */
  data: string;
  error: string;
  attempt: number;
}

/** What goes to the dead-letter stream (a copy; the service's dead_letters table is the record). */
export interface DeadLetterCopy {
  service: string;
  durable: string;
  subject: string;
  eventId: string;
  envelope: EventEnvelope | { malformed: PoisonMessage };
  error: string;
  attempts: number;
  deadAt: string;
}

export interface ConsumerSpec {
  service: string;
  /** Stable consumer name within the service; one token (letters, digits, `_`, `-`). */
  durable: string;
  /** NATS subject filters (wildcards allowed). */
  subjects: string[];
  maxDeliver: number;
  /** Delay before delivery n+1 after a failed delivery n: `backoffMs[min(n-1, len-1)]`. */
  backoffMs: number[];
  /** Messages handled at once by this process for this durable. */
  concurrency: number;
  /** Where a durable created for the first time starts: the whole retained stream (default) or new messages only. */
  deliverPolicy?: 'all' | 'new';
  /** How long the broker waits for an ack before redelivering (handlers send progress while busy). */
  ackWaitMs?: number;
  /**
   * Work nobody is waiting on (an e-mail, an audit entry): the in-process transport holds this
   * durable's new deliveries while the process's event loop is saturated, for a bounded time, so
   * requests sharing the loop are answered first. NATS delivers as usual: there each consumer
   * has the event loop of its own process.
   */
  background?: boolean;
  /** Called for undecodable messages; the transport then terminates them. Throw to retry later. */
  onPoison(message: PoisonMessage): Promise<void>;
}

export type MessageHandler = (envelope: EventEnvelope, delivery: { attempt: number }) => Promise<DeliveryOutcome>;

export interface EventTransport {
  readonly kind: 'nats' | 'in-process';
  /** Resolves only once the broker accepted the message (JetStream PubAck). */
  publish(envelope: EventEnvelope): Promise<void>;
  consume(spec: ConsumerSpec, onMessage: MessageHandler): Promise<{ stop(): Promise<void> }>;
  /** Non-durable live feed (`>` = every event subject), used by the gateway's /ws. */
  tap(subjectPattern: string, listener: (env: EventEnvelope) => void): { stop(): void };
  publishDeadLetter?(copy: DeadLetterCopy): Promise<void>;
  /** Readiness check; throws when the broker is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function backoffDelay(backoffMs: readonly number[], attempt: number): number {
  if (backoffMs.length === 0) return 0;
  const index = Math.min(Math.max(attempt - 1, 0), backoffMs.length - 1);
  return backoffMs[index] ?? 0;
}
