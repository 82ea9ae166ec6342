// The placement rule of sponsored results in a search page (README "Sponsored placement"),
// pure so it is unit-tested on its own.

/** At most this many sponsored results on one page. */
export const MAX_SPONSORED_PER_PAGE = 2;
/** A sponsored result is shown at most this many positions above its own organic rank. */
export const MAX_LIFT = 3;
/** Relevance floor: the target's own score must reach this share of the query's best organic score. */
export const RELEVANCE_FLOOR_RATIO = 0.5;

/** A campaign whose target the search found (it matches the query, the filters, the dates and party). */
export interface RankedCandidate<T> {
  campaignId: string;
  targetId: string;
  cpcMinor: number;
  /** 0-based position of the target in the whole organic order of this search. */
  organicRank: number;
  score: number;
  result: T;
}

/** The highest position (0-based, whole result list) a target ranked organically at `organicRank` may take. */
export const sponsoredSlot = (organicRank: number): number => Math.max(0, organicRank - MAX_LIFT);

/** Whether a target is relevant enough to the query to be sponsored at all. */
export const aboveRelevanceFloor = (score: number, topScore: number): boolean =>
  score >= RELEVANCE_FLOOR_RATIO * topScore;

/**
 * The campaigns that win a place on the page [offset, offset + pageSize): above the relevance
 * floor, one per target (the highest bid), whose slot falls on this page; the two highest bids
 * (ties: the better organic rank), in slot order.
 */
export function pickSponsored<T>(
  candidates: readonly RankedCandidate<T>[],
  topScore: number,
  offset: number,
  pageSize: number,
): RankedCandidate<T>[] {
  const best = new Map<string, RankedCandidate<T>>();
  for (const c of candidates) {
    if (!aboveRelevanceFloor(c.score, topScore)) continue;
    const slot = sponsoredSlot(c.organicRank);
    if (slot < offset || slot >= offset + pageSize) continue;
    const kept = best.get(c.targetId);
    if (!kept || c.cpcMinor > kept.cpcMinor) best.set(c.targetId, c);
  }
  return [...best.values()]
    .sort(
      (a, b) => b.cpcMinor - a.cpcMinor || a.organicRank - b.organicRank || a.campaignId.localeCompare(b.campaignId),
    )
    .slice(0, MAX_SPONSORED_PER_PAGE)
    .sort((a, b) => sponsoredSlot(a.organicRank) - sponsoredSlot(b.organicRank) || b.cpcMinor - a.cpcMinor);
}

/**
 * The page with the winners placed: each target's organic copy leaves the page (never shown
 * twice) and its sponsored copy goes to its slot, the organic results from there moving down
 * one. Two winners with the same slot: the higher bid first, the other just after it.
 */
export function placeSponsored<T extends { id: string }>(
  organicPage: readonly T[],
  winners: readonly RankedCandidate<T>[],
  offset: number,
  label: (winner: RankedCandidate<T>) => T,
): T[] {
  const targets = new Set(winners.map((w) => w.targetId));
  const page = organicPage.filter((r) => !targets.has(r.id));
  let previous = -1;
  for (const winner of winners) {
    const index = Math.min(page.length, Math.max(sponsoredSlot(winner.organicRank) - offset, previous + 1));
    page.splice(index, 0, label(winner));
    previous = index;
  }
  return page;
}
