/**
 * Calendar dates and slot times are in the item's time zone (Europe/Rome for the demo
 * catalogue); holds, cut-offs and refunds compare instants. These convert without a library:
 * Intl knows every zone's offset at an instant.
 */

/** The instant at which the wall clock in `timeZone` reads `date` (yyyy-mm-dd) `time` (HH:MM). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time || '00:00'}:00Z`);
  // Two passes settle the offset also on the days the clocks change.
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The calendar date (yyyy-mm-dd) in `timeZone` at `instant`. */
export function zonedDate(instant: Date, timeZone: string): string {
  return formatter(dateFormatters, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(
    instant,
  );
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and every booking
// and quote converts dates: one formatter per zone and purpose, kept for the process.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
  locale: string,
): Intl.DateTimeFormat {
  let found = cache.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    cache.set(timeZone, found);
  }
  return found;
}

/** yyyy-mm-dd plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function offsetMs(at: Date, timeZone: string): number {
  const fields = Object.fromEntries(
    formatter(
      wallClockFormatters,
      timeZone,
      {
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      },
      'en-US',
    )
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(fields.year),
    Number(fields.month) - 1,
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
