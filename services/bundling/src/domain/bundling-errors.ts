import { AppError, conflict } from '@tourconnect/service-kit';

/**
 * bundling's domain errors, one factory per stable `code` (the portal translates each in
 * web/src/locales/<lang>/errors.json). Add new ones here, not inline in routes.
 */
export const notAPartnerMember = () =>
  new AppError(403, 'partner_membership_required', 'Only a member of a partner can manage a catalogue');
export const partnerRoleForbidden = () =>
  new AppError(403, 'partner_role_forbidden', 'Your role in this partner only allows reading (viewer)');
export const partnerNotVerified = () =>
  conflict('partner_not_verified', 'Only a verified partner can publish; finish verification first');

// ─── Packages, quotes and booking plans ────────────────────────────────────────────────────

type LineProblem = { path: string; code: string; message: string };
const lineProblem = (position: number, code: string, message: string): LineProblem => ({
  path: `lines.${position}`,
  code,
  message,
});

export const packageNotFound = () => new AppError(404, 'package_not_found', 'No such package');
export const itemNotFound = (position: number) =>
  new AppError(422, 'item_not_found', `Line ${position + 1}: no such item`, [
    lineProblem(position, 'item_not_found', 'no such item'),
  ]);
export const itemNotBundleable = (position: number) =>
  new AppError(422, 'item_not_bundleable', `Line ${position + 1}: its partner does not offer this item for bundling`, [
    lineProblem(position, 'item_not_bundleable', 'not bundleable by other partners'),
  ]);
export const currencyMismatch = (position: number, expected: string, found: string) =>
  new AppError(422, 'currency_mismatch', `Line ${position + 1} is priced in ${found}, the package in ${expected}`, [
    lineProblem(position, 'currency_mismatch', `${found} instead of ${expected}`),
  ]);
export const daysNeedDailyItem = (position: number) =>
  new AppError(422, 'days_need_daily_item', `Line ${position + 1}: only a daily-allotment item spans several days`, [
    lineProblem(position, 'days_need_daily_item', 'days must be 1 for a timed item'),
  ]);
export const discountExceedsMargin = (ruleId: string, marginMinor: number) =>
  new AppError(
    422,
    'discount_exceeds_margin',
    `Rule '${ruleId}' would discount more than your margin at the from-price (${marginMinor} minor units)`,
    [{ path: `discountRules.${ruleId}`, code: 'discount_exceeds_margin', message: `margin ${marginMinor}` }],
  );
export const packageItemUnavailable = (positions: readonly number[]) =>
  new AppError(
    409,
    'package_item_unavailable',
    `Line(s) ${positions.map((p) => p + 1).join(', ')}: the item is not published or its partner is not verified`,
    positions.map((p) => lineProblem(p, 'package_item_unavailable', 'item not on sale')),
  );
export const packageTransitionRefused = (status: string, transition: string) =>
  conflict('invalid_status_transition', `A package in status '${status}' cannot ${transition}`);
export const packageArchived = () => conflict('package_archived', 'An archived package cannot be changed');
export const invalidDateRange = (path: string) =>
  new AppError(400, 'validation_failed', 'The end date is before the start date', [
    { path, code: 'invalid_date_range', message: 'end before start' },
  ]);
export const duplicateRuleId = (ruleId: string) =>
  new AppError(400, 'validation_failed', `Two discount rules share the id '${ruleId}'`, [
    { path: 'discountRules', code: 'duplicate_rule', message: ruleId },
  ]);

export const packageUnavailable = () => conflict('package_unavailable', 'This package is not on sale right now');
export const outsideSaleWindow = () =>
  new AppError(422, 'outside_sale_window', 'The package cannot start on this date (outside its sale window)');
export const dateInPast = () => new AppError(422, 'date_in_past', 'This date has passed');
export const noAvailability = (position: number, date: string) =>
  new AppError(422, 'no_availability', `Line ${position + 1}: nothing on sale on ${date}`, [
    lineProblem(position, 'no_availability', date),
  ]);
export const slotRequired = (position: number, date: string) =>
  new AppError(422, 'slot_required', `Line ${position + 1}: choose one of the times on ${date}`, [
    lineProblem(position, 'slot_required', date),
  ]);
export const slotNotFound = (position: number) =>
  new AppError(422, 'slot_not_found', `Line ${position + 1}: the chosen time is not one of this item's on that date`, [
    lineProblem(position, 'slot_not_found', 'unknown slot'),
  ]);
export const unitNotOffered = (position: number, code: string) =>
  new AppError(422, 'unit_not_offered', `Line ${position + 1}: no price for '${code}' travellers`, [
    lineProblem(position, 'unit_not_offered', code),
  ]);
export const pastCutoff = (position: number) =>
  new AppError(422, 'past_cutoff', `Line ${position + 1}: too late to book this date`, [
    lineProblem(position, 'past_cutoff', 'past the booking cut-off'),
  ]);
export const partyTooLarge = (position: number, capacity: number) =>
  new AppError(
    422,
    'party_too_large',
    `Line ${position + 1}: the party needs more places than the ${capacity} it has`,
    [lineProblem(position, 'party_too_large', `capacity ${capacity}`)],
  );
