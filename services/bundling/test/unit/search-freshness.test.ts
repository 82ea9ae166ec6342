import { describe, expect, it } from 'vitest';
import type { SearchOutcome } from '../../src/db/search.repository.ts';
import { PROVED_FRESH_MAX_MS, searchFreshUntil } from '../../src/domain/search/search-freshness.ts';

// How long a search's answer may be kept without being computed again: only as long as the
// clock alone cannot change it, and never when a write may have been missed.
describe('searchFreshUntil', () => {
  const at = Date.parse('2026-12-03T10:07:30Z');
  const outcome = (clock: SearchOutcome['clock']): SearchOutcome => ({ total: 1, rows: [], facets: null, clock });
  const dated = { dates: { from: '2026-12-10', to: '2026-12-10' } };

  it('gives nothing of its own when a transaction was in flight at its snapshot', () => {
    expect(searchFreshUntil(outcome({ writesInFlight: true, closesAt: null }), { dates: null }, at)).toBeUndefined();
    expect(searchFreshUntil(outcome({ writesInFlight: true, closesAt: at + 1 }), dated, at)).toBeUndefined();
  });

  it('keeps an answer without dates for the longest bound (the clock is not in it)', () => {
    expect(searchFreshUntil(outcome({ writesInFlight: false, closesAt: null }), { dates: null }, at)).toBe(
      at + PROVED_FRESH_MAX_MS,
    );
  });

  it('ends a dated answer at the next quarter hour (a midnight somewhere) or at its first cut-off', () => {
    expect(searchFreshUntil(outcome({ writesInFlight: false, closesAt: null }), dated, at)).toBe(
      Date.parse('2026-12-03T10:15:00Z'),
    );
    const soon = Date.parse('2026-12-03T10:09:00Z');
    expect(searchFreshUntil(outcome({ writesInFlight: false, closesAt: soon }), dated, at)).toBe(soon);
    expect(searchFreshUntil(outcome({ writesInFlight: false, closesAt: at + 86_400_000 }), dated, at)).toBe(
      Date.parse('2026-12-03T10:15:00Z'),
    );
  });
});
