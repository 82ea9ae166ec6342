import type { DiscoverView, Locale, Party, SearchResult } from '@tourconnect/contracts/http';
import {
  latestBookingParty,
  recentBookingCounts,
  verifiedPartnersWithPackages,
} from '../../db/search-discover.repository.ts';
import type { SearchOutcome, SearchSpec } from '../../db/search.repository.ts';
import { campaignDay } from '../campaigns/campaign-day.ts';
import { discoverSponsored } from '../campaigns/sponsored-search.ts';
import type { BundlingContext } from '../context.ts';
import { zonedDate } from '../local-time.ts';
import { suggestBundles } from '../suggest-bundles.ts';
import { occurredNow, type Interaction, type InteractionRecorder } from './interactions.ts';
import { DEFAULT_PARTY } from './search-params.ts';
import { memoOf, type AnswerCache, type Memo } from './answer-cache.ts';
import { cachedSearch, toSearchResult, type SearchMeta } from './search.ts';

/** Discover with `near` keeps to what lies within this distance of it. */
export const DISCOVER_RADIUS_KM = 100;
const SECTION_SIZE = 10;
/** Seasonal picks from this many most recently published packages. */
const SEASONAL_CANDIDATES = 100;
const PARTNERS_SIZE = 12;
const TRENDING_DAYS = 7;
/** "This month" is the calendar month where the platform's catalogue lives. */
const DISCOVER_TIME_ZONE = 'Europe/Rome';

/**
 * `near` to two decimals (about a kilometre): Discover is the same for everyone near one place, so
 * nearby visitors share one cached answer; against its 100 km radius the difference is noise.
 */
function roundedNear(near: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  return { latitude: Math.round(near.latitude * 100) / 100, longitude: Math.round(near.longitude * 100) / 100 };
}

/** The last day of the month of `date` (yyyy-mm-dd). */
export function monthEnd(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0));
  return last.toISOString().slice(0, 10);
}

/**
 * GET /api/discover: the sections of the Discover page, each honest — empty when nothing
 * qualifies, never sample data. Sponsored lists running campaigns' targets; packagesForYou the
 * suggestion engine's packages for the traveller's party (their latest booking's, else two
 * adults) over the next two weeks.
 */
export async function discover(
  ctx: Pick<BundlingContext, 'db'>,
  query: { lang: Locale; near?: { latitude: number; longitude: number } | undefined },
  meta: SearchMeta,
  recorder?: InteractionRecorder,
  now = new Date(),
  cache?: AnswerCache,
): Promise<DiscoverView> {
  const memo = memoOf(ctx.db, cache, now);
  const near = query.near ? { ...roundedNear(query.near), radiusKm: DISCOVER_RADIUS_KM } : null;
  const base: SearchSpec = {
    lang: query.lang,
    query: null,
    dest: null,
    destCode: null,
    near,
    kind: 'package',
    itemKind: null,
    tags: [],
    verifiedOnly: false,
    price: null,
    dates: null,
    party: DEFAULT_PARTY,
    sort: 'newest',
    limit: SECTION_SIZE,
    offset: 0,
    facets: false,
    now,
  };
  const today = zonedDate(now, DISCOVER_TIME_ZONE);
  const since = new Date(now.getTime() - TRENDING_DAYS * 86_400_000);
  const search = (spec: SearchSpec) => cachedSearch(memo, ctx.db, spec);
  const [partners, recent, trending, sponsored, forYou] = await Promise.all([
    memo(['discover-partners', query.lang, near], () =>
      verifiedPartnersWithPackages(ctx.db, query.lang, near, PARTNERS_SIZE),
    ),
    search({ ...base, limit: SEASONAL_CANDIDATES }),
    trendingPackages(ctx, base, since, memo, search),
    discoverSponsored(ctx.db, base, toSearchResult, now),
    packagesForYou(ctx, base, meta.userId, now, memo, search),
  ]);
  // Seasonal looks among the most recently published packages only, so its cost (every line's
  // calendar for the rest of the month) stays bounded however large the catalogue grows.
  const seasonal =
    recent.rows.length === 0
      ? { rows: [] }
      : await search({
          ...base,
          sort: 'relevance',
          onlyIds: recent.rows.map((row) => row.entityId),
          dates: { from: today, to: monthEnd(today) },
        });
  const fresh = { rows: recent.rows.slice(0, SECTION_SIZE) };
  const view: DiscoverView = {
    discoverId: meta.requestId,
    lang: query.lang,
    sponsored,
    verifiedPartners: partners.map((p) => ({ ...p, partnerVerified: true })),
    packagesForYou: forYou,
    trending,
    seasonal: seasonal.rows.map(toSearchResult),
    new: fresh.rows.map(toSearchResult),
  };
  recorder?.record(...impressions(view, meta, now));
  const campaignIds = sponsored.flatMap((r) => (r.campaignId ? [r.campaignId] : []));
  if (campaignIds.length > 0) recorder?.countImpressions(campaignIds, campaignDay(now));
  return view;
}

