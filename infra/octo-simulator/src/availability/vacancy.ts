// Capacity accounting for one slot: seeded background sales + other-channel sales (control
// surface) + this API's active holds and confirmed bookings.
import { AvailabilityStatus, BookingStatus } from '../octo/octo-types.ts';
import type { OptionDef, ProductDef } from '../catalogue/catalogue-types.ts';
import type { BookingRecord } from '../bookings/booking-types.ts';
import { slotKey } from '../bookings/booking-types.ts';
import { findUnit } from '../catalogue/lookup.ts';
import { stableFraction } from '../lib/prng.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import { isInWindow, type Slot } from './slots.ts';

export interface SlotState {
  capacity: number;
  used: number;
  vacancies: number;
  overbookedBy: number;
  status: AvailabilityStatus;
  available: boolean;
}

/** Seats other resellers and walk-ins bought before we looked: stable per slot. */
export function backgroundLoad(state: SupplierState, slot: Slot, capacity: number): number {
  const label = `${state.key}|${slot.optionId}|${slot.id}`;
  if (stableFraction(`${label}|sold-out`) < 0.06) return capacity;
  return Math.floor(stableFraction(`${label}|load`) * 0.6 * capacity);
}

export function holdsSeats(booking: BookingRecord, now: Date): boolean {
  if (booking.status === BookingStatus.CONFIRMED || booking.status === BookingStatus.REDEEMED) return true;
  return booking.status === BookingStatus.ON_HOLD && (booking.expiresAt?.getTime() ?? 0) > now.getTime();
}

export function seatsOf(option: OptionDef, booking: { unitItems: readonly { unitId: string }[] }): number {
  return booking.unitItems.reduce(
    (sum, item) => sum + (findUnit(option, item.unitId, { includeRemoved: true })?.paxCount ?? 1),
    0,
  );
}

export function seatsUsedByBookings(
  state: SupplierState,
  option: OptionDef,
  slot: Slot,
  now: Date,
  exclude?: BookingRecord,
): number {
  const bookings = state.slotBookings.get(slotKey(slot.productId, slot.optionId, slot.id));
  let used = 0;
  for (const booking of bookings ?? []) {
    if (booking !== exclude && holdsSeats(booking, now)) used += seatsOf(option, booking);
  }
  return used;
}

export function slotState(
  state: SupplierState,
  product: ProductDef,
  option: OptionDef,
  slot: Slot,
  now: Date,
  demand = 0,
  exclude?: BookingRecord,
): SlotState {
  const override = state.slotOverrides.get(slotKey(slot.productId, slot.optionId, slot.id));
  const capacity = option.capacity;
  const used =
    backgroundLoad(state, slot, capacity) +
    (override?.otherChannelSold ?? 0) +
    seatsUsedByBookings(state, option, slot, now, exclude);
  const closed =
    (override?.closed ?? false) ||
    now.getTime() >= slot.cutoffAt.getTime() ||
    !isInWindow(product, slot.localDate, now);
  const free = Math.max(0, capacity - Math.max(0, used));
  const overbookedBy = Math.max(0, used - capacity);
  if (closed)
    return { capacity, used, vacancies: 0, overbookedBy, status: AvailabilityStatus.CLOSED, available: false };
  let status = AvailabilityStatus.AVAILABLE;
  if (free <= 0 || free < demand) status = AvailabilityStatus.SOLD_OUT;
  else if (free < capacity / 2) status = AvailabilityStatus.LIMITED;
  const available = status !== AvailabilityStatus.SOLD_OUT;
  return { capacity, used, vacancies: free, overbookedBy, status, available };
}
