/**
 * AI Suggest Bundles: the engine (pure, no I/O). `learn` keeps the counts a booking adds or
 * takes away; `rankItems` scores items for a trip; `suggest` ranks existing packages and bundles
 * composed from items often booked together, with their reasons. The route's offers (dates and
 * prices for the party) are in ./offer.ts.
 */
export {
  emptyCounts,
  emptyModel,
  learn,
  learnedBooking,
  monthOf,
  addPair,
  pairCount,
  pairsOf,
  travellerTypeOf,
  type Counts,
  type LearnedBooking,
  type SuggestModel,
} from './model.ts';
export {
  byScore,
  createScorer,
  defaultParams,
  rankItems,
  type EngineParams,
  type ItemFit,
  type ScorableItem,
  type Scorer,
  type ScoringContext,
} from './score.ts';
export {
  composedKey,
  suggest,
  type RankedSuggestion,
  type SuggestItem,
  type SuggestPackage,
  type SuggestRequest,
  type TripContext,
} from './suggest.ts';
