// PATCH /bookings/{uuid}: change references, contact, notes, hold time, units or the slot.
// Per the spec a booking can be updated exactly when it could be cancelled.
import { BookingStatus } from '../octo/octo-types.ts';
import type { OptionDef, ProductDef } from '../catalogue/catalogue-types.ts';
import { findOption, findProduct, findUnit } from '../catalogue/lookup.ts';
import type { Slot } from '../availability/slots.ts';
import { addMinutes } from '../lib/time.ts';
import {
  bodyObject,
  failUnprocessable as fail,
  optBoolean,
  optInteger,
  optNullableString,
  optString,
  requireId,
  type JsonObject,
} from '../octo/body.ts';
import { octoErrors } from '../octo/errors.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import { reindexBooking } from './booking-index.ts';
import { slotKey, type BookingRecord } from './booking-types.ts';
import { mergeContact, parseContact } from './contact.ts';
import { getBooking, optionOf } from './lifecycle.ts';
import { HOLD_MINUTES_RANGE } from './reserve.ts';
import { assertSeatsAvailable, resolveSlot } from './slot-check.ts';
import { isCancellable } from './state-machine.ts';
import { checkRestrictions, mergeUnitItems, parseUnitItems, type UnitItemInput } from './unit-items.ts';

interface Move {
  product: ProductDef;
  option: OptionDef;
  slot: Slot;
  inputs: UnitItemInput[];
}

const MOVE_FIELDS = ['productId', 'optionId', 'availabilityId', 'unitItems'];

function planMove(state: SupplierState, booking: BookingRecord, body: JsonObject, now: Date): Move {
  const productId =
    body.productId === undefined ? booking.productId : requireId(body, 'productId', fail, octoErrors.invalidProductId);
  const product = findProduct(state.catalogue, productId);
  if (!product) throw octoErrors.invalidProductId(productId);
  const optionId =
    body.optionId === undefined ? booking.optionId : requireId(body, 'optionId', fail, octoErrors.invalidOptionId);
  const option = findOption(product, optionId);
  if (!option) throw octoErrors.invalidOptionId(optionId);
  const availabilityId =
    body.availabilityId === undefined
      ? booking.availabilityId
      : requireId(body, 'availabilityId', fail, octoErrors.invalidAvailabilityId);
  const slot = resolveSlot(product, option, availabilityId, now);
  let inputs: UnitItemInput[];
  if (body.unitItems === undefined) {
    inputs = booking.unitItems.map((item) => ({ uuid: item.uuid, unitId: item.unitId, contact: {} }));
    const stale = inputs.find((input) => !findUnit(option, input.unitId));
    if (stale) throw octoErrors.invalidUnitId(stale.unitId);
  } else {
    inputs = parseUnitItems(body.unitItems, option, fail);
  }
  checkRestrictions(
    option,
    inputs.map((i) => i.unitId),
    fail,
  );
  assertSeatsAvailable(state, product, option, slot, inputs, now, fail, booking);
  return { product, option, slot, inputs };
}

export interface UpdateResult {
  booking: BookingRecord;
  /** Slot keys whose vacancies may have changed. */
  touchedSlots: string[];
}

export function update(state: SupplierState, uuid: string, rawBody: unknown, now: Date): UpdateResult {
  const booking = getBooking(state, uuid);
  if (booking.status !== BookingStatus.ON_HOLD && booking.status !== BookingStatus.CONFIRMED) {
    throw fail(`A ${booking.status} booking cannot be updated`);
  }
  if (!isCancellable(booking, optionOf(state, booking), now)) {
    throw fail('The cancellation cut-off for this booking has passed, it can no longer be updated');
  }
  const body = bodyObject(rawBody, fail);
  const move = MOVE_FIELDS.some((f) => body[f] !== undefined) ? planMove(state, booking, body, now) : null;
  const expirationMinutes = optInteger(body, 'expirationMinutes', fail, HOLD_MINUTES_RANGE);
  if (expirationMinutes !== undefined && booking.status !== BookingStatus.ON_HOLD) {
    throw fail('expirationMinutes can only be changed while the booking is ON_HOLD');
  }
  const notes = optNullableString(body, 'notes', fail);
  const resellerReference = optString(body, 'resellerReference', fail);
  const contact = parseContact(body.contact, fail);
  optBoolean(body, 'emailReceipt', fail);

  const previousKey = slotKey(booking.productId, booking.optionId, booking.availabilityId);
  if (move) {
    booking.unitItems = mergeUnitItems(booking.unitItems, move.inputs, move.option, state.ids);
    booking.productId = move.product.id;
    booking.optionId = move.option.id;
    booking.availabilityId = move.slot.id;
    booking.localDate = move.slot.localDate;
    booking.startsAt = move.slot.start;
    reindexBooking(state, booking, previousKey);
  }
  if (expirationMinutes !== undefined) booking.expiresAt = addMinutes(now, expirationMinutes);
  if (notes !== undefined) booking.notes = notes;
  if (resellerReference !== undefined) booking.resellerReference = resellerReference;
  booking.contact = mergeContact(booking.contact, contact);
  booking.updatedAt = now;
  const newKey = slotKey(booking.productId, booking.optionId, booking.availabilityId);
  return { booking, touchedSlots: move ? [...new Set([previousKey, newKey])] : [] };
}
