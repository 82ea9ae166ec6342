// POST /bookings: puts seats on hold until utcExpiresAt.
import { BookingStatus } from '../octo/octo-types.ts';
import { findOption, findProduct } from '../catalogue/lookup.ts';
import { supplierReference } from '../lib/ids.ts';
import { addMinutes } from '../lib/time.ts';
import {
  bodyObject,
  failUnprocessable as fail,
  isUuid,
  optInteger,
  optNullableString,
  optString,
  requireId,
} from '../octo/body.ts';
import type { Caps } from '../octo/capabilities.ts';
import { octoErrors } from '../octo/errors.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import { indexBooking } from './booking-index.ts';
import { emptyContact, type BookingRecord } from './booking-types.ts';
import { mergeContact, parseContact } from './contact.ts';
import { assertSeatsAvailable, resolveSlot } from './slot-check.ts';
import { checkRestrictions, mergeUnitItems, parseUnitItems } from './unit-items.ts';

export const DEFAULT_HOLD_MINUTES = 30;
export const HOLD_MINUTES_RANGE = { min: 1, max: 1440 };

export interface ReserveResult {
  booking: BookingRecord;
  created: boolean;
}

export function reserve(state: SupplierState, rawBody: unknown, now: Date, caps: Caps): ReserveResult {
  const body = bodyObject(rawBody, fail);
  const productId = requireId(body, 'productId', fail, octoErrors.invalidProductId);
  const product = findProduct(state.catalogue, productId);
  if (!product) throw octoErrors.invalidProductId(productId);
  const optionId = requireId(body, 'optionId', fail, octoErrors.invalidOptionId);
  const option = findOption(product, optionId);
  if (!option) throw octoErrors.invalidOptionId(optionId);
  const availabilityId = requireId(body, 'availabilityId', fail, octoErrors.invalidAvailabilityId);

  const uuid = optString(body, 'uuid', fail);
  if (uuid !== undefined && !isUuid(uuid)) throw fail('uuid must be a UUID');
  const existing = uuid ? state.bookings.get(uuid) : undefined;
  if (existing) {
    // The uuid is an idempotency key: a retried reservation returns the original booking.
    const same =
      existing.productId === productId && existing.optionId === optionId && existing.availabilityId === availabilityId;
    if (!same) throw fail(`The uuid ${uuid} was already used for a different booking`);
    return { booking: existing, created: false };
  }

  const slot = resolveSlot(product, option, availabilityId, now);
  const items = parseUnitItems(body.unitItems, option, fail);
  const expirationMinutes = optInteger(body, 'expirationMinutes', fail, HOLD_MINUTES_RANGE) ?? DEFAULT_HOLD_MINUTES;
  const notes = optNullableString(body, 'notes', fail) ?? null;
  const resellerReference = optString(body, 'resellerReference', fail) ?? null;
  const contact = mergeContact(emptyContact(), parseContact(body.contact, fail));
  const currency = optNullableString(body, 'currency', fail);
  if (caps.pricing && currency && currency !== state.catalogue.currency) {
    throw fail(`Currency ${currency} is not available; use ${state.catalogue.currency}`);
  }
  checkRestrictions(
    option,
    items.map((i) => i.unitId),
    fail,
  );
  assertSeatsAvailable(state, product, option, slot, items, now, fail);

  // Ids are drawn only after every check passed, so a refused request changes nothing.
  const booking: BookingRecord = {
    id: state.ids.uuid(),
    uuid: uuid ?? state.ids.uuid(),
    supplierReference: supplierReference(state.ids),
    resellerReference,
    status: BookingStatus.ON_HOLD,
    createdAt: now,
    updatedAt: now,
    expiresAt: addMinutes(now, expirationMinutes),
    confirmedAt: null,
    productId,
    optionId,
    availabilityId,
    localDate: slot.localDate,
    startsAt: slot.start,
    notes,
    contact,
    unitItems: mergeUnitItems([], items, option, state.ids),
    cancellation: null,
  };
  indexBooking(state, booking);
  return { booking, created: true };
}
