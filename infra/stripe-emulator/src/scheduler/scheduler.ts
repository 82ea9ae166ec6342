// Drives everything time-based from the emulator clock: payout timelines, the daily run
// (balance.available, automatic payouts) and webhook retries. It ticks in real time and
// steps through every due moment when the clock is advanced, so timestamps stay realistic.
import { DAY_SECONDS, dayIndex } from '../core/clock.ts';
import type { Kernel } from '../kernel.ts';
import { openDueDisputes } from '../resources/disputes.service.ts';
import { advancePayout } from '../resources/payouts.service.ts';
import { runDaily } from './automatic-payouts.ts';

export interface AdvanceReport {
  from: number;
  to: number;
  steps: number;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly k: Kernel) {}

  start(tickMs: number): void {
    this.timer = setInterval(() => this.runDue(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs everything due at the current emulator time; returns the next due time (seconds). */
  runDue(): number {
    const { k } = this;
    const now = k.clock.now();
    let next = (dayIndex(now) + 1) * DAY_SECONDS;
    while (k.store.lastScheduledDay < dayIndex(now)) {
      k.store.lastScheduledDay += 1;
      runDaily(k, k.store.lastScheduledDay * DAY_SECONDS);
      k.store.changed();
    }
    for (const payout of k.store.all('payout')) {
      if (payout.data.status !== 'pending' && payout.data.status !== 'in_transit') continue;
      const changesAt = advancePayout(k, payout, now);
      if (changesAt !== undefined && changesAt > now) next = Math.min(next, changesAt);
    }
    const disputeDue = openDueDisputes(k, now);
    if (disputeDue !== undefined) next = Math.min(next, disputeDue);
    k.webhooks.runDue();
    const webhookDue = k.webhooks.nextDueMs();
    if (webhookDue !== undefined && Math.ceil(webhookDue / 1000) > now)
      next = Math.min(next, Math.ceil(webhookDue / 1000));
    return next;
  }

  /** Moves the clock forward, stopping at each due moment on the way. */
  advance(seconds: number): AdvanceReport {
    const { k } = this;
    const from = k.clock.now();
    const target = from + Math.max(0, Math.floor(seconds));
    let steps = 0;
    for (;;) {
      const next = this.runDue();
      if (next > target) break;
      k.clock.moveTo(next);
      steps += 1;
    }
    k.clock.moveTo(target);
    this.runDue();
    k.store.clockOffsetMs = k.clock.offset;
    k.store.changed();
    return { from, to: k.clock.now(), steps };
  }
}
