// Local-time arithmetic for the supplier's time zone. OCTO availability ids and
// localDateTimeStart carry the local wall-clock time plus the offset valid at that instant,
// so DST changes must be honoured (Intl knows the zone rules; no dependency needed).

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      timeZoneName: 'longOffset',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (east positive). */
export function offsetMinutes(timeZone: string, utcMs: number): number {
  const part = offsetFormatter(timeZone)
    .formatToParts(new Date(utcMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export function isValidLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function isValidLocalTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** The UTC instant of a local wall-clock time (two passes settle the DST offset). */
export function localToUtc(localDate: string, localTime: string, timeZone: string): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  const [hh, mm] = localTime.split(':').map(Number);
  const wallMs = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  let guess = wallMs - offsetMinutes(timeZone, wallMs) * 60_000;
  guess = wallMs - offsetMinutes(timeZone, guess) * 60_000;
  return new Date(guess);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 local date-time with offset, e.g. 2025-06-30T12:00:00+01:00. */
export function formatLocalIso(utc: Date, timeZone: string): string {
  const offset = offsetMinutes(timeZone, utc.getTime());
  const shifted = new Date(utc.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${shifted}${formatOffset(offset)}`;
}

/** The local calendar date of an instant in `timeZone`. */
export function localDateOf(utc: Date, timeZone: string): string {
  const offset = offsetMinutes(timeZone, utc.getTime());
  return new Date(utc.getTime() + offset * 60_000).toISOString().slice(0, 10);
}

/** UTC ISO 8601 without milliseconds, as OCTO examples show (2022-05-25T10:34:22Z). */
export function toUtcIso(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function addDays(localDate: string, days: number): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(localDate: string): number {
  return new Date(`${localDate}T00:00:00Z`).getUTCDay();
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** "HH:MM" plus minutes, wrapping past midnight (used for end times and opening hours). */
export function shiftLocalTime(localTime: string, minutes: number): string {
  const [hh, mm] = localTime.split(':').map(Number);
  const total = ((((hh ?? 0) * 60 + (mm ?? 0) + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
