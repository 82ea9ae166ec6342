import { bulkAvailabilitySchema, type AvailabilitySlot, type UnitCode } from '@contracts/http';
import type { BulkAvailabilityBody } from '../../../api/bundling-api.ts';
import { toMinor } from './money.ts';

/**
 * Calendar arithmetic on plain yyyy-mm-dd strings (UTC dates underneath, so the browser's time
 * zone and daylight-saving changes never shift a day), the month grid, per-day summaries of the
 * availability rows, and the bulk-edit form's conversion to the API's body.
 */

function parse(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = parse(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** Today in the browser's calendar. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  return format(local);
}

/** 0 = Sunday … 6 = Saturday, as the API counts weekdays. */
export function weekdayOf(iso: string): number {
  return parse(iso).getUTCDay();
}

export interface Month {
  year: number;
  /** 1–12 */
  month: number;
}

export function monthOf(iso: string): Month {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

export function shiftMonth({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthRange({ year, month }: Month): { from: string; to: string } {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const last = new Date(Date.UTC(year, month, 0));
  return { from: format(first), to: format(last) };
}

/** Weeks of the month, Monday first; days outside the month are null. */
export function monthGrid(month: Month): (string | null)[][] {
  const { from, to } = monthRange(month);
  const lead = (weekdayOf(from) + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = from; day <= to; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Monday-first weekday numbers (API numbering) for headers and toggles. */
export const mondayFirst = [1, 2, 3, 4, 5, 6, 0] as const;

export interface DaySummary {
  date: string;
  slots: AvailabilitySlot[];
  capacity: number;
  remaining: number;
  held: number;
  sold: number;
  /** Every row of the day is closed. */
  closed: boolean;
  /** Some row of the day has a price override. */
  priced: boolean;
}

export function summariseDays(slots: readonly AvailabilitySlot[]): Map<string, DaySummary> {
  const days = new Map<string, DaySummary>();
  for (const slot of slots) {
    const day = days.get(slot.date) ?? {
      date: slot.date,
      slots: [],
      capacity: 0,
      remaining: 0,
      held: 0,
      sold: 0,
      closed: true,
      priced: false,
    };
    day.slots.push(slot);
    day.capacity += slot.capacity;
    day.remaining += slot.closed ? 0 : slot.remaining;
    day.held += slot.held;
    day.sold += slot.sold;
    day.closed &&= slot.closed;
    day.priced ||= Object.keys(slot.priceOverrides).length > 0;
    days.set(slot.date, day);
  }
  for (const day of days.values()) day.slots.sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  return days;
}

export type DayTone = 'none' | 'closed' | 'sold-out' | 'low' | 'open';

export function dayTone(day: DaySummary | undefined): DayTone {
  if (!day) return 'none';
  if (day.closed) return 'closed';
  if (day.remaining === 0) return 'sold-out';
  return day.remaining * 4 <= day.capacity ? 'low' : 'open';
}

// ─── Bulk edit ──────────────────────────────────────────────────────────────────────────

export interface BulkValues {
  from: string;
  to: string;
  /** API numbering (0 = Sunday); all seven = every day. */
  weekdays: number[];
  /** The item's start times to change; all of them when every one is chosen. */
  startTimes: string[];
  capacity: string;
  state: 'keep' | 'open' | 'close';
  prices: Partial<Record<UnitCode, string>>;
  clearPrices: boolean;
}

export function emptyBulkValues(from: string, to: string, startTimes: readonly string[]): BulkValues {
  return {
    from,
    to,
    weekdays: [...mondayFirst],
    startTimes: [...startTimes],
    capacity: '',
    state: 'keep',
    prices: {},
    clearPrices: false,
  };
}

export type BulkResult =
  { ok: true; body: BulkAvailabilityBody } | { ok: false; errors: Partial<Record<string, string[]>> };

export function bulkBody(values: BulkValues, currency: string, itemStartTimes: readonly string[]): BulkResult {
  const errors: Partial<Record<string, string[]>> = {};
  const add = (path: string, code: string) => {
    const list = (errors[path] ??= []);
    if (!list.includes(code)) list.push(code);
  };
  const body: BulkAvailabilityBody = { from: values.from, to: values.to };
  if (values.weekdays.length === 0) add('weekdays', 'weekdays_required');
  else if (values.weekdays.length < 7) body.weekdays = [...values.weekdays].sort();

  if (itemStartTimes.length) {
    if (values.startTimes.length === 0) add('startTimes', 'start_times_required');
    else if (values.startTimes.length < itemStartTimes.length) body.startTimes = [...values.startTimes].sort();
  }

  const capacity = values.capacity.trim();
  if (capacity) {
    if (/^\d{1,6}$/.test(capacity)) body.capacity = Number(capacity);
    else add('capacity', 'invalid_capacity');
  }
  if (values.state !== 'keep') body.closed = values.state === 'close';

  if (values.clearPrices) {
    body.priceOverrides = null;
  } else {
    const overrides: Partial<Record<UnitCode, number>> = {};
    for (const [code, text] of Object.entries(values.prices) as [UnitCode, string][]) {
      if (!text.trim()) continue;
      const minor = toMinor(text, currency);
      if (minor === null) add(`prices.${code}`, 'invalid_amount');
      else overrides[code] = minor;
    }
    if (Object.keys(overrides).length) body.priceOverrides = overrides as Record<UnitCode, number>;
  }

  if (body.capacity === undefined && body.closed === undefined && body.priceOverrides === undefined) {
    add('form', 'nothing_to_update');
  }

  const parsed = bulkAvailabilitySchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? 'form');
      add(path, /^[a-z][a-z0-9_]*$/.test(issue.message) ? issue.message : issue.code);
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}
