import { suggestReasonCodes, type SuggestReason } from '@tourconnect/contracts/http';
import type { SuggestModel } from './model.ts';
import {
  byScore,
  createScorer,
  defaultParams,
  type EngineParams,
  type ItemFit,
  type ScorableItem,
  type Scorer,
  type ScoringContext,
} from './score.ts';

/**
 * The suggestion engine: pure, no I/O. Given the learned model, the items and packages that
 * are on sale, open and fit the party (the caller filters them), and the trip, it ranks
 * existing packages and bundles it composes on the fly from items often booked together, each
 * with its reasons as stable codes.
 */

export interface SuggestItem extends ScorableItem {
  partnerId: string;
  partnerVerified: boolean;
  currency: string;
  regionCode: string;
  /** A stay (daily allotment sold per room or unit): a composed bundle takes at most one. */
  stay: boolean;
  /** Other partners may bundle it (it has bundle terms). */
  bundleable: boolean;
}

export interface SuggestPackage {
  id: string;
  partnerId: string;
  partnerVerified: boolean;
  currency: string;
  /** Its distinct items in line order; each must be among the request's items. */
  itemIds: readonly string[];
}

export interface TripContext extends ScoringContext {
  /** The traveller gave the dates (the items were checked against them). */
  datesGiven: boolean;
  /** Children or infants travel (every item offered prices them). */
  partyHasChildren: boolean;
}

export interface SuggestRequest {
  model: SuggestModel;
  /** Items that may be composed into bundles (on sale, open, fitting the party). */
  items: readonly SuggestItem[];
  /** Items of the packages that only score them (e.g. not open alone on the trip); never composed. */
  scoreOnlyItems?: readonly SuggestItem[];
  packages: readonly SuggestPackage[];
  context: TripContext;
  limit: number;
  params?: EngineParams;
}

export interface RankedSuggestion {
  kind: 'package' | 'composed';
  /** The package id, or "items:" + the sorted item ids joined by ",". */
  key: string;
  packageId: string | null;
  /** In bundle order: the anchor first, then each item as it was added (a package: line order). */
  itemIds: string[];
  score: number;
  reasons: SuggestReason[];
}

export function composedKey(itemIds: readonly string[]): string {
  return `items:${[...itemIds].sort().join(',')}`;
}

/**
 * Ranked suggestions, best first; equal scores put packages first, then by key, so the same
 * input always gives the same answer. A composed bundle that is an existing package's item set,
 * or shares half its items with a suggestion ranked above it, is left out.
 */
