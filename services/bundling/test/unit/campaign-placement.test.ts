import { describe, expect, it } from 'vitest';
import {
  aboveRelevanceFloor,
  pickSponsored,
  placeSponsored,
  sponsoredSlot,
  type RankedCandidate,
} from '../../src/domain/campaigns/sponsored-placement.ts';

type R = { id: string; sponsored?: boolean };
const organic = (from: number, to: number): R[] =>
  Array.from({ length: to - from }, (_, i) => ({ id: `r${from + i}` }));
const candidate = (rank: number, cpcMinor: number, extra: Partial<RankedCandidate<R>> = {}): RankedCandidate<R> => ({
  campaignId: `c${rank}-${cpcMinor}`,
  targetId: `r${rank}`,
  cpcMinor,
  organicRank: rank,
  score: 1,
  result: { id: `r${rank}`, sponsored: true },
  ...extra,
});
const place = (page: R[], winners: RankedCandidate<R>[], offset: number) =>
  placeSponsored(page, winners, offset, (w) => w.result).map((r) => (r.sponsored ? `${r.id}*` : r.id));

describe('sponsored placement', () => {
  it('lifts a result at most three positions above its organic rank', () => {
    expect([0, 1, 2, 3, 4, 8, 25].map(sponsoredSlot)).toEqual([0, 0, 0, 0, 1, 5, 22]);
  });

  it('README example: organic 9th (rank 8) shown 6th, once, the 6th–8th moving down one', () => {
    const page = organic(0, 10);
    const winners = pickSponsored([candidate(8, 30)], 1, 0, 10);
    expect(place(page, winners, 0)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r8*', 'r5', 'r6', 'r7', 'r9']);
  });

  it('shows a target ranked on a later page on the page of its slot, in addition to the organic page', () => {
    // Page 2 of size 5 holds ranks 5–9; rank 11's slot is 8.
    const winners = pickSponsored([candidate(11, 30)], 1, 5, 5);
    expect(place(organic(5, 10), winners, 5)).toEqual(['r5', 'r6', 'r7', 'r11*', 'r8', 'r9']);
    // Page 1 is too far above it.
    expect(pickSponsored([candidate(11, 30)], 1, 0, 5)).toEqual([]);
  });

  it('caps a page at two sponsored results, the highest bids', () => {
    const winners = pickSponsored([candidate(2, 10), candidate(5, 50), candidate(7, 40)], 1, 0, 10);
    expect(winners.map((w) => w.targetId)).toEqual(['r5', 'r7']);
    const shown = place(organic(0, 10), winners, 0);
    expect(shown.filter((id) => id.endsWith('*'))).toEqual(['r5*', 'r7*']);
    expect(shown).toHaveLength(10);
  });

  it('keeps one campaign per target (the higher bid) and places equal slots one after the other', () => {
    const winners = pickSponsored(
      [candidate(1, 10), candidate(1, 20, { campaignId: 'better' }), candidate(2, 15)],
      1,
      0,
      10,
    );
    expect(winners.map((w) => w.campaignId)).toEqual(['better', 'c2-15']);
    expect(place(organic(0, 5), winners, 0)).toEqual(['r1*', 'r2*', 'r0', 'r3', 'r4']);
  });

  it('shows nothing below the relevance floor (half of the best organic score)', () => {
    expect(aboveRelevanceFloor(0.5, 1)).toBe(true);
    expect(aboveRelevanceFloor(0.49, 1)).toBe(false);
    expect(pickSponsored([candidate(3, 99, { score: 0.2 })], 1, 0, 10)).toEqual([]);
  });
});