async function trendingPackages(
  ctx: Pick<BundlingContext, 'db'>,
  base: SearchSpec,
  since: Date,
  memo: Memo,
  search: (spec: SearchSpec) => Promise<SearchOutcome>,
): Promise<DiscoverView['trending']> {
  // More candidates than shown: some may be paused, of a suspended partner or far from `near`.
  // The window is "the last 7 days" to the minute: a cached count is at most the cache's age old.
  const counts = await memo(['discover-trending'], () => recentBookingCounts(ctx.db, since, SECTION_SIZE * 5));
  if (counts.length === 0) return [];
  const found = await search({
    ...base,
    onlyIds: counts.map((c) => c.packageId),
    limit: counts.length,
  });
  const byId = new Map(found.rows.map((row) => [row.entityId, row]));
  return counts
    .flatMap(({ packageId, bookings }) => {
      const row = byId.get(packageId);
      return row ? [{ ...toSearchResult(row), bookingsLast7Days: bookings }] : [];
    })
    .slice(0, SECTION_SIZE);
}

/** The party a signed-in traveller booked for last; two adults for anyone else. */
async function travellerParty(ctx: Pick<BundlingContext, 'db'>, userId: string | undefined): Promise<Party> {
  if (!userId) return DEFAULT_PARTY;
  const party = await latestBookingParty(ctx.db, userId);
  return party && party.adult > 0 ? party : DEFAULT_PARTY;
}

/**
 * The suggestion engine's existing packages for the traveller's party on the next two weeks
 * (src/domain/suggest-bundles.ts: ranked by what is booked together, the traveller type and the
 * season), in its order, as search cards priced for that party on those days — and, with
 * `near`, only those within reach. Composed bundles have no page of their own, so they stay on
 * the suggestion panel.
 */
async function packagesForYou(
  ctx: Pick<BundlingContext, 'db'>,
  base: SearchSpec,
  userId: string | undefined,
  now: Date,
  memo: Memo,
  search: (spec: SearchSpec) => Promise<SearchOutcome>,
): Promise<SearchResult[]> {
  const party = await travellerParty(ctx, userId);
  const suggested = await suggestBundles(ctx, undefined, { lang: base.lang, party, limit: 20 }, now, memo);
  const ids = suggested.suggestions.flatMap((s) => (s.kind === 'package' && s.packageId ? [s.packageId] : []));
  if (ids.length === 0) return [];
  const found = await search({
    ...base,
    onlyIds: ids,
    limit: ids.length,
    dates: { from: suggested.from, to: suggested.to },
    party,
  });
  const byId = new Map(found.rows.map((row) => [row.entityId, row]));
  return ids
    .flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSearchResult(row)] : [];
    })
    .slice(0, SECTION_SIZE);
}

function impressions(view: DiscoverView, meta: SearchMeta, now: Date): Interaction[] {
  const sections: [string, readonly SearchResult[]][] = [
    ['sponsored', view.sponsored],
    ['packages_for_you', view.packagesForYou],
    ['trending', view.trending],
    ['seasonal', view.seasonal],
    ['new', view.new],
  ];
  const shown: Interaction[] = sections
    .filter(([, results]) => results.length > 0)
    .map(([section, results]) => ({
      kind: 'impression',
      surface: 'discover',
      occurredAt: occurredNow(now),
      requestId: meta.requestId,
      userId: meta.userId ?? '',
      lang: view.lang,
      section,
      resultCount: results.length,
      results: results.map((r, position) => ({ kind: r.kind, id: r.id, position, sponsored: r.sponsored })),
    }));
  if (view.verifiedPartners.length > 0) {
    shown.push({
      kind: 'impression',
      surface: 'discover',
      occurredAt: occurredNow(now),
      requestId: meta.requestId,
      userId: meta.userId ?? '',
      lang: view.lang,
      section: 'verified_partners',
      resultCount: view.verifiedPartners.length,
    });
  }
  return shown;
}
