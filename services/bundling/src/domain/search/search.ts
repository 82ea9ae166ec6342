import {
  itemKinds,
  itemTags,
  searchKinds,
  type Locale,
  type SearchFacets,
  type SearchPage,
  type SearchQuery,
  type SearchResult,
} from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import {
  resolveTerms,
  searchIndex,
  type SearchCounts,
  type SearchOutcome,
  type SearchRow,
  type SearchSpec,
} from '../../db/search.repository.ts';
import { campaignDay } from '../campaigns/campaign-day.ts';
import { sponsoredCampaignsFor, sponsoredPage } from '../campaigns/sponsored-search.ts';
import type { BundlingContext } from '../context.ts';
import { imageUrl } from '../package-view.ts';
import { memoOf, type AnswerCache, type Memo } from './answer-cache.ts';
import { searchFreshUntil } from './search-freshness.ts';
import { occurredNow, type Interaction, type InteractionRecorder } from './interactions.ts';
import {
  appliedSort,
  DEFAULT_PARTY,
  DEFAULT_RADIUS_KM,
  destinationOf,
  queryWords,
  startDates,
} from './search-params.ts';

/** Who searched: the request id names the answer in interaction events. */
export interface SearchMeta {
  requestId: string;
  userId?: string | undefined;
}

/** A search row as the API answers it (organic: a sponsored copy is made by src/domain/campaigns). */
export function toSearchResult(row: SearchRow): SearchResult {
  return {
    kind: row.kind,
    id: row.entityId,
    title: row.title,
    summary: row.summary,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    partnerVerified: row.partnerVerified,
    sponsored: false,
    itemKinds: row.itemKinds,
    tags: row.tags,
    destination: {
      place: row.place,
      regionCode: row.regionCode,
      latitude: row.latitude,
      longitude: row.longitude,
    },
    distanceKm: row.distanceKm,
    durationMinutes: row.durationMinutes,
    durationDays: row.durationDays,
    imageUrl: row.imageId ? imageUrl(row.imageId) : null,
    price: {
      currency: row.currency,
      amountMinor: row.priceMinor,
      basis: row.startDate ? 'party' : 'from',
      date: row.startDate,
    },
    rating: null,
    publishedAt: row.publishedAt,
    score: Math.round(row.score * 10_000) / 10_000,
  };
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Every facet value, zero when nothing has it. */
function facetsOf(counts: SearchCounts | null): SearchFacets {
  const pick = <K extends string>(keys: readonly K[], found: Record<string, number> | undefined) => {
    const out = zeros(keys);
    for (const key of keys) out[key] = Number(found?.[key] ?? 0);
    return out;
  };
  return {
    kind: pick(searchKinds, counts?.kind),
    itemKind: pick(itemKinds, counts?.itemKind),
    tags: pick(itemTags, counts?.tags),
    verified: {
      verified: Number(counts?.verified.verified ?? 0),
      all: Number(counts?.verified.all ?? 0),
    },
  };
}

/** The search as the repository runs it, from a validated query (its words' corrections kept in `memo`). */
export async function searchSpecOf(
  executor: Executor,
  query: SearchQuery,
  now: Date,
  memo: Memo = (_key, load) => load(),
): Promise<{ spec: SearchSpec; corrections: SearchPage['corrections'] }> {
  const dest = destinationOf(query.dest);
  const words = queryWords(query.q);
  const terms = await memo(['terms', query.lang, words, dest.words], () =>
    resolveTerms(executor, query.lang, words, dest.words),
  );
  const spec: SearchSpec = {
    lang: query.lang,
    query: terms.query,
    dest: terms.dest,
    destCode: dest.code,
    near: query.near ? { ...query.near, radiusKm: query.radiusKm ?? DEFAULT_RADIUS_KM } : null,
    kind: query.kind ?? null,
    itemKind: query.itemKind ?? null,
    tags: query.tags ?? [],
    verifiedOnly: query.verifiedOnly ?? false,
    price:
      query.priceMin !== undefined || query.priceMax !== undefined
        ? { min: query.priceMin ?? null, max: query.priceMax ?? null, currency: query.currency ?? 'EUR' }
        : null,
    dates: startDates(query),
    party: query.party ?? DEFAULT_PARTY,
    sort: appliedSort(query.sort),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
    facets: true,
    now,
  };
  const corrections = [...(terms.query?.corrections ?? []), ...(terms.dest?.corrections ?? [])];
  return { spec, corrections };
}

/** The filters of a search as query-string pairs, for the analytics event. */
function filtersOf(query: SearchQuery): Record<string, string> {
  const filters: Record<string, string> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') filters[key] = String(value);
  };
  set('date', query.date);
  set('from', query.from);
  set('to', query.to);
  if (query.party) {
    const p = query.party;
    set('party', `${p.adult}a${p.child}c${p.infant}i${p.senior}s`);
  }
  if (query.near) set('near', `${query.near.latitude},${query.near.longitude}`);
  set('radiusKm', query.radiusKm);
  set('kind', query.kind);
  set('itemKind', query.itemKind);
  set('verifiedOnly', query.verifiedOnly);
  set('priceMin', query.priceMin);
  set('priceMax', query.priceMax);
  set('currency', query.currency);
  set('tags', query.tags?.join(','));
  set('sort', query.sort);
  set('page', query.page);
  return filters;
}

