// Everything the simulator remembers about one supplier (one API key).
import type { SupplierDef } from '../catalogue/catalogue-types.ts';
import { seedSupplier } from '../catalogue/seed-supplier.ts';
import type { BookingRecord } from '../bookings/booking-types.ts';
import type { FaultConfig } from '../faults/fault-types.ts';
import { createPrng, type Prng } from '../lib/prng.ts';
import type { WebhookDelivery, WebhookSubscription } from '../webhooks/webhook-types.ts';

export interface SlotOverride {
  /** Seats sold (positive) or released (negative) on the supplier's other sales channels. */
  otherChannelSold: number;
  closed: boolean;
}

export interface SupplierState {
  key: string;
  catalogue: SupplierDef;
  bookings: Map<string, BookingRecord>;
  /** slotKey → bookings on that slot, so vacancies are computed from the bookings themselves. */
  slotBookings: Map<string, Set<BookingRecord>>;
  slotOverrides: Map<string, SlotOverride>;
  ids: Prng;
  /** A separate stream, so webhook traffic does not shift booking ids. */
  webhookIds: Prng;
  subscriptions: Map<string, WebhookSubscription>;
  deliveries: WebhookDelivery[];
  faults: FaultConfig | null;
  faultPrng: Prng;
}

export function createSupplierState(key: string): SupplierState {
  return {
    key,
    catalogue: seedSupplier(key),
    bookings: new Map(),
    slotBookings: new Map(),
    slotOverrides: new Map(),
    ids: createPrng(`octo-simulator:ids:${key}`),
    webhookIds: createPrng(`octo-simulator:webhook-ids:${key}`),
    subscriptions: new Map(),
    deliveries: [],
    faults: null,
    faultPrng: createPrng(`octo-simulator:faults:${key}`),
  };
}

export function slotOverride(state: SupplierState, key: string): SlotOverride {
  let override = state.slotOverrides.get(key);
  if (!override) {
    override = { otherChannelSold: 0, closed: false };
    state.slotOverrides.set(key, override);
  }
  return override;
}
