// Confirm, extend and cancel (reseller side), supplier-side cancellation and hold expiry.
import { BookingStatus, Refund } from '../octo/octo-types.ts';
import { findOption, findProduct } from '../catalogue/lookup.ts';
import type { OptionDef } from '../catalogue/catalogue-types.ts';
import { addMinutes } from '../lib/time.ts';
import { findSlot } from '../availability/slots.ts';
import { seatsOf } from '../availability/vacancy.ts';
import {
  bodyObject,
  failUnprocessable as fail,
  isObject,
  optBoolean,
  optInteger,
  optNullableString,
  optString,
} from '../octo/body.ts';
import { octoErrors } from '../octo/errors.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import type { BookingRecord, UnitItemRecord } from './booking-types.ts';
import { mergeContact, missingContactFields, parseContact } from './contact.ts';
import { DEFAULT_HOLD_MINUTES, HOLD_MINUTES_RANGE } from './reserve.ts';
import { assertSeatsAvailable } from './slot-check.ts';
import { isCancellable, transition } from './state-machine.ts';
import { checkRestrictions, mergeUnitItems, parseUnitItems } from './unit-items.ts';

export function getBooking(state: SupplierState, uuid: string): BookingRecord {
  const booking = state.bookings.get(uuid);
  if (!booking) throw octoErrors.invalidBookingUuid(uuid);
  return booking;
}

/** The booking's option, including one removed from the catalogue since it was booked. */
export function optionOf(state: SupplierState, booking: BookingRecord): OptionDef {
  const product = findProduct(state.catalogue, booking.productId);
  const option = product && findOption(product, booking.optionId, { includeRemoved: true });
  if (!option) throw new Error(`Booking ${booking.uuid} refers to an unknown option`);
  return option;
}

/** Unit items sent with a confirmation replace the held ones; extra seats must be free. */
function confirmedUnitItems(state: SupplierState, booking: BookingRecord, raw: unknown, now: Date): UnitItemRecord[] {
  const option = optionOf(state, booking);
  const inputs = parseUnitItems(raw, option, fail);
  checkRestrictions(
    option,
    inputs.map((i) => i.unitId),
    fail,
  );
  const product = findProduct(state.catalogue, booking.productId);
  const slot = product && findSlot(product, option, booking.availabilityId);
  if (product && slot && seatsOf(option, { unitItems: inputs }) > seatsOf(option, booking)) {
    assertSeatsAvailable(state, product, option, slot, inputs, now, fail, booking);
  }
  return mergeUnitItems(booking.unitItems, inputs, option, state.ids);
}

export function confirm(state: SupplierState, uuid: string, rawBody: unknown, now: Date): BookingRecord {
  const booking = getBooking(state, uuid);
  if (booking.status === BookingStatus.EXPIRED) {
    throw octoErrors.invalidBookingUuid(uuid, `The booking ${uuid} has expired and can no longer be confirmed`);
  }
  if (booking.status !== BookingStatus.ON_HOLD && booking.status !== BookingStatus.CONFIRMED) {
    throw fail(`A ${booking.status} booking cannot be confirmed`);
  }
  const body = bodyObject(rawBody, fail);
  if (!isObject(body.contact)) throw fail('contact is required to confirm a booking');
  const option = optionOf(state, booking);
  const contact = mergeContact(booking.contact, parseContact(body.contact, fail));
  const resellerReference = optString(body, 'resellerReference', fail);
  optBoolean(body, 'emailReceipt', fail);
  const missing = missingContactFields(contact, option.requiredContactFields);
  if (missing.length > 0) throw fail(`Validation failed: contact.${missing.join(', contact.')} is required`);
  const unitItems =
    body.unitItems === undefined ? booking.unitItems : confirmedUnitItems(state, booking, body.unitItems, now);
  booking.contact = contact;
  booking.unitItems = unitItems;
  if (resellerReference !== undefined) booking.resellerReference = resellerReference;
  if (booking.status === BookingStatus.ON_HOLD) transition(booking, BookingStatus.CONFIRMED, now);
  else booking.updatedAt = now;
  return booking;
}

export function extend(state: SupplierState, uuid: string, rawBody: unknown, now: Date): BookingRecord {
  const booking = getBooking(state, uuid);
  if (booking.status !== BookingStatus.ON_HOLD)
    throw fail(`Only ON_HOLD bookings can be extended (this one is ${booking.status})`);
  const body = bodyObject(rawBody, fail, true);
  const minutes = optInteger(body, 'expirationMinutes', fail, HOLD_MINUTES_RANGE) ?? DEFAULT_HOLD_MINUTES;
  booking.expiresAt = addMinutes(now, minutes);
  booking.updatedAt = now;
  return booking;
}

function markCancelled(booking: BookingRecord, reason: string | null, now: Date, bySupplier: boolean): void {
  transition(booking, BookingStatus.CANCELLED, now);
  booking.expiresAt = null;
  booking.cancellation = { refund: Refund.FULL, reason, cancelledAt: now, bySupplier };
}

export interface CancelResult {
  booking: BookingRecord;
  changed: boolean;
}

export function cancel(state: SupplierState, uuid: string, rawBody: unknown, now: Date): CancelResult {
  const booking = getBooking(state, uuid);
  const body = bodyObject(rawBody, fail, true);
  const reason = optNullableString(body, 'reason', fail) ?? null;
  // `force` needs supplier permission, which reseller keys do not have: accepted, not honoured.
  optBoolean(body, 'force', fail);
  if (booking.status === BookingStatus.CANCELLED) return { booking, changed: false };
  if (booking.status !== BookingStatus.ON_HOLD && booking.status !== BookingStatus.CONFIRMED) {
    throw fail(`A ${booking.status} booking cannot be cancelled`);
  }
  if (!isCancellable(booking, optionOf(state, booking), now)) {
    throw fail('The cancellation cut-off for this booking has passed, it can no longer be cancelled');
  }
  markCancelled(booking, reason, now, false);
  return { booking, changed: true };
}

/** The supplier cancels (weather, overbooking…): no cut-off applies. */
export function cancelBySupplier(state: SupplierState, uuid: string, reason: string | null, now: Date): BookingRecord {
  const booking = getBooking(state, uuid);
  if (booking.status !== BookingStatus.ON_HOLD && booking.status !== BookingStatus.CONFIRMED) {
    throw fail(`A ${booking.status} booking cannot be cancelled`);
  }
  markCancelled(booking, reason, now, true);
  return booking;
}

/** Holds whose utcExpiresAt has passed become EXPIRED and stop holding seats. */
export function expireHolds(state: SupplierState, now: Date): BookingRecord[] {
  const expired: BookingRecord[] = [];
  for (const booking of state.bookings.values()) {
    if (booking.status === BookingStatus.ON_HOLD && booking.expiresAt && booking.expiresAt <= now) {
      transition(booking, BookingStatus.EXPIRED, booking.expiresAt);
      expired.push(booking);
    }
  }
  return expired;
}
