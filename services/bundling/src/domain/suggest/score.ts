import { travellerTypes, type TravellerType } from '@tourconnect/contracts/http';
import { emptyCounts, pairCount, typeIndex, type Counts, type SuggestModel } from './model.ts';

/**
 * How well one item fits a trip, as a sum of log-ratios (a naive-Bayes reading of the counts):
 *
 *   score(c) = wPop·ln P(c) + wAssoc·Σ_s ln lift(c, s) + wType·ln [P(t | c) / P(t)] + wSeason·ln [P(m | c) / P(m)]
 *
 * over the context items s the traveller already has, the traveller type t and the travel month
 * m. Every ratio is smoothed towards 1 (no evidence → no effect), so a new item or a new
 * catalogue still ranks: by its tags for the traveller type, by nothing else.
 *
 * - lift(c, s) = (n(c,s) + a) / (n(c)·n(s)/N + a): bookings with both against what independence
 *   would give; below 1 for popular items never booked together.
 * - P(t | c) = (n(c,t) + α·π(c,t)) / (n(c) + α), where the prior π leans `tagBoost`× towards the
 *   types the item is tagged with (family, couple, solo, group).
 * - P(m | c) smooths the item's months over their neighbours (½ the month, ¼ each side), then
 *   shrinks towards the overall month share with weight β.
 */

export interface EngineParams {
  /** a: pseudo-bookings in the lift (shrinks rare pairs towards 1). */
  pairPrior: number;
  /** α: pseudo-bookings in the traveller-type share. */
  typePrior: number;
  /** How much more likely the prior makes a type the item is tagged with. */
  tagBoost: number;
  /** β: pseudo-bookings in the month share. */
  seasonPrior: number;
  weights: { popularity: number; association: number; type: number; season: number };
  /** A pair counts as "often booked together" from this many bookings with both… */
  linkMinCount: number;
  /** …a (smoothed) lift above this… */
  linkMinLift: number;
  /** …and this share of one of the two items' bookings (the association rule's confidence). */
  linkMinConfidence: number;
  /** A type ratio from which an item is "friendly" for the type (tags count too). */
  friendlyMinLift: number;
  /** "Popular this season": month ratio and bookings in the (smoothed) month. */
  seasonMinLift: number;
  seasonMinCount: number;
  /** Composition: how many top items start a bundle, and its size. */
  anchors: number;
  maxItems: number;
  /** Weight of a bundle's cohesion (mean log lift of each item to the ones before it). */
  cohesionWeight: number;
}

export const defaultParams: EngineParams = {
  pairPrior: 1,
  typePrior: 4,
  tagBoost: 3,
  seasonPrior: 6,
  weights: { popularity: 1, association: 1, type: 1, season: 1 },
  linkMinCount: 2,
  linkMinLift: 1,
  linkMinConfidence: 0.2,
  friendlyMinLift: 1.15,
  seasonMinLift: 1.25,
  seasonMinCount: 3,
  anchors: 12,
  maxItems: 4,
  cohesionWeight: 1,
};

/** What scoring needs of an item. */
export interface ScorableItem {
  id: string;
  tags: readonly string[];
}

export interface ScoringContext {
  travellerType: TravellerType | null;
  /** Travel month 1–12, or null. */
  month: number | null;
  /** Items the traveller already has (a package being looked at, the rest of a basket). */
  contextItemIds: readonly string[];
}

export interface ItemFit {
  id: string;
  score: number;
  /** ln P(c). */
  popularity: number;
  /** Σ ln lift to the context items. */
  association: number;
  /** P(t | c) / P(t) (1 without a type). */
  typeLift: number;
  /** P(m | c) / P(m) (1 without a month). */
  seasonLift: number;
  /** The item's bookings in the travel month (smoothed over neighbours). */
  seasonBookings: number;
  /** Context items it is often booked with. */
  linkedContext: string[];
}

export interface Scorer {
  fit(item: ScorableItem): ItemFit;
  /** ln lift(a, b) (0 when either is unknown or the model is empty). */
  logLift(a: string, b: string): number;
  /** Whether a and b are "often booked together". */
  linked(a: string, b: string): boolean;
  pairCount(a: string, b: string): number;
  counts(id: string): Counts;
}

const EMPTY = emptyCounts();

