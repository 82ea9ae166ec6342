import type { BulkAvailabilityInput } from '@tourconnect/contracts/http';
import { addDays, weekday, zonedInstant } from './local-time.ts';

/** How far one read or one edit of a calendar may reach. */
export const MAX_READ_DAYS = 400;
export const MAX_EDIT_DAYS = 366;

/** Whole days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export interface ItemCalendar {
  capacityModel: 'slots' | 'daily';
  startTimes: readonly string[];
  timeZone: string;
  unitCodes: readonly string[];
}

export type EditProblem = { path: string; code: string; message: string };

/** Field problems of an edit against the item: start times and overridden units it does not have. */
export function editProblems(item: ItemCalendar, input: BulkAvailabilityInput): EditProblem[] {
  const problems: EditProblem[] = [];
  (input.startTimes ?? []).forEach((time, i) => {
    if (item.capacityModel === 'daily' || !item.startTimes.includes(time)) {
      problems.push({ path: `startTimes.${i}`, code: 'unknown_start_time', message: `not a start time of the item` });
    }
  });
  for (const code of Object.keys(input.priceOverrides ?? {})) {
    if (!item.unitCodes.includes(code)) {
      problems.push({ path: `priceOverrides.${code}`, code: 'unit_not_on_item', message: `the item has no '${code}'` });
    }
  }
  return problems;
}

/**
 * Every (date, start time) an edit touches: dates from..to on the listed weekdays, each slot
 * start time of the item (or the given ones; '' for a daily allotment), with the instant the
 * slot starts in the item's time zone.
 */
export function editTargets(item: ItemCalendar, input: BulkAvailabilityInput) {
  const weekdays = new Set(input.weekdays ?? [0, 1, 2, 3, 4, 5, 6]);
  const times =
    item.capacityModel === 'daily' ? [''] : [...new Set(input.startTimes?.length ? input.startTimes : item.startTimes)];
  const targets: { date: string; startTime: string; startsAt: Date }[] = [];
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    if (!weekdays.has(weekday(date))) continue;
    for (const time of times) {
      targets.push({ date, startTime: time, startsAt: zonedInstant(date, time || '00:00', item.timeZone) });
    }
  }
  return targets;
}
