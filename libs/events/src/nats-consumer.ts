import type { ConsumerMessages, JetStreamClient, JsMsg } from 'nats';
import { bodyText, decodeEnvelope, headersToRecord, HEADER } from './nats-codec.ts';
import { Limiter, sleep } from './limiter.ts';
import { errorMessage, type EventsLogger } from './logger.ts';
import { backoffDelay, type ConsumerSpec, type DeliveryOutcome, type MessageHandler } from './transport.ts';

/**
 * Pulls one JetStream durable consumer and settles every message exactly once: ack after the
 * handler committed, nak with the spec's backoff on failure, term once dead-lettered. The
 * loop survives broker restarts and consumer recreation; it only ends on stop().
 */
export class NatsConsumerRunner {
  private stopping = false;
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private readonly busy = new Map<JsMsg, number>();
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(
    private readonly js: JetStreamClient,
    private readonly stream: string,
    private readonly name: string,
    private readonly spec: ConsumerSpec,
    private readonly onMessage: MessageHandler,
    private readonly limiter: Limiter,
    private readonly logger: EventsLogger,
    /** Maps the wire subject back to the event subject (strips the transport's namespace). */
    private readonly subjectOf: (wireSubject: string) => string = (s) => s,
  ) {}

  /** Resolves once the first pull is open, so the bus is really consuming when start() returns. */
  async start(): Promise<void> {
    const first = await this.subscribe();
    this.loop = this.run(first);
    // Long handlers tell the broker they are alive instead of being redelivered mid-flight;
    // one sweep for all in-flight messages rather than a timer per message.
    const ackWaitMs = this.spec.ackWaitMs ?? 30_000;
    const every = Math.max(Math.floor(ackWaitMs / 3), 100);
    this.keepAlive = setInterval(() => {
      const due = Date.now() - every;
      for (const [msg, since] of this.busy) if (since <= due) msg.working();
    }, every);
    this.keepAlive.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.keepAlive);
    this.stopping = true;
    this.abort.abort();
    this.messages?.stop();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async subscribe(): Promise<ConsumerMessages> {
    const consumer = await this.js.consumers.get(this.stream, this.name);
    // Prefetch no more than can be in flight: buffered messages count against ack_wait and
    // are stuck with this process until it handles them.
    this.messages = await consumer.consume({ max_messages: Math.max(this.spec.concurrency, 16) });
    if (this.stopping) this.messages.stop();
    return this.messages;
  }

  private async run(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    while (!this.stopping) {
      try {
        messages ??= await this.subscribe();
        for await (const msg of messages) await this.dispatch(msg);
      } catch (err) {
        if (this.stopping) break;
        this.logger.warn({ err: errorMessage(err), consumer: this.name }, 'event consumer loop failed; restarting');
      }
      messages = undefined;
      if (!this.stopping) await sleep(1_000, this.abort.signal);
    }
  }

  private async dispatch(msg: JsMsg): Promise<void> {
    if (this.stopping) return msg.nak(); // hand it straight to another instance
    await this.limiter.acquire();
    if (this.stopping) {
      this.limiter.release();
      return msg.nak();
    }
    const work = this.process(msg)
      .catch((err: unknown) => {
        // Settling can throw once the connection is closing; the broker redelivers anyway.
        this.logger.warn({ err: errorMessage(err), consumer: this.name }, 'could not settle event message');
      })
      .finally(() => {
        this.limiter.release();
        this.inFlight.delete(work);
      });
    this.inFlight.add(work);
  }

  private async process(msg: JsMsg): Promise<void> {
    const attempt = msg.info.redeliveryCount;
    let envelope;
    try {
      envelope = decodeEnvelope(this.subjectOf(msg.subject), msg.headers, msg.data);
    } catch (err) {
      return this.poison(msg, errorMessage(err), attempt);
    }
    this.busy.set(msg, Date.now());
    let outcome: DeliveryOutcome;
    try {
      outcome = await this.onMessage(envelope, { attempt });
    } catch (err) {
      this.logger.error({ err: errorMessage(err), consumer: this.name }, 'event message handler threw');
      outcome = 'retry';
    } finally {
      this.busy.delete(msg);
    }
    this.settle(msg, outcome, attempt);
  }

  private settle(msg: JsMsg, outcome: DeliveryOutcome, attempt: number): void {
    if (outcome === 'ack') msg.ack();
    else if (outcome === 'dead') msg.term();
    else msg.nak(backoffDelay(this.spec.backoffMs, attempt));
  }

  private async poison(msg: JsMsg, error: string, attempt: number): Promise<void> {
    const headers = headersToRecord(msg.headers);
    const messageId = headers[HEADER.id] ?? headers['Nats-Msg-Id'] ?? `${this.stream}:${msg.seq}`;
    try {
      await this.spec.onPoison({
        subject: this.subjectOf(msg.subject),
        messageId,
        headers,
        data: bodyText(msg.data),
        error,
        attempt,
      });
      msg.term();
    } catch (err) {
      this.logger.error({ err: errorMessage(err), consumer: this.name }, 'could not dead-letter malformed message');
      msg.nak(backoffDelay(this.spec.backoffMs, attempt));
    }
  }
}
