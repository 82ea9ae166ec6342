// Generates the bookable slots (OCTO availabilities) of an option for a local date.
// START_TIME options get one slot per start time; OPENING_HOURS options one all-day slot.
import { AvailabilityType } from '../octo/octo-types.ts';
import type { OpeningHoursDef, OptionDef, ProductDef } from '../catalogue/catalogue-types.ts';
import {
  addDays,
  addMinutes,
  daysBetween,
  formatLocalIso,
  isValidLocalDate,
  localDateOf,
  localToUtc,
  weekdayOf,
} from '../lib/time.ts';

/** Availability is published for this many days from today (supplier local time). */
export const WINDOW_DAYS = 120;

export interface Slot {
  id: string;
  productId: string;
  optionId: string;
  localDate: string;
  start: Date;
  end: Date;
  localDateTimeStart: string;
  localDateTimeEnd: string;
  cutoffAt: Date;
  allDay: boolean;
  openingHours: OpeningHoursDef[];
}

export function todayFor(product: ProductDef, now: Date): string {
  return localDateOf(now, product.timeZone);
}

export function isOperatingDay(option: OptionDef, localDate: string): boolean {
  return !option.closedWeekdays.includes(weekdayOf(localDate));
}

export function isInWindow(product: ProductDef, localDate: string, now: Date): boolean {
  const offset = daysBetween(todayFor(product, now), localDate);
  return offset >= 0 && offset < WINDOW_DAYS;
}

function allDaySlot(product: ProductDef, option: OptionDef, localDate: string): Slot {
  const tz = product.timeZone;
  const start = localToUtc(localDate, '00:00', tz);
  const end = localToUtc(addDays(localDate, 1), '00:00', tz);
  const closes = option.openingHours.at(-1)?.to ?? '23:59';
  const localStart = formatLocalIso(start, tz);
  return {
    id: localStart,
    productId: product.id,
    optionId: option.id,
    localDate,
    start,
    end,
    localDateTimeStart: localStart,
    localDateTimeEnd: formatLocalIso(end, tz),
    cutoffAt: addMinutes(localToUtc(localDate, closes, tz), -option.bookingCutoffMinutes),
    allDay: true,
    openingHours: option.openingHours,
  };
}

function timedSlot(product: ProductDef, option: OptionDef, localDate: string, time: string): Slot {
  const tz = product.timeZone;
  const start = localToUtc(localDate, time, tz);
  const end = addMinutes(start, option.durationMinutes);
  const localStart = formatLocalIso(start, tz);
  return {
    id: localStart,
    productId: product.id,
    optionId: option.id,
    localDate,
    start,
    end,
    localDateTimeStart: localStart,
    localDateTimeEnd: formatLocalIso(end, tz),
    cutoffAt: addMinutes(start, -option.bookingCutoffMinutes),
    allDay: false,
    openingHours: [],
  };
}

/** Slots of an operating day ([] on the option's closed weekdays). Ignores the window. */
export function slotsForDate(product: ProductDef, option: OptionDef, localDate: string): Slot[] {
  if (!isOperatingDay(option, localDate)) return [];
  if (product.availabilityType === AvailabilityType.OPENING_HOURS) {
    return [allDaySlot(product, option, localDate)];
  }
  return option.startTimes.map((time) => timedSlot(product, option, localDate, time));
}

/** Resolves an availability id (its first ten characters are the local date). */
export function findSlot(product: ProductDef, option: OptionDef, availabilityId: string): Slot | undefined {
  const localDate = availabilityId.slice(0, 10);
  if (!isValidLocalDate(localDate)) return undefined;
  return slotsForDate(product, option, localDate).find((slot) => slot.id === availabilityId);
}
