import type { Party, SearchQuery } from '@tourconnect/contracts/http';

/** What a search without `party` prices for: two adults (as the package calendar's default). */
export const DEFAULT_PARTY: Party = { adult: 2, child: 0, infant: 0, senior: 0 };
/** `near` without `radiusKm`. */
export const DEFAULT_RADIUS_KM = 50;
const MAX_WORDS = 10;
const MAX_WORD_LENGTH = 40;
/** "IT-32", "IT", "DE-BY": a region or country code as written in the catalogue (upper case). */
const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** The words of a query: runs of letters and digits, at most ten, each at most 40 characters. */
export function queryWords(text: string | undefined): string[] {
  if (!text) return [];
  const words = text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** `dest`: a region or country code (upper case, as in the catalogue), otherwise a place by name. */
export function destinationOf(dest: string | undefined): { code: string | null; words: string[] } {
  if (!dest) return { code: null, words: [] };
  if (REGION_CODE.test(dest)) return { code: dest, words: [] };
  return { code: null, words: queryWords(dest) };
}

/** The start dates a search looks at: `date`, or `from`..`to`; null without dates. */
export function startDates(query: Pick<SearchQuery, 'date' | 'from' | 'to'>): { from: string; to: string } | null {
  if (query.date) return { from: query.date, to: query.date };
  if (query.from && query.to) return { from: query.from, to: query.to };
  return null;
}

/** No ratings exist yet: `rating` ranks by relevance, and the answer says so. */
export function appliedSort(sort: SearchQuery['sort']): 'relevance' | 'price' | 'newest' {
  return sort === 'rating' ? 'relevance' : sort;
}