export function createScorer(model: SuggestModel, context: ScoringContext, params: EngineParams): Scorer {
  const N = model.totals.bookings;
  const itemCount = model.items.size;
  const typedTotal = model.totals.types.reduce((s, v) => s + v, 0);
  const typeShare = model.totals.types.map((v) => (v + 1) / (typedTotal + 4));
  const monthShare = model.totals.months.map((v) => (v + 1) / (N + 12));
  const counts = (id: string) => model.items.get(id) ?? EMPTY;
  const pairs = (a: string, b: string) => pairCount(model, a, b);
  const logLiftOf = (together: number, a: Counts, b: Counts): number =>
    N <= 0 ? 0 : Math.log((together + params.pairPrior) / ((a.bookings * b.bookings) / N + params.pairPrior));
  const logLift = (a: string, b: string): number => (a === b ? 0 : logLiftOf(pairs(a, b), counts(a), counts(b)));
  const minLogLift = Math.log(params.linkMinLift);
  const isLink = (together: number, logLiftValue: number, a: Counts, b: Counts) =>
    together >= params.linkMinCount &&
    logLiftValue > minLogLift &&
    together >= params.linkMinConfidence * Math.min(a.bookings, b.bookings);
  const linked = (a: string, b: string): boolean => a !== b && isLink(pairs(a, b), logLift(a, b), counts(a), counts(b));

  // Per call, not per item: the type's share, the prior's weights, the month's share.
  const type = context.travellerType;
  const t = type ? typeIndex(type) : -1;
  const month = context.month ? context.month - 1 : -1;
  const given = [...new Set(context.contextItemIds)]
    .sort()
    .map((id) => ({ id, counts: counts(id), pairs: model.pairs.get(id) }));

  const typeLiftOf = (item: ScorableItem, c: Counts): number => {
    if (t < 0) return 1;
    // The prior π(c, t): the overall type shares, `tagBoost`× for the types the item is tagged with.
    let weightSum = 0;
    let weightT = 0;
    for (let k = 0; k < 4; k += 1) {
      const weight = typeShare[k]! * (item.tags.includes(travellerTypes[k]!) ? params.tagBoost : 1);
      weightSum += weight;
      if (k === t) weightT = weight;
    }
    const typed = c.types[0]! + c.types[1]! + c.types[2]! + c.types[3]!;
    return (c.types[t]! + (params.typePrior * weightT) / weightSum) / (typed + params.typePrior) / typeShare[t]!;
  };

  const w = params.weights;
  return {
    fit(item) {
      const c = counts(item.id);
      const popularity = Math.log((c.bookings + 1) / (N + itemCount + 1));
      let association = 0;
      let linkedContext: string[] = NONE;
      for (const s of given) {
        if (s.id === item.id) continue;
        const together = s.pairs?.get(item.id) ?? 0;
        const lift = logLiftOf(together, c, s.counts);
        association += lift;
        if (isLink(together, lift, c, s.counts)) linkedContext = [...linkedContext, s.id];
      }
      const typeLift = typeLiftOf(item, c);
      let seasonLift = 1;
      let seasonBookings = 0;
      if (month >= 0) {
        seasonBookings = 0.5 * c.months[month]! + 0.25 * (c.months[(month + 11) % 12]! + c.months[(month + 1) % 12]!);
        const share = monthShare[month]!;
        seasonLift = (seasonBookings + params.seasonPrior * share) / (c.bookings + params.seasonPrior) / share;
      }
      const score =
        w.popularity * popularity +
        w.association * association +
        w.type * Math.log(typeLift) +
        w.season * Math.log(seasonLift);
      return { id: item.id, score, popularity, association, typeLift, seasonLift, seasonBookings, linkedContext };
    },
    logLift,
    linked,
    pairCount: pairs,
    counts,
  };
}

const NONE: string[] = [];

/**
 * The items ranked for a trip: best first, ties by id (so the order is the same every time).
 * Context items are left out.
 */
export function rankItems(
  model: SuggestModel,
  items: readonly ScorableItem[],
  context: ScoringContext,
  params: EngineParams = defaultParams,
): ItemFit[] {
  const scorer = createScorer(model, context, params);
  const skip = new Set(context.contextItemIds);
  return items
    .filter((item) => !skip.has(item.id))
    .map((item) => scorer.fit(item))
    .sort(byScore);
}

/** Higher score first, then id ascending. */
export function byScore(a: { score: number; id: string }, b: { score: number; id: string }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
