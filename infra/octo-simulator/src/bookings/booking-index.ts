// Keeps the slot → bookings index in step with the booking map.
import type { SupplierState } from '../state/supplier-state.ts';
import { slotKey, type BookingRecord } from './booking-types.ts';

export function indexBooking(state: SupplierState, booking: BookingRecord): void {
  state.bookings.set(booking.uuid, booking);
  const key = slotKey(booking.productId, booking.optionId, booking.availabilityId);
  let set = state.slotBookings.get(key);
  if (!set) {
    set = new Set();
    state.slotBookings.set(key, set);
  }
  set.add(booking);
}

/** Moves a booking to another slot in the index (after an update changed its slot). */
export function reindexBooking(state: SupplierState, booking: BookingRecord, previousKey: string): void {
  state.slotBookings.get(previousKey)?.delete(booking);
  indexBooking(state, booking);
}
