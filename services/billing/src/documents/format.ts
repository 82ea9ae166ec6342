import type { Locale } from '@tourconnect/contracts/http';
import { formatMoney, money, toDecimalString } from '@tourconnect/money';

/** Dates on documents are the platform's (Italian) calendar dates. */
export const DOCUMENT_TIME_ZONE = 'Europe/Rome';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** '2 December 2026', '2 dicembre 2026', '2. Dezember 2026' … in the document's language. */
export function formatDate(value: Date | string, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: DOCUMENT_TIME_ZONE });
    dateFormats.set(locale, format);
  }
  // A bare YYYY-MM-DD is a calendar date: noon UTC keeps it on that day in Rome.
  const date = typeof value === 'string' && value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return format.format(date);
}

/** Locale-formatted amount ('€12.34', '12,34 €'); the PDF fonts print the no-break space as a space. */
export function formatAmount(minor: number, currency: string, locale: Locale): string {
  return formatMoney(money(minor, currency), locale).replace(/[\u00a0\u202f]/g, ' ');
}

/** The plain decimal a spreadsheet reads ('12.34', '-0.50'), exact. */
export function decimalAmount(minor: number, currency: string): string {
  return toDecimalString(money(minor, currency));
}

/** The calendar date (YYYY-MM-DD) of an instant on the platform's calendar. */
export function isoDay(value: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DOCUMENT_TIME_ZONE }).format(value);
}
