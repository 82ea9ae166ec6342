import { formatDay } from '../../packages/traveller-format.ts';

/** A day ("2026-11-30") or an instant ("2026-11-30T09:12:00Z") as a date in the UI language. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, language, 'medium');
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** "1 Nov 2026 – 30 Nov 2026", or one side alone when the other is missing. */
export function formatPeriod(start: string | null, end: string | null, language: string): string {
  if (!start && !end) return '—';
  return `${formatDate(start, language)} – ${formatDate(end, language)}`;
}

/** The booking reference travellers and e-mails quote (last eight hex digits, upper case). */
export { bookingReference } from '../../packages/traveller-format.ts';
export { formatMinor } from '../catalogue/money.ts';
