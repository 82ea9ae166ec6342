import type { Database, Tx } from '@tourconnect/db';
import type { DeadLettersRepository } from './dead-letters.repository.ts';
import type { EventEnvelope } from './envelope.ts';
import { PermanentEventError } from './errors.ts';
import { Batcher } from './batcher.ts';
import { handleBatch, handleOne, type InboxContext } from './inbox-transaction.ts';
import { errorMessage, type EventsLogger } from './logger.ts';
import type { EventTables } from './tables.ts';
import type { ConsumerSpec, DeliveryOutcome, EventTransport, PoisonMessage } from './transport.ts';

export interface HandlerDefinition {
  durable: string;
  subject: string | string[];
  maxDeliver?: number;
  backoffMs?: number[];
  /** Transactions this process runs at once for this durable (default 4). */
  concurrency?: number;
  /**
   * Up to this many first deliveries share one transaction under load (default 32); 1 turns
   * batching off. If any handler in a batch throws, the batch rolls back and each event is
   * re-run alone, so effects stay exactly-once and only the failing event is retried.
   */
  batchSize?: number;
  ackWaitMs?: number;
  deliverPolicy?: 'all' | 'new';
  /**
   * Nobody waits on this work (e-mails, audit entries): in the all-in-one it yields to requests
   * while the process is saturated, for a bounded time (see ConsumerSpec.background).
   */
  background?: boolean;
  handler: (tx: Tx, event: EventEnvelope) => Promise<void>;
}

export interface ConsumerStats {
  consumed: number;
  duplicates: number;
  retried: number;
  deadLettered: number;
}

export interface ConsumerContext {
  service: string;
  database: Database;
  tables: EventTables;
  transport: EventTransport;
  deadLetters: DeadLettersRepository;
  logger: EventsLogger;
  stats: ConsumerStats;
}

export type DurableSpec = Omit<ConsumerSpec, 'onPoison'> & { transactions: number; batchSize: number };

interface Waiting {
  envelope: EventEnvelope;
  attempt: number;
  resolve(outcome: DeliveryOutcome): void;
}

/**
 * One registered handler: decides ack / retry / dead-letter for each delivery, groups first
 * deliveries into shared transactions when they queue up, and replays dead letters through
 * the same inbox path.
 */
export class DurableConsumer {
  private readonly inbox: InboxContext;
  private readonly batcher: Batcher<Waiting>;

  constructor(
    private readonly ctx: ConsumerContext,
    readonly spec: DurableSpec,
    handler: HandlerDefinition['handler'],
  ) {
    this.inbox = {
      database: ctx.database,
      tables: ctx.tables,
      transportKind: ctx.transport.kind,
      durable: spec.durable,
      handler,
    };
    this.batcher = new Batcher<Waiting>({
      slots: spec.transactions,
      maxBatch: spec.batchSize,
      lingerMs: 5,
      // Redeliveries run alone: they failed before and must not drag a batch down with them.
      solo: (waiting) => waiting.attempt > 1,
      run: (batch) => this.runBatch(batch),
    });
  }

  consumerSpec(): ConsumerSpec {
    const { transactions: _t, batchSize: _b, ...spec } = this.spec;
    return { ...spec, onPoison: (message) => this.onPoison(message) };
  }

  readonly onMessage = (envelope: EventEnvelope, delivery: { attempt: number }): Promise<DeliveryOutcome> =>
    new Promise((resolve) => {
      this.batcher.push({ envelope, attempt: delivery.attempt, resolve });
    });

  /** Runs one envelope through the inbox transaction; used by replay. */
  process(envelope: EventEnvelope, attempt: number, replayOf?: string): Promise<'handled' | 'duplicate'> {
    return handleOne(this.inbox, envelope, attempt, replayOf);
  }

  private async runBatch(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const { handled, duplicates } = await handleBatch(
          this.inbox,
          batch.map((w) => w.envelope),
        );
        this.ctx.stats.consumed += handled;
        this.ctx.stats.duplicates += duplicates;
        for (const waiting of batch) waiting.resolve('ack');
        return;
      } catch {
        // fall through: find the culprit by running each event alone
      }
    }
    for (const waiting of batch) waiting.resolve(await this.decide(waiting.envelope, waiting.attempt));
  }

  private async decide(envelope: EventEnvelope, attempt: number): Promise<DeliveryOutcome> {
    if (attempt > this.spec.maxDeliver) {
      // Earlier deliveries ended without an outcome (crash, ack timeout): stop here.
      return this.deadLetter(envelope, `no outcome after ${attempt - 1} deliveries`, attempt - 1);
    }
    try {
      const result = await handleOne(this.inbox, envelope, attempt);
      if (result === 'duplicate') this.ctx.stats.duplicates++;
      else this.ctx.stats.consumed++;
      return 'ack';
    } catch (err) {
      const message = errorMessage(err);
      if (err instanceof PermanentEventError || attempt >= this.spec.maxDeliver) {
        return this.deadLetter(envelope, message, attempt);
      }
      this.ctx.stats.retried++;
      this.ctx.logger.warn(
        { err: message, durable: this.spec.durable, eventId: envelope.id, subject: envelope.subject, attempt },
        'event handler failed; will retry',
      );
      return 'retry';
    }
  }

  private async deadLetter(envelope: EventEnvelope, error: string, attempts: number): Promise<DeliveryOutcome> {
    const stored = await this.store({ subject: envelope.subject, eventId: envelope.id, envelope, error, attempts });
    return stored ? 'dead' : 'retry';
  }

  private async onPoison(message: PoisonMessage): Promise<void> {
    const stored = await this.store({
      subject: message.subject,
      eventId: message.messageId,
      envelope: { malformed: message },
      error: `malformed message: ${message.error}`,
      attempts: message.attempt,
    });
    if (!stored) throw new Error('could not store dead letter');
  }

  /** Writes the dead-letter row (the record) and publishes the stream copy (best effort). */
  private async store(letter: {
    subject: string;
    eventId: string;
    envelope: EventEnvelope | { malformed: PoisonMessage };
    error: string;
    attempts: number;
  }): Promise<boolean> {
    const base = { service: this.ctx.service, durable: this.spec.durable, ...letter };
    let row;
    try {
      row = await this.ctx.deadLetters.insert(base);
    } catch (err) {
      this.ctx.logger.error(
        { err: errorMessage(err), eventId: letter.eventId },
        'could not write dead letter; will retry',
      );
      return false;
    }
    this.ctx.stats.deadLettered++;
    this.ctx.logger.error(
      {
        durable: this.spec.durable,
        eventId: letter.eventId,
        subject: letter.subject,
        error: letter.error,
        deadLetterId: row.id,
      },
      'event dead-lettered',
    );
    try {
      await this.ctx.transport.publishDeadLetter?.({ ...base, deadAt: row.deadAt });
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err), deadLetterId: row.id }, 'could not publish dead-letter copy');
    }
    return true;
  }
}