/** A search's answer is the same for every spec that differs only in its clock. */
export function specKey(spec: SearchSpec): unknown {
  return ['search', { ...spec, now: undefined }];
}

/** `searchIndex` through the request's memo, kept as long as its answer proves (search-freshness.ts). */
export function cachedSearch(memo: Memo, executor: Executor, spec: SearchSpec): Promise<SearchOutcome> {
  return memo(
    specKey(spec),
    () => searchIndex(executor, spec),
    (answer, at) => searchFreshUntil(answer, spec, at),
  );
}

/**
 * GET /api/packages/search: published packages and items of verified partners matching the
 * words in the request's language (typos corrected), the destination, the filters, and — with
 * dates — bookable for the party, priced for it. Records the search (and the results it shows)
 * for analytics without waiting for it. With `cache`, the organic answer is reused while nothing
 * it is made of changed (./answer-cache.ts); which campaigns may sponsor it is read every time.
 */
export async function searchCatalogue(
  ctx: Pick<BundlingContext, 'db'>,
  query: SearchQuery,
  meta: SearchMeta,
  recorder?: InteractionRecorder,
  now = new Date(),
  cache?: AnswerCache,
): Promise<SearchPage> {
  const memo = memoOf(ctx.db, cache, now);
  const [{ spec, corrections }, campaigns] = await Promise.all([
    searchSpecOf(ctx.db, query, now, memo),
    sponsoredCampaignsFor(ctx.db, query, now),
  ]);
  if (campaigns.length > 0) spec.rankIds = [...new Set(campaigns.map((c) => c.targetId))].sort();
  const outcome = await cachedSearch(memo, ctx.db, spec);
  const { items, shown } = sponsoredPage(
    outcome,
    campaigns,
    { offset: spec.offset, pageSize: spec.limit },
    toSearchResult,
  );
  recorder?.record(searchInteraction(query, meta, outcome.total, items, spec.offset, now));
  if (shown.length > 0) recorder?.countImpressions(shown, campaignDay(now));
  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    total: outcome.total,
    facets: facetsOf(outcome.facets),
    searchId: meta.requestId,
    lang: query.lang as Locale,
    sortApplied: spec.sort,
    party: { ...spec.party },
    corrections,
  };
}

function searchInteraction(
  query: SearchQuery,
  meta: SearchMeta,
  total: number,
  items: readonly SearchResult[],
  offset: number,
  now: Date,
): Interaction {
  return {
    kind: 'search',
    surface: 'search',
    occurredAt: occurredNow(now),
    requestId: meta.requestId,
    userId: meta.userId ?? '',
    lang: query.lang,
    query: query.q ?? '',
    destination: query.dest ?? '',
    filters: filtersOf(query),
    resultCount: total,
    results: items.map((item, index) => ({
      kind: item.kind,
      id: item.id,
      position: offset + index,
      sponsored: item.sponsored,
    })),
  };
}
