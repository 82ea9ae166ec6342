import type { SearchQuery, SearchResult } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { eligibleCampaigns, runningCampaigns, type EligibleCampaign } from '../../db/campaigns.repository.ts';
import { searchIndex, type SearchOutcome, type SearchRow, type SearchSpec } from '../../db/search.repository.ts';
import { destinationOf, queryWords } from '../search/search-params.ts';
import { campaignDay } from './campaign-day.ts';
import { pickSponsored, placeSponsored, type RankedCandidate } from './sponsored-placement.ts';

/** Discover's sponsored section shows at most this many targets. */
export const DISCOVER_SPONSORED_SIZE = 6;

/**
 * What a query offers campaigns to match: its words, the destination's words and the whole
 * destination as typed ("riva del garda"), and a region code. No words and no destination: no
 * sponsored results (nothing to be relevant to).
 */
export function campaignMatchOf(query: Pick<SearchQuery, 'q' | 'dest'>): { terms: string[]; destCode: string | null } {
  const dest = destinationOf(query.dest?.trim());
  const terms = [...queryWords(query.q), ...dest.words];
  if (!dest.code && query.dest?.trim()) terms.push(query.dest.trim());
  return { terms: [...new Set(terms.map((t) => t.toLowerCase()))], destCode: dest.code };
}

/** The campaigns that may sponsor a result of this search today (targeting and budget). */
export async function sponsoredCampaignsFor(
  db: Executor,
  query: Pick<SearchQuery, 'q' | 'dest'>,
  now: Date,
): Promise<EligibleCampaign[]> {
  const match = campaignMatchOf(query);
  if (match.terms.length === 0 && !match.destCode) return [];
  return eligibleCampaigns(db, match, campaignDay(now));
}

/**
 * The page of a search with its sponsored results placed (src/domain/campaigns/sponsored-placement.ts)
 * and the campaigns shown (their impressions). A campaign's target the search did not find
 * (other words, filters, not available for the dates and party) is not shown.
 */
export function sponsoredPage(
  outcome: SearchOutcome,
  campaigns: readonly EligibleCampaign[],
  page: { offset: number; pageSize: number },
  toResult: (row: SearchRow) => SearchResult,
): { items: SearchResult[]; shown: string[] } {
  const organic = outcome.rows.map(toResult);
  if (campaigns.length === 0 || !outcome.ranked) return { items: organic, shown: [] };
  const byTarget = new Map(outcome.ranked.map((row) => [`${row.kind}:${row.entityId}`, row]));
  const candidates = campaigns.flatMap((c): RankedCandidate<SearchResult>[] => {
    const row = byTarget.get(`${c.targetKind}:${c.targetId}`);
    if (!row) return [];
    return [
      {
        campaignId: c.id,
        targetId: c.targetId,
        cpcMinor: c.cpcMinor,
        organicRank: row.rank,
        score: row.score,
        result: { ...toResult(row), sponsored: true, campaignId: c.id },
      },
    ];
  });
  const winners = pickSponsored(candidates, outcome.topScore ?? 0, page.offset, page.pageSize);
  const items = placeSponsored(organic, winners, page.offset, (w) => w.result);
  return { items, shown: winners.map((w) => w.campaignId) };
}

/** Discover's sponsored section: running campaigns' targets (one per target, highest bid first), labelled. */
export async function discoverSponsored(
  db: Executor,
  base: SearchSpec,
  toResult: (row: SearchRow) => SearchResult,
  now: Date,
): Promise<SearchResult[]> {
  const campaigns = await runningCampaigns(db, campaignDay(now), DISCOVER_SPONSORED_SIZE * 4);
  if (campaigns.length === 0) return [];
  const found = await searchIndex(db, {
    ...base,
    kind: null,
    onlyIds: [...new Set(campaigns.map((c) => c.targetId))],
    limit: campaigns.length,
  });
  const rows = new Map(found.rows.map((row) => [`${row.kind}:${row.entityId}`, row]));
  const seen = new Set<string>();
  const shown: SearchResult[] = [];
  for (const c of campaigns) {
    const key = `${c.targetKind}:${c.targetId}`;
    const row = rows.get(key);
    if (!row || seen.has(key)) continue;
    seen.add(key);
    shown.push({ ...toResult(row), sponsored: true, campaignId: c.id });
  }
  return shown.slice(0, DISCOVER_SPONSORED_SIZE);
}