/** Too few units left for the party (closed dates count as none left). Also the bookings' losing race. */
export const soldOut = (position?: number) =>
  new AppError(
    409,
    'sold_out',
    position === undefined ? 'Not enough places left' : `Line ${position + 1}: not enough places left`,
    position === undefined ? undefined : [lineProblem(position, 'sold_out', 'not enough places left')],
  );

// ─── Bookings and holds ──────────────────────────────────────────────────────────────────
export const emailUnverified = () =>
  new AppError(403, 'email_unverified', 'Verify your e-mail address first: open the link we sent to it');
export const idempotencyKeyReused = () =>
  conflict('idempotency_key_reused', 'This Idempotency-Key was already used for a different booking request');
/** A partner in the package has no Stripe account able to receive its share yet (BOOKING_REQUIRES_PAYOUT_ACCOUNTS). */
export const partnerPayoutsNotReady = () =>
  conflict(
    'partner_payouts_not_ready',
    'This package cannot be booked yet: one of its partners has not set up payouts',
  );
export const bookingNotFound = () => new AppError(404, 'booking_not_found', 'No such booking');
export const bookingNotCancellable = (status: string) =>
  conflict('booking_not_cancellable', `A booking that is ${status.replace('_', ' ')} cannot be cancelled`);
export const partyNeedsAdult = () =>
  new AppError(400, 'validation_failed', 'A party needs at least one adult or senior', [
    { path: 'adult', code: 'party_needs_adult', message: 'at least one adult or senior' },
  ]);
/** A coupon code promotions does not accept for this quote (`coupon_not_found`, `coupon_expired`, …). */
export const couponRefused = (code: string) =>
  new AppError(422, code, 'This coupon code cannot be used here', [
    { path: 'couponCode', code, message: 'coupon refused' },
  ]);

// ─── Catalogue: items, availability, images ───────────────────────────────────────────────

/** Not an item of the caller's partner, nor another partner's published bundleable one: never 403. */
export const catalogueItemNotFound = () => new AppError(404, 'item_not_found', 'No such item');
export const itemTransitionRefused = (status: string, transition: string) =>
  conflict('invalid_status_transition', `An item in status '${status}' cannot ${transition}`);
export const itemArchived = () => conflict('item_archived', 'An archived item cannot be changed');
/** Cross-field checks of an item (zod checks each field): 400 with one entry per field at fault. */
export const itemInvalid = (errors: { path: string; code: string; message: string }[]) =>
  new AppError(400, 'validation_failed', 'Some fields are not valid', errors);
export const capacityModelLocked = () =>
  conflict('capacity_model_locked', 'The capacity model cannot change once the item has availability');
export const availabilityRangeTooLong = (maxDays: number) =>
  new AppError(400, 'range_too_long', `At most ${maxDays} days at a time`, [
    { path: 'to', code: 'range_too_long', message: `at most ${maxDays} days` },
  ]);
export const availabilityRangeInverted = () =>
  new AppError(400, 'validation_failed', 'The end date is before the start date', [
    { path: 'to', code: 'invalid_date_range', message: 'end before start' },
  ]);
export const availabilityDateInPast = () =>
  new AppError(422, 'date_in_past', 'The calendar can only be changed from today on', [
    { path: 'from', code: 'date_in_past', message: 'before today' },
  ]);
export const nothingToChange = () =>
  new AppError(400, 'validation_failed', 'Say what to change: capacity, closed or price overrides', [
    { path: 'capacity', code: 'nothing_to_change', message: 'capacity, closed or priceOverrides' },
  ]);
/** Lowering capacity under what is already held and sold is refused for the whole edit. */
export const capacityBelowBooked = (dates: readonly string[]) =>
  new AppError(
    409,
    'capacity_below_booked',
    `The capacity would fall below what is already held or sold on ${dates.slice(0, 5).join(', ')}${dates.length > 5 ? '…' : ''}`,
    dates.slice(0, 50).map((date) => ({ path: 'capacity', code: 'capacity_below_booked', message: date })),
  );
export const imageNotFound = () => new AppError(404, 'image_not_found', 'No such image');
export const tooManyImages = (max: number) =>
  conflict('too_many_images', `An item or a package has at most ${max} images`);
export const unsupportedImageType = () =>
  new AppError(
    415,
    'unsupported_file_type',
    'Only JPEG, PNG and WebP images are accepted (decided by the file content)',
  );
export const imageTooLarge = (limit: number) =>
  new AppError(413, 'file_too_large', `The file is larger than ${Math.round(limit / 1024 / 1024)} MB`);
export const imageMissing = () =>
  new AppError(400, 'file_missing', 'Send the image as multipart/form-data field "file"', [
    { path: 'file', code: 'required', message: 'required' },
  ]);
export const notMultipart = () => new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data');
/** A partner that asked to be erased changes nothing any more (partners answers the same code). */
export const partnerLocked = (status: string) =>
  conflict('partner_locked', `A partner in status '${status}' cannot change its catalogue`);
