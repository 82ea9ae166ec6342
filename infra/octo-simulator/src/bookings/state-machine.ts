// Booking lifecycle: ON_HOLD → CONFIRMED → CANCELLED, and ON_HOLD → EXPIRED when
// utcExpiresAt passes. A disallowed transition is a domain error, never a silent change.
import { BookingStatus } from '../octo/octo-types.ts';
import type { OptionDef } from '../catalogue/catalogue-types.ts';
import { cancellationCutoffMinutes } from '../catalogue/lookup.ts';
import { addMinutes } from '../lib/time.ts';
import type { BookingRecord } from './booking-types.ts';

const TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  [BookingStatus.ON_HOLD]: [BookingStatus.CONFIRMED, BookingStatus.CANCELLED, BookingStatus.EXPIRED],
  [BookingStatus.CONFIRMED]: [BookingStatus.CANCELLED],
  [BookingStatus.CANCELLED]: [],
  [BookingStatus.EXPIRED]: [],
  [BookingStatus.REDEEMED]: [],
  [BookingStatus.PENDING]: [],
  [BookingStatus.REJECTED]: [],
};

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function transition(booking: BookingRecord, to: BookingStatus, at: Date): void {
  if (!canTransition(booking.status, to)) {
    throw new Error(`Illegal booking transition ${booking.status} → ${to}`);
  }
  booking.status = to;
  booking.updatedAt = at;
  if (to === BookingStatus.CONFIRMED) {
    booking.confirmedAt = at;
    booking.expiresAt = null;
  }
}

/** After this instant a confirmed booking can no longer be cancelled or changed. */
export function cancellationDeadline(booking: BookingRecord, option: OptionDef): Date {
  return addMinutes(booking.startsAt, -cancellationCutoffMinutes(option));
}

export function isCancellable(booking: BookingRecord, option: OptionDef, now: Date): boolean {
  if (booking.status === BookingStatus.ON_HOLD) return true;
  if (booking.status !== BookingStatus.CONFIRMED) return false;
  return now.getTime() < cancellationDeadline(booking, option).getTime();
}
