import type pg from 'pg';
import { assertEnvelope, type EventEnvelope } from './envelope.ts';
import { sleep } from './limiter.ts';
import { errorMessage, type EventsLogger } from './logger.ts';
import type { ResolvedTables } from './table-names.ts';
import type { EventTransport } from './transport.ts';

export interface RelayOptions {
  /** Fallback poll when no NOTIFY arrives (LISTEN down, or rows waiting out a backoff). */
  pollIntervalMs?: number;
  /** Rows claimed and published per round trip. */
  batchSize?: number;
  /** Cap of the per-row exponential backoff after failed publishes. */
  maxBackoffMs?: number;
  /**
   * After an enqueue in this process the relay polls on a short, growing schedule (2, 4, 8 …
   * ms) for this long, to catch the commit it cannot observe (default 1,000).
   */
  hotWindowMs?: number;
}

export interface BatchResult {
  claimed: number;
  published: number;
  failed: number;
  firstError?: string;
}

interface Row {
  id: string;
  envelope: unknown;
  attempts: number;
}

/**
 * Moves committed outbox rows to the transport. Rows are claimed with FOR UPDATE SKIP LOCKED
 * so any number of relays of the same service can run side by side without sending a row
 * twice in parallel. A row is marked sent only after the broker acknowledged it; if the
 * process dies in between, the row is re-sent later with the same message id and the
 * broker's de-duplication (then the consumers' inbox) absorbs the repeat.
 */
export class OutboxRelay {
  private stopped = true;
  private woken = false;
  private hotUntil = 0;
  private hotStep = 0;
  private sleepUntil = 0;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly hotWindowMs: number;
  published = 0;
  publishFailures = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tables: ResolvedTables,
    private readonly transport: EventTransport,
    private readonly logger: EventsLogger,
    opts: RelayOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 500;
    this.pollIntervalMs = opts.pollIntervalMs ?? 1_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 30_000;
    this.hotWindowMs = opts.hotWindowMs ?? 1_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Lets the current batch finish, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  /** Something was committed (NOTIFY): look now. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * An enqueue in this process, not yet committed: the row becomes visible within a few
   * milliseconds, so poll on a short, doubling schedule rather than now (too early) or at
   * the next poll (too late). Cheap enough to call per event.
   */
  nudge(): void {
    const now = Date.now();
    this.hotUntil = now + this.hotWindowMs;
    this.hotStep = 0;
    if (this.sleepUntil - now > 8) this.wakeUp?.(); // cut a long poll short
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let result: BatchResult = { claimed: 0, published: 0, failed: 0 };
      try {
        result = await this.relayBatch(false);
      } catch (err) {
        this.logger.warn({ err: errorMessage(err) }, 'outbox relay batch failed');
        await sleep(Math.min(this.pollIntervalMs, 1_000));
      }
      if (this.stopped) break;
      if (result.claimed === this.batchSize && result.failed === 0) continue; // more waiting
      if (result.claimed > 0) this.hotStep = 0;
      if (!this.woken) await this.idle(this.nextDelay());
    }
  }

  private nextDelay(): number {
    if (Date.now() >= this.hotUntil) return this.pollIntervalMs;
    const delay = Math.min(2 ** (this.hotStep + 1), this.pollIntervalMs);
    this.hotStep++;
    return delay;
  }

  private idle(ms: number): Promise<void> {
    this.sleepUntil = Date.now() + ms;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.sleepUntil = 0;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** Claims, publishes and marks one batch; `ignoreBackoff` is for flush(). */
  async relayBatch(ignoreBackoff: boolean): Promise<BatchResult> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // pg-pool removes its error listener while a client is checked out; a connection killed
    // mid-batch would otherwise surface as an uncaught 'error' event and crash the process.
    const onError = (err: Error) => {
      broken = err;
    };
    client.on('error', onError);
    try {
      // Statements are chained in one round trip where no parameters are needed: on a busy
      // host every round trip costs milliseconds, and the row locks are held across them.
      const claimed = (await client.query(
        `BEGIN; SELECT id, envelope, attempts FROM ${this.tables.outbox}
          WHERE sent_at IS NULL ${ignoreBackoff ? '' : 'AND next_attempt_at <= now()'}
          ORDER BY id LIMIT ${Math.trunc(this.batchSize)} FOR UPDATE SKIP LOCKED`,
      )) as unknown as pg.QueryResult<Row>[] | pg.QueryResult<Row>;
      // pg answers a multi-statement query with one result per statement.
      const rows = Array.isArray(claimed) ? (claimed[claimed.length - 1]?.rows ?? []) : claimed.rows;
      if (rows.length === 0) {
        await client.query('COMMIT');
        return emptyResult();
      }
      return await this.publishRows(client, rows);
    } catch (err) {
      broken = err instanceof Error ? err : new Error(String(err));
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  private async publishRows(client: pg.PoolClient, rows: Row[]): Promise<BatchResult> {
    const outcomes = await Promise.allSettled(rows.map(async (row) => this.transport.publish(validRow(row))));
    const sent: string[] = [];
    const failed = { ids: [] as string[], errors: [] as string[], delays: [] as number[] };
    outcomes.forEach((outcome, i) => {
      const row = rows[i] as Row;
      if (outcome.status === 'fulfilled') return void sent.push(row.id);
      failed.ids.push(row.id);
      failed.errors.push(errorMessage(outcome.reason).slice(0, 2_000));
      failed.delays.push(Math.min(this.maxBackoffMs, 500 * 2 ** Math.min(row.attempts, 16)));
    });
    if (failed.ids.length > 0) {
      await client.query(
        `UPDATE ${this.tables.outbox} AS o
            SET attempts = o.attempts + 1, last_error = f.err,
                next_attempt_at = now() + f.delay * interval '1 millisecond'
           FROM unnest($1::uuid[], $2::text[], $3::int[]) AS f(id, err, delay)
          WHERE o.id = f.id`,
        [failed.ids, failed.errors, failed.delays],
      );
      this.logger.warn(
        { failed: failed.ids.length, err: failed.errors[0] },
        'outbox relay could not publish some events; will retry',
      );
    }
    // Ids come from a uuid column, so inlining them is safe.
    const markSent =
      sent.length > 0
        ? `UPDATE ${this.tables.outbox} SET sent_at = now(), attempts = attempts + 1, last_error = NULL
            WHERE id = ANY('{${sent.join(',')}}'::uuid[]); `
        : '';
    await client.query(`${markSent}COMMIT`);
    this.published += sent.length;
    this.publishFailures += failed.ids.length;
    return { claimed: rows.length, published: sent.length, failed: failed.ids.length, firstError: failed.errors[0] };
  }

  async countPending(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${this.tables.outbox} WHERE sent_at IS NULL`,
    );
    return Number(rows[0]?.n ?? 0);
  }
}

function emptyResult(): BatchResult {
  return { claimed: 0, published: 0, failed: 0 };
}

/** A row not written by enqueue() (hand-edited SQL) must not reach the wire half-formed. */
function validRow(row: Row): EventEnvelope {
  return assertEnvelope(row.envelope);
}
