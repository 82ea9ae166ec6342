// All simulated suppliers, one per API key.
import { createSupplierState, type SupplierState } from './supplier-state.ts';

export class SimulatorStore {
  private readonly suppliers = new Map<string, SupplierState>();

  constructor(keys: readonly string[]) {
    for (const key of keys) this.suppliers.set(key, createSupplierState(key));
  }

  get(key: string): SupplierState | undefined {
    return this.suppliers.get(key);
  }

  all(): SupplierState[] {
    return [...this.suppliers.values()];
  }

  /** Back to the seeded catalogue: bookings, subscriptions, overrides and faults are dropped. */
  reset(key: string): SupplierState {
    const fresh = createSupplierState(key);
    this.suppliers.set(key, fresh);
    return fresh;
  }
}
