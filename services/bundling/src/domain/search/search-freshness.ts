import type { SearchOutcome, SearchSpec } from '../../db/search.repository.ts';

/** The longest a search's answer is kept on its own proof (AnswerCache.get's `freshUntil`). */
export const PROVED_FRESH_MAX_MS = 15 * 60_000;
/** Every time zone's midnight falls on a quarter hour of UTC (offsets are whole quarters). */
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Up to when (epoch ms) a search's answer, computed at `at`, stays exactly what computing it again
 * would give while nothing is written — or undefined when it cannot tell (the default age then).
 *
 * Writes move the search version, so only the clock is left. Without dates nothing in the
 * statement reads it. With dates two things do: a slot leaves the answer once its cut-off passes
 * (the statement returns the first cut-off among the rows it found open: `clock.closesAt`), and an
 * early-booking rule ("≥ N days before") turns at midnight in the package's zone (bounded by the
 * next quarter hour). Both only ever close things: nothing opens with the clock alone.
 *
 * The proof needs the version (read before the statement) to cover every write the statement did
 * not see. A write moves the version before it commits, so the one it can miss is a write that
 * moved the version before it was read and committed after the statement's snapshot — still
 * running just before the statement. `clock.writesInFlight` false says no other transaction held
 * a transaction id then; true gives the answer the default age.
 */
export function searchFreshUntil(
  outcome: SearchOutcome,
  spec: Pick<SearchSpec, 'dates'>,
  at: number,
): number | undefined {
  if (outcome.clock.writesInFlight) return undefined;
  let until = at + PROVED_FRESH_MAX_MS;
  if (spec.dates) {
    until = Math.min(until, (Math.floor(at / QUARTER_HOUR_MS) + 1) * QUARTER_HOUR_MS);
    if (outcome.clock.closesAt !== null) until = Math.min(until, outcome.clock.closesAt);
  }
  return until;
}
