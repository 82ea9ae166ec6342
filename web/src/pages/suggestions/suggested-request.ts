import { MAX_SUGGEST_DAYS, type Locale, type Party, type TravellerType } from '@contracts/http';
import type { SuggestRequest } from '../../api/bundling-api.ts';
import { addDays } from '../packages/traveller-format.ts';
import { partyCode } from '../search/search-params.ts';

/** The trip a "Suggested for your trip" panel suggests for (what the page already knows). */
export interface SuggestedTrip {
  /** A place name (part of it), a region code or a country; shorter than 2 characters is ignored. */
  dest?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  party: Party;
  travellerType?: TravellerType | undefined;
  /** The package on screen: the engine uses it as context and never suggests it. */
  packageId?: string | undefined;
}

export const SUGGESTED_PANEL_LIMIT = 4;
const MAX_DEST_LENGTH = 80;

/**
 * The API request for a trip, kept inside what GET /api/packages/suggest accepts: a destination
 * of 2–80 characters, `to` only with `from`, and a window of at most MAX_SUGGEST_DAYS days (a
 * longer search range is cut, not refused — the panel is a side note, not worth an error).
 */
export function toSuggestRequest(trip: SuggestedTrip, lang: Locale, limit = SUGGESTED_PANEL_LIMIT): SuggestRequest {
  const dest = trip.dest?.trim().slice(0, MAX_DEST_LENGTH);
  const from = trip.from || undefined;
  let to = from && trip.to && trip.to > from ? trip.to : undefined;
  if (from && to && to > addDays(from, MAX_SUGGEST_DAYS - 1)) to = addDays(from, MAX_SUGGEST_DAYS - 1);
  return {
    dest: dest && dest.length >= 2 ? dest : undefined,
    from,
    to,
    travellerType: trip.travellerType,
    party: partyCode(trip.party),
    packageId: trip.packageId,
    lang,
    limit,
  };
}

/** Router state a result link carries so the package page can lead back to the search. */
export interface FromSearchState {
  from: string;
}

export function fromSearchState(pathname: string, search: string): FromSearchState {
  return { from: `${pathname}${search}` };
}

/** The search URL a page was opened from, or null (anything but a /search path is ignored). */
export function backToSearch(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const from = (state as { from?: unknown }).from;
  if (typeof from !== 'string') return null;
  return from === '/search' || from.startsWith('/search?') ? from : null;
}
