import pg from 'pg';
import { errorMessage, type EventsLogger } from './logger.ts';

/**
 * Holds one dedicated connection LISTENing on the service's outbox channel. enqueue() issues
 * NOTIFY inside the caller's transaction, which PostgreSQL delivers only on commit, so the
 * relay wakes exactly when there is something to send. Polling remains the fallback while
 * this connection is down.
 */
export class OutboxNotifier {
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly logger: EventsLogger,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.pool.options);
    let failed = false;
    const onLost = (err?: Error) => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = undefined;
      if (this.stopped) return;
      if (err) this.logger.warn({ err: err.message }, 'outbox LISTEN connection lost; polling until it is back');
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => this.onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel.replace(/"/g, '""')}"`);
      if (this.stopped) return void (await client.end());
      this.client = client;
      this.onNotify(); // notifications sent while we were not listening are gone: look once
    } catch (err) {
      this.logger.warn({ err: errorMessage(err) }, 'outbox LISTEN unavailable; relying on polling');
      failed = true;
      await client.end().catch(() => {});
      if (!this.stopped) this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), 2_000);
    this.retry.unref();
  }
}
