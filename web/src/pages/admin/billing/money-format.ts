import { formatBps, formatMinor } from '../../partner/catalogue/money.ts';

export { bpsToPercentText, formatBps, percentToBps } from '../../partner/catalogue/money.ts';

/** An amount in the portal's language, or a dash when there is none. */
export function formatAmount(minor: number | null, currency: string | null, language: string): string {
  if (minor === null) return '—';
  return currency ? formatMinor(minor, currency, language) : String(minor);
}

/** A ratio (0.05) as a percentage ("5 %"). */
export function formatRate(ratio: number, language: string): string {
  return formatBps(Math.round(ratio * 10_000), language);
}

/** The first block of an id, enough to tell rows apart; the whole id is in the title. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
