import { timestampFromDate, type EventPayloadInit } from '@tourconnect/contracts';
import { addImpressions } from '../../db/campaigns.repository.ts';
import type { BundlingContext } from '../context.ts';

type InteractionsPayload = EventPayloadInit<'bundling.interactions.recorded.v1'>;
export type Interaction = NonNullable<InteractionsPayload['interactions']>[number];

export interface InteractionRecorderOptions {
  /** Flush at least this often while there is something to flush. */
  intervalMs?: number;
  /** Flush as soon as this many interactions are waiting. */
  maxBatch?: number;
  /** Beyond this many waiting (the database is down), the oldest are dropped. */
  maxBuffered?: number;
}

interface Logger {
  warn(obj: object, msg: string): void;
}

/**
 * Search and Discover interactions for analytics, off the request path: `record` only appends
 * to an in-memory buffer; a timer (every second, or at once when 200 are waiting) writes them as
 * ONE `bundling.interactions.recorded.v1` event in its own transaction, which the outbox relay
 * publishes. Best effort by design: a failed flush is logged and its batch dropped, the buffer
 * is bounded, and what is buffered when the process dies is lost (never a booking fact).
 */
export class InteractionRecorder {
  private buffer: Interaction[] = [];
  /** Sponsored campaigns' impressions per `campaignId|day`, written with the next batch. */
  private impressions = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly intervalMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;
  /** Interactions dropped since start (buffer full or a failed flush). */
  dropped = 0;

  constructor(
    private readonly ctx: Pick<BundlingContext, 'db' | 'publish'>,
    private readonly log: Logger,
    options: InteractionRecorderOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxBatch = options.maxBatch ?? 200;
    this.maxBuffered = options.maxBuffered ?? 10_000;
  }

  record(...interactions: Interaction[]): void {
    this.buffer.push(...interactions);
    const excess = this.buffer.length - this.maxBuffered;
    if (excess > 0) {
      this.buffer.splice(0, excess);
      this.dropped += excess;
    }
    if (this.buffer.length >= this.maxBatch) {
      void this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  /** Counts one impression of each campaign on `day` (campaign_daily_spend.impressions), flushed with the interactions. */
  countImpressions(campaignIds: readonly string[], day: string): void {
    for (const id of campaignIds) {
      const key = `${id}|${day}`;
      this.impressions.set(key, (this.impressions.get(key) ?? 0) + 1);
    }
  }

  /** Writes what is buffered (batches of at most maxBatch), one flush at a time. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** Stops the timer and writes what is left (the app's preClose, before the database closes). */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    if (this.buffer.length > 0) await this.flush();
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0 || this.impressions.size > 0) {
      const batch = this.buffer.splice(0, this.maxBatch);
      const counted = [...this.impressions].map(([key, count]) => {
        const [campaignId, day] = key.split('|') as [string, string];
        return { campaignId, day, count };
      });
      this.impressions.clear();
      try {
        await this.ctx.db.transaction(async (tx) => {
          if (batch.length > 0) {
            await this.ctx.publish(tx, 'bundling.interactions.recorded.v1', { interactions: batch });
          }
          await addImpressions(tx, counted);
        });
      } catch (error) {
        this.dropped += batch.length;
        this.log.warn({ err: error, dropped: batch.length }, 'search interactions not recorded');
        return;
      }
    }
  }
}

/** Now, as the event's Timestamp. */
export const occurredNow = (now = new Date()) => timestampFromDate(now);