export function suggest(request: SuggestRequest): RankedSuggestion[] {
  const params = request.params ?? defaultParams;
  const { context } = request;
  const scorer = createScorer(request.model, context, params);
  const byId = new Map<string, SuggestItem>();
  const sorted = (list: readonly SuggestItem[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const item of sorted(request.scoreOnlyItems ?? [])) byId.set(item.id, item);
  for (const item of sorted(request.items)) byId.set(item.id, item);
  const fits = new Map<string, ItemFit>();
  for (const item of byId.values()) fits.set(item.id, scorer.fit(item));
  const composable = new Set(request.items.map((item) => item.id));

  const candidates: RankedSuggestion[] = [];
  const packageSets: Set<string>[] = [];
  for (const pkg of [...request.packages].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const ids = [...new Set(pkg.itemIds)];
    if (ids.length === 0 || !ids.every((id) => byId.has(id))) continue;
    packageSets.push(new Set(ids));
    candidates.push({
      kind: 'package',
      key: pkg.id,
      packageId: pkg.id,
      itemIds: ids,
      score: bundleScore(ids, fits, scorer, params),
      reasons: reasonsFor(ids, byId, fits, scorer, context, params, pkg.partnerVerified),
    });
  }
  for (const ids of compose(byId, composable, fits, scorer, context, params)) {
    candidates.push({
      kind: 'composed',
      key: composedKey(ids),
      packageId: null,
      itemIds: ids,
      score: bundleScore(ids, fits, scorer, params),
      reasons: reasonsFor(ids, byId, fits, scorer, context, params, true),
    });
  }

  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      (a.kind === b.kind ? 0 : a.kind === 'package' ? -1 : 1) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const picked: RankedSuggestion[] = [];
  for (const candidate of candidates) {
    if (picked.length >= request.limit) break;
    if (candidate.kind === 'composed') {
      const set = new Set(candidate.itemIds);
      if (packageSets.some((p) => sameSet(p, set))) continue;
      if (picked.some((s) => jaccard(new Set(s.itemIds), set) >= 0.5)) continue;
    }
    picked.push(candidate);
  }
  return picked;
}

/**
 * Bundles of 2–`maxItems` items grown greedily from each of the best `anchors` items: the next
 * item is the one with the highest fit plus Σ ln lift to the items already in, among those often
 * booked together with at least one of them and more than chance with all of them together
 * (Σ ln lift > 0), in the anchor's currency and region, of the
 * anchor's partner or bundleable by it, and at most one stay. Context items are not proposed
 * again. One bundle per anchor; duplicates collapse.
 */
function compose(
  byId: ReadonlyMap<string, SuggestItem>,
  composable: ReadonlySet<string>,
  fits: ReadonlyMap<string, ItemFit>,
  scorer: Scorer,
  context: TripContext,
  params: EngineParams,
): string[][] {
  const inContext = new Set(context.contextItemIds);
  const ranked = [...fits.values()]
    .filter((f) => composable.has(f.id) && !inContext.has(f.id) && byId.get(f.id)!.partnerVerified)
    .sort(byScore);
  const seen = new Set<string>();
  const bundles: string[][] = [];
  for (const anchorFit of ranked.slice(0, params.anchors)) {
    const anchor = byId.get(anchorFit.id)!;
    const members = [anchor];
    while (members.length < params.maxItems) {
      let best: { item: SuggestItem; gain: number } | undefined;
      for (const fit of ranked) {
        const item = byId.get(fit.id)!;
        if (members.includes(item) || !fitsBundle(item, anchor, members)) continue;
        if (!members.some((m) => scorer.linked(item.id, m.id))) continue;
        // It must go with the bundle as a whole (more than chance overall), not with one item only.
        const together = members.reduce((sum, m) => sum + scorer.logLift(item.id, m.id), 0);
        if (together <= 0) continue;
        const gain = fit.score + together;
        if (!best || gain > best.gain) best = { item, gain };
      }
      if (!best) break;
      members.push(best.item);
    }
    if (members.length < 2) continue;
    const ids = members.map((m) => m.id);
    const key = composedKey(ids);
    if (seen.has(key)) continue;
    seen.add(key);
    bundles.push(ids);
  }
  return bundles;
}

function fitsBundle(item: SuggestItem, anchor: SuggestItem, members: readonly SuggestItem[]): boolean {
  return (
    item.currency === anchor.currency &&
    item.regionCode === anchor.regionCode &&
    (item.partnerId === anchor.partnerId || item.bundleable) &&
    !(item.stay && members.some((m) => m.stay))
  );
}

/** Mean fit of the items + cohesionWeight × mean over the items after the first of the best ln lift to one before it. */
function bundleScore(
  ids: readonly string[],
  fits: ReadonlyMap<string, ItemFit>,
  scorer: Scorer,
  params: EngineParams,
): number {
  const mean = ids.reduce((sum, id) => sum + fits.get(id)!.score, 0) / ids.length;
  if (ids.length < 2) return mean;
  let cohesion = 0;
  for (let k = 1; k < ids.length; k += 1) {
    let best = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < k; j += 1) best = Math.max(best, scorer.logLift(ids[k]!, ids[j]!));
    cohesion += best;
  }
  return mean + (params.cohesionWeight * cohesion) / (ids.length - 1);
}

function reasonsFor(
  ids: readonly string[],
  byId: ReadonlyMap<string, SuggestItem>,
  fits: ReadonlyMap<string, ItemFit>,
  scorer: Scorer,
  context: TripContext,
  params: EngineParams,
  sellerVerified: boolean,
): SuggestReason[] {
  const reasons = new Set<SuggestReason>();
  const itemFits = ids.map((id) => fits.get(id)!);
  const connected =
    ids.length >= 2 && ids.every((id, k) => k === 0 || ids.slice(0, k).some((j) => scorer.linked(id, j)));
  if (connected) reasons.add('often_booked_together');
  if (itemFits.some((f) => f.linkedContext.length > 0)) reasons.add('matches_your_trip');
  const type = context.travellerType;
  if (type) {
    const friendly = ids.filter(
      (id, k) => itemFits[k]!.typeLift >= params.friendlyMinLift || byId.get(id)!.tags.includes(type),
    );
    if (friendly.length * 2 >= ids.length) reasons.add(`${type}_friendly`);
  }
  if (context.month) {
    const lift = itemFits.reduce((sum, f) => sum + f.seasonLift, 0) / itemFits.length;
    const booked = itemFits.reduce((sum, f) => sum + f.seasonBookings, 0);
    if (lift >= params.seasonMinLift && booked >= params.seasonMinCount) reasons.add('popular_this_season');
  }
  if (context.datesGiven) reasons.add('available_on_your_dates');
  if (context.partyHasChildren) reasons.add('fits_your_party');
  if (sellerVerified && ids.every((id) => byId.get(id)!.partnerVerified)) reasons.add('partner_verified');
  return suggestReasonCodes.filter((code) => reasons.has(code));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((v) => b.has(v));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const v of a) if (b.has(v)) both += 1;
  return both / (a.size + b.size - both);
}
