// The simulator's moving parts, shared by the OCTO routes and the control surface.
import { expireHolds } from '../bookings/lifecycle.ts';
import { HangRegistry } from '../faults/hangs.ts';
import { WebhookDispatcher, type DispatcherOptions } from '../webhooks/dispatcher.ts';
import { bookingSlot, Notifier } from '../webhooks/notifier.ts';
import type { Clock } from './clock.ts';
import { SimulatorStore } from './store.ts';
import type { SupplierState } from './supplier-state.ts';

export class SimulatorRuntime {
  readonly store: SimulatorStore;
  readonly dispatcher: WebhookDispatcher;
  readonly notifier: Notifier;
  readonly hangs = new HangRegistry();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    keys: readonly string[],
    readonly clock: Clock,
    dispatcherOptions: DispatcherOptions,
  ) {
    this.store = new SimulatorStore(keys);
    this.dispatcher = new WebhookDispatcher(dispatcherOptions);
    this.notifier = new Notifier(this.dispatcher, clock);
  }

  /** Expires overdue holds (freeing their seats) and announces it. */
  sweep(state: SupplierState): void {
    const expired = expireHolds(state, this.clock.now());
    for (const booking of expired) this.notifier.bookingChanged(state, booking);
    if (expired.length > 0) this.notifier.availabilityChanged(state, expired.map(bookingSlot));
  }

  sweepAll(): void {
    for (const state of this.store.all()) this.sweep(state);
  }

  /** Holds also expire while nobody calls the API, so expiry webhooks go out on time. */
  startSweeper(intervalMs: number): void {
    this.sweeper = setInterval(() => this.sweepAll(), intervalMs);
    this.sweeper.unref();
  }

  reset(key: string): SupplierState {
    const current = this.store.get(key);
    if (current) this.dispatcher.cancelFor(current);
    return this.store.reset(key);
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.hangs.releaseAll();
    await this.dispatcher.close();
  }
}
