// Checks that a set of unit items fits into a slot right now (open for sale, enough seats).
import { AvailabilityStatus } from '../octo/octo-types.ts';
import type { OptionDef, ProductDef } from '../catalogue/catalogue-types.ts';
import { findSlot, isInWindow, type Slot } from '../availability/slots.ts';
import { seatsOf, slotState } from '../availability/vacancy.ts';
import type { Fail } from '../octo/body.ts';
import { octoErrors } from '../octo/errors.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import type { BookingRecord } from './booking-types.ts';

export function resolveSlot(product: ProductDef, option: OptionDef, availabilityId: string, now: Date): Slot {
  const slot = findSlot(product, option, availabilityId);
  if (!slot || !isInWindow(product, slot.localDate, now)) {
    throw octoErrors.invalidAvailabilityId(availabilityId);
  }
  return slot;
}

export function assertSeatsAvailable(
  state: SupplierState,
  product: ProductDef,
  option: OptionDef,
  slot: Slot,
  unitItems: readonly { unitId: string }[],
  now: Date,
  fail: Fail,
  exclude?: BookingRecord,
): void {
  const current = slotState(state, product, option, slot, now, 0, exclude);
  if (current.status === AvailabilityStatus.CLOSED) {
    throw fail(`Availability ${slot.id} is closed for sale (past its cut-off or closed by the supplier)`);
  }
  const needed = seatsOf(option, { unitItems });
  if (needed > current.vacancies) {
    throw fail(`Not enough vacancies on ${slot.id}: ${needed} requested, ${current.vacancies} left`);
  }
}
