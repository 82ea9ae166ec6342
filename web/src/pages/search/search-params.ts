import {
  itemKinds,
  itemTags,
  isoDateSchema,
  partyCodeSchema,
  searchKinds,
  type ItemKind,
  type ItemTag,
  type Locale,
  type Party,
  type SearchKind,
} from '@contracts/http';
import type { SearchRequest } from '../../api/bundling-api.ts';

/** The sorts the page offers ("rating" is accepted by the API but no ratings exist yet). */
export const searchPageSorts = ['relevance', 'price', 'newest'] as const;
export type SearchPageSort = (typeof searchPageSorts)[number];

export const SEARCH_PAGE_SIZE = 12;
/** Price bounds in the URL are whole units of EUR (the catalogue's currency). */
export const SEARCH_CURRENCY = 'EUR';
const MINOR_PER_UNIT = 100;
const MAX_PRICE_UNITS = 1_000_000;

/** Everything a shared /search link can carry. */
export interface SearchState {
  q: string;
  from: string;
  to: string;
  party: Party;
  kind: SearchKind | '';
  itemKind: ItemKind | '';
  verified: boolean;
  /** Whole currency units, as typed ("" = no bound). */
  priceMin: string;
  priceMax: string;
  tags: ItemTag[];
  sort: SearchPageSort;
  page: number;
}

export const DEFAULT_PARTY: Party = { adult: 2, child: 0, infant: 0, senior: 0 };

const partyLetters = [
  ['adult', 'a'],
  ['child', 'c'],
  ['infant', 'i'],
  ['senior', 's'],
] as const;

/** { adult: 2, child: 1 } → "2a1c" (the API's party code). */
export function partyCode(party: Party): string {
  return partyLetters
    .filter(([band]) => party[band] > 0)
    .map(([band, letter]) => `${party[band]}${letter}`)
    .join('');
}

function isDefaultParty(party: Party): boolean {
  return partyCode(party) === partyCode(DEFAULT_PARTY);
}

const isDate = (value: string | null): value is string => !!value && isoDateSchema.safeParse(value).success;

function wholeUnits(raw: string | null): string {
  if (!raw || !/^\d{1,7}$/.test(raw)) return '';
  return Number(raw) <= MAX_PRICE_UNITS ? String(Number(raw)) : '';
}

/**
 * Reads the search from the URL. A hand-edited or stale link drops only what is invalid (an
 * unknown kind, a malformed party), never the whole search.
 */
export function readSearchState(params: URLSearchParams): SearchState {
  const from = params.get('from');
  const to = params.get('to');
  const party = partyCodeSchema.safeParse(params.get('party') ?? '');
  const kind = params.get('kind') ?? '';
  const itemKind = params.get('itemKind') ?? '';
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page') ?? '1');
  const tags = (params.get('tags') ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag): tag is ItemTag => (itemTags as readonly string[]).includes(tag));
  const validFrom = isDate(from) ? from : '';
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    from: validFrom,
    to: validFrom && isDate(to) && to >= validFrom ? to : '',
    party: party.success ? party.data : { ...DEFAULT_PARTY },
    kind: (searchKinds as readonly string[]).includes(kind) ? (kind as SearchKind) : '',
    itemKind: (itemKinds as readonly string[]).includes(itemKind) ? (itemKind as ItemKind) : '',
    verified: params.get('verified') === 'true',
    priceMin: wholeUnits(params.get('min')),
    priceMax: wholeUnits(params.get('max')),
    tags: [...new Set(tags)],
    sort: (searchPageSorts as readonly string[]).includes(sort) ? (sort as SearchPageSort) : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

/** The URL for a search: only what differs from the defaults, so links stay short. */
export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.from) params.set('from', state.from);
  if (state.from && state.to && state.to !== state.from) params.set('to', state.to);
  if (!isDefaultParty(state.party)) params.set('party', partyCode(state.party));
  if (state.kind) params.set('kind', state.kind);
  if (state.itemKind) params.set('itemKind', state.itemKind);
  if (state.verified) params.set('verified', 'true');
  if (state.priceMin) params.set('min', state.priceMin);
  if (state.priceMax) params.set('max', state.priceMax);
  if (state.tags.length > 0) params.set('tags', state.tags.join(','));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** "/search?q=…" for a query typed elsewhere (Discover's hero). */
export function searchPath(query: string): string {
  const params = writeSearchState({ ...readSearchState(new URLSearchParams()), q: query });
  const search = params.toString();
  return search ? `/search?${search}` : '/search';
}

/** The API request for a state: one day as `date`, a range as `from` + `to`; prices in minor units. */
export function toSearchRequest(state: SearchState, lang: Locale): SearchRequest {
  const range = state.from && state.to && state.to !== state.from;
  const priceMin = state.priceMin ? Number(state.priceMin) * MINOR_PER_UNIT : undefined;
  const priceMax = state.priceMax ? Number(state.priceMax) * MINOR_PER_UNIT : undefined;
  return {
    q: state.q || undefined,
    date: state.from && !range ? state.from : undefined,
    from: range ? state.from : undefined,
    to: range ? state.to : undefined,
    party: partyCode(state.party),
    kind: state.kind || undefined,
    itemKind: state.itemKind || undefined,
    verifiedOnly: state.verified || undefined,
    priceMin,
    priceMax,
    currency: priceMin !== undefined || priceMax !== undefined ? SEARCH_CURRENCY : undefined,
    tags: state.tags.length > 0 ? state.tags.join(',') : undefined,
    sort: state.sort,
    lang,
    page: state.page,
    pageSize: SEARCH_PAGE_SIZE,
  };
}
