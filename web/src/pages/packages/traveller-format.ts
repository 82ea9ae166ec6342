import type { CancellationPolicy } from '@contracts/http';
import { formatMoney, isKnownCurrency, money } from '@tourconnect/money';

/**
 * Formatting the traveller's screens share: amounts from integer minor units (exactly, through
 * @tourconnect/money, never a float), calendar dates as the destination's calendar names them,
 * the short booking reference the e-mails quote, and the cancellation policy in plain words.
 */

/** 61250 EUR → "€612.50" (en) or "612,50 €" (it, de, fr, es). */
export function formatMinor(minor: number, currency: string, language: string): string {
  if (!isKnownCurrency(currency)) return `${minor} ${currency}`;
  return formatMoney(money(minor, currency), language);
}

/**
 * A calendar date ("2031-06-14") in the UI language. It names a day, not an instant, so it is
 * formatted in UTC, where "2031-06-14T00:00Z" is that same day whatever the browser's zone.
 */
export function formatDay(isoDate: string, language: string, style: 'full' | 'long' | 'medium' = 'medium'): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/** The destination's calendar (the catalogue is in Europe/Rome): which day it is there now. */
export const TRAVEL_TIME_ZONE = 'Europe/Rome';

export function todayAtDestination(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TRAVEL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** yyyy-mm-dd plus `days`, calendar arithmetic only. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The reference a traveller can quote: the booking id's last eight hex digits, upper case
 * (services/notifications' e-mails print the same).
 */
export function bookingReference(bookingId: string): string {
  return bookingId.replace(/-/g, '').slice(-8).toUpperCase();
}

export type PolicyPart =
  | { kind: 'free'; hoursBefore: number }
  | { kind: 'partial'; percent: number; hoursBefore: number }
  | { kind: 'noneAfter' }
  | { kind: 'noRefund' };

/**
 * The policy's tiers as sentence parts, in order: "free cancellation until 7 days before",
 * "50% refund until 48 h before", "no refund after". A tier at 0 % ends the list (nothing comes
 * back from there on); a policy that never refunds is one part.
 */
export function policyParts(policy: CancellationPolicy): PolicyPart[] {
  const tiers = [...policy.tiers].sort((a, b) => b.hoursBefore - a.hoursBefore);
  const parts: PolicyPart[] = [];
  for (const tier of tiers) {
    if (tier.refundPercent === 0) break;
    parts.push(
      tier.refundPercent >= 100
        ? { kind: 'free', hoursBefore: tier.hoursBefore }
        : { kind: 'partial', percent: tier.refundPercent, hoursBefore: tier.hoursBefore },
    );
  }
  if (parts.length === 0) return [{ kind: 'noRefund' }];
  parts.push({ kind: 'noneAfter' });
  return parts;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "7 days" from 168 hours, "48 h" from 48: whole days from three days on, hours below. */
function lead(hours: number, t: Translate): string {
  if (hours >= 72 && hours % 24 === 0) return t('booking:policy.days', { count: hours / 24 });
  return t('booking:policy.hours', { count: hours });
}

/**
 * "Free cancellation until 7 days before, 50% refund until 48 h before, no refund after." in
 * the UI language (the keys name their namespace, so any `t` will do).
 */
export function policySentence(policy: CancellationPolicy, t: Translate, language: string): string {
  const text = policyParts(policy)
    .map((part) => {
      switch (part.kind) {
        case 'free':
          return part.hoursBefore === 0
            ? t('booking:policy.freeToStart')
            : t('booking:policy.free', { lead: lead(part.hoursBefore, t) });
        case 'partial':
          return part.hoursBefore === 0
            ? t('booking:policy.partialToStart', { percent: part.percent })
            : t('booking:policy.partial', { percent: part.percent, lead: lead(part.hoursBefore, t) });
        case 'noneAfter':
          return t('booking:policy.noneAfter');
        case 'noRefund':
          return t('booking:policy.noRefund');
      }
    })
    .join(t('booking:policy.separator'));
  return `${text.charAt(0).toLocaleUpperCase(language)}${text.slice(1)}${t('booking:policy.end')}`;
}

/** Adults, children, infants and seniors in a party, for display ("2 adults, 1 child"). */
export const partyBands = ['adult', 'child', 'infant', 'senior'] as const;
export type PartyBand = (typeof partyBands)[number];

export function partySummary(party: Record<string, number>, t: Translate): string {
  return partyBands
    .filter((band) => (party[band] ?? 0) > 0)
    .map((band) => t(`booking:party.count.${band}`, { count: party[band] }))
    .join(', ');
}
