export interface BatcherOptions<T> {
  /** Batches running at once (transactions). */
  slots: number;
  maxBatch: number;
  /**
   * While another batch is running, a small batch waits up to this long for company rather
   * than taking a free slot at once: fewer, fuller transactions (fewer commits) under load,
   * no added latency when idle.
   */
  lingerMs: number;
  /** Items that must run alone (they end the batch being formed). */
  solo(item: T): boolean;
  run(batch: T[]): Promise<void>;
}

/** Groups items queued by concurrent deliveries into bounded batches over a few slots. */
export class Batcher<T> {
  private queue: Array<{ item: T; since: number }> = [];
  private running = 0;
  private scheduled = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly minToStart: number;

  constructor(private readonly opts: BatcherOptions<T>) {
    this.minToStart = Math.max(1, Math.ceil(opts.maxBatch / 4));
  }

  push(item: T): void {
    this.queue.push({ item, since: Date.now() });
    if (this.scheduled) return;
    // Deliveries arriving in the same I/O turn join one batch.
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running < this.opts.slots && this.queue.length > 0) {
      if (this.running > 0 && this.queue.length < this.minToStart) {
        const wait = this.opts.lingerMs - (Date.now() - (this.queue[0]?.since ?? 0));
        if (wait > 0) {
          this.timer = setTimeout(() => this.drain(), wait);
          return;
        }
      }
      const batch = this.take();
      this.running++;
      void this.opts
        .run(batch)
        .catch(() => {}) // run() settles every item itself; never leave a rejection unhandled
        .finally(() => {
          this.running--;
          this.drain();
        });
    }
  }

  private take(): T[] {
    const batch: T[] = [];
    while (this.queue.length > 0 && batch.length < this.opts.maxBatch) {
      const next = (this.queue[0] as { item: T }).item;
      const alone = this.opts.solo(next);
      if (alone && batch.length > 0) break;
      this.queue.shift();
      batch.push(next);
      if (alone) break;
    }
    return batch;
  }
}
