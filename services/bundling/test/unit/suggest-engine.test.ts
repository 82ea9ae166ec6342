import { describe, expect, it } from 'vitest';
import {
  composedKey,
  emptyModel,
  learn,
  learnedBooking,
  pairCount,
  rankItems,
  suggest,
  travellerTypeOf,
  type LearnedBooking,
  type SuggestItem,
  type SuggestModel,
  type TripContext,
} from '../../src/domain/suggest/index.ts';

// The engine on small hand-made histories: what a traveller would notice (what is suggested,
// in which order, and why), not its internal numbers.

let counter = 0;
function booking(itemIds: string[], month: number, travellerType: LearnedBooking['travellerType'] = 'couple') {
  counter += 1;
  return {
    bookingId: `b${counter}`,
    packageId: `p-${itemIds.join('+')}`,
    itemIds: [...itemIds].sort(),
    month,
    travellerType,
  };
}

function modelOf(bookings: LearnedBooking[]): SuggestModel {
  const model = emptyModel();
  for (const b of bookings) learn(model, b);
  return model;
}

function repeat<T>(times: number, make: (i: number) => T): T[] {
  return Array.from({ length: times }, (_, i) => make(i));
}

function item(id: string, overrides: Partial<SuggestItem> = {}): SuggestItem {
  return {
    id,
    tags: [],
    partnerId: 'partner-a',
    partnerVerified: true,
    currency: 'EUR',
    regionCode: 'IT-32',
    stay: false,
    bundleable: true,
    ...overrides,
  };
}

const trip = (overrides: Partial<TripContext> = {}): TripContext => ({
  travellerType: null,
  month: null,
  contextItemIds: [],
  datesGiven: false,
  partyHasChildren: false,
  ...overrides,
});

describe('learning', () => {
  it('reads the traveller type from the party', () => {
    expect(travellerTypeOf({ adult: 2, child: 1, infant: 0, senior: 0 })).toBe('family');
    expect(travellerTypeOf({ adult: 1, child: 0, infant: 1, senior: 0 })).toBe('family');
    expect(travellerTypeOf({ adult: 0, child: 0, infant: 0, senior: 1 })).toBe('solo');
    expect(travellerTypeOf({ adult: 1, child: 0, infant: 0, senior: 1 })).toBe('couple');
    expect(travellerTypeOf({ adult: 5, child: 0, infant: 0, senior: 0 })).toBe('group');
  });

  it('counts an item used on two lines once, and its month from the start date', () => {
    const learned = learnedBooking({
      bookingId: 'b',
      packageId: 'p',
      itemIds: ['hotel', 'boat', 'hotel'],
      startDate: '2027-07-14',
      party: { adult: 2, child: 0, infant: 0, senior: 0 },
    });
    expect(learned).toEqual({
      bookingId: 'b',
      packageId: 'p',
      itemIds: ['boat', 'hotel'],
      month: 7,
      travellerType: 'couple',
    });
  });

  it('takes a cancelled booking away again: the model equals one that never saw it', () => {
    const kept = booking(['a', 'b'], 6);
    const cancelled = booking(['a', 'c', 'd'], 7, 'family');
    const model = modelOf([kept, cancelled]);
    expect(pairCount(model, 'c', 'a')).toBe(1);
    learn(model, cancelled, -1);
    const only = modelOf([kept]);
    expect(model.totals).toEqual(only.totals);
    expect(model.items.get('a')).toEqual(only.items.get('a'));
    expect(model.items.get('c')?.bookings).toBe(0);
    expect(pairCount(model, 'a', 'c')).toBe(0);
    expect(pairCount(model, 'a', 'b')).toBe(1);
  });
});

describe('ranking items for a trip', () => {
  // Hotel H is booked with the boat trip B far more than chance; the cooking class C is the most
  // popular item overall but rarely with H.
  const history = [
    ...repeat(12, () => booking(['H', 'B'], 7)),
    ...repeat(30, () => booking(['C', 'X'], 7)),
    ...repeat(2, () => booking(['H', 'C'], 7)),
    ...repeat(10, () => booking(['Y', 'Z'], 7)),
  ];
  const model = modelOf(history);
  const items = ['B', 'C', 'H', 'X', 'Y', 'Z'].map((id) => ({ id, tags: [] }));

  it('puts what is often booked with the traveller’s items first, ahead of what is merely popular', () => {
    const ranked = rankItems(model, items, { travellerType: null, month: null, contextItemIds: ['H'] });
    expect(ranked[0]!.id).toBe('B');
    expect(ranked.map((r) => r.id)).not.toContain('H');
    expect(ranked[0]!.linkedContext).toEqual(['H']);
  });

  it('without context, ranks by popularity', () => {
    const ranked = rankItems(model, items, { travellerType: null, month: null, contextItemIds: [] });
    expect(ranked[0]!.id).toBe('C');
  });

  it('prefers items families book for a family, and items tagged for them when nothing is known yet', () => {
    const learnedTypes = modelOf([
      ...repeat(10, () => booking(['F1', 'shared'], 5, 'family')),
      ...repeat(10, () => booking(['K1', 'shared'], 5, 'couple')),
    ]);
    const candidates = [
      { id: 'F1', tags: [] },
      { id: 'K1', tags: [] },
    ];
    expect(
      rankItems(learnedTypes, candidates, { travellerType: 'family', month: null, contextItemIds: [] })[0]!.id,
    ).toBe('F1');
    expect(
      rankItems(learnedTypes, candidates, { travellerType: 'couple', month: null, contextItemIds: [] })[0]!.id,
    ).toBe('K1');

    const cold = emptyModel();
    const tagged = [
      { id: 'a-plain', tags: ['lake'] },
      { id: 'b-family', tags: ['family', 'lake'] },
    ];
    expect(rankItems(cold, tagged, { travellerType: 'family', month: null, contextItemIds: [] })[0]!.id).toBe(
      'b-family',
    );
  });

  it('prefers items booked in the travel month (and the months around it)', () => {
    const seasonal = modelOf([
      ...repeat(10, () => booking(['ski', 'other'], 1)),
      ...repeat(10, () => booking(['beach', 'other'], 7)),
    ]);
    const candidates = [
      { id: 'beach', tags: [] },
      { id: 'ski', tags: [] },
    ];
    expect(rankItems(seasonal, candidates, { travellerType: null, month: 2, contextItemIds: [] })[0]!.id).toBe('ski');
    expect(rankItems(seasonal, candidates, { travellerType: null, month: 8, contextItemIds: [] })[0]!.id).toBe('beach');
  });

  it('gives the same order every time, ties by id', () => {
    const cold = emptyModel();
    const candidates = ['z', 'm', 'a'].map((id) => ({ id, tags: [] }));
    const order = rankItems(cold, candidates, { travellerType: null, month: null, contextItemIds: [] }).map(
      (r) => r.id,
    );
    expect(order).toEqual(['a', 'm', 'z']);
  });
});

describe('suggestions: packages and composed bundles', () => {
  const history = [
    ...repeat(10, () => booking(['hotel', 'boat', 'dinner'], 7)),
    ...repeat(6, () => booking(['hotel', 'boat'], 7)),
    ...repeat(8, () => booking(['bike', 'picnic'], 7, 'family')),
    ...repeat(3, () => booking(['museum', 'hotel'], 3)),
    ...repeat(2, () => booking(['lonely'], 7)),
  ];
  const model = modelOf(history);
  const items = [
    item('hotel', { stay: true, partnerId: 'hotelier', bundleable: true }),
    item('boat', { partnerId: 'skipper' }),
    item('dinner', { partnerId: 'chef', tags: ['couple'] }),
    item('bike', { tags: ['family'] }),
    item('picnic', { tags: ['family'] }),
    item('museum'),
    item('lonely'),
  ];

  it('composes bundles of items often booked together, with their reasons', () => {
    const result = suggest({
      model,
      items,
      packages: [],
      context: trip({ travellerType: 'couple', month: 7 }),
      limit: 10,
    });
    const keys = result.map((s) => s.key);
    expect(keys).toContain(composedKey(['hotel', 'boat', 'dinner']));
    expect(keys).toContain(composedKey(['bike', 'picnic']));
    const trio = result.find((s) => s.key === composedKey(['hotel', 'boat', 'dinner']))!;
    expect(trio.kind).toBe('composed');
    expect(trio.packageId).toBeNull();
    expect(trio.reasons).toEqual(expect.arrayContaining(['often_booked_together', 'partner_verified']));
    expect(trio.reasons).not.toContain('available_on_your_dates');
    // Never a lone item, never an item nobody books with others.
    expect(result.every((s) => s.itemIds.length >= 2 && s.itemIds.length <= 4)).toBe(true);
    expect(result.some((s) => s.itemIds.includes('lonely'))).toBe(false);
  });

  it('says family friendly for a family, available on your dates and fits your party when they hold', () => {
    const result = suggest({
      model,
      items,
      packages: [],
      context: trip({ travellerType: 'family', month: 7, datesGiven: true, partyHasChildren: true }),
      limit: 10,
    });
    const bikes = result.find((s) => s.key === composedKey(['bike', 'picnic']))!;
    expect(bikes.reasons).toEqual([
      'often_booked_together',
      'family_friendly',
      'available_on_your_dates',
      'fits_your_party',
      'partner_verified',
    ]);
    expect(result[0]!.key).toBe(bikes.key);
  });

  it('says popular this season when its items are booked for that time of year more than others', () => {
    const yearRound = modelOf([
      ...repeat(8, (i) => booking(['ski', 'pass'], i % 2 === 0 ? 1 : 2)),
      ...repeat(24, (i) => booking(['walk', 'lunch'], 1 + (i % 12))),
    ]);
    const winter = [item('ski'), item('pass'), item('walk'), item('lunch')];
    const inFebruary = suggest({
      model: yearRound,
      items: winter,
      packages: [],
      context: trip({ month: 2 }),
      limit: 10,
    });
    expect(inFebruary[0]!.key).toBe(composedKey(['ski', 'pass']));
    expect(inFebruary[0]!.reasons).toContain('popular_this_season');
    expect(inFebruary.find((s) => s.key === composedKey(['walk', 'lunch']))!.reasons).not.toContain(
      'popular_this_season',
    );
    const inJuly = suggest({ model: yearRound, items: winter, packages: [], context: trip({ month: 7 }), limit: 10 });
    expect(inJuly[0]!.key).toBe(composedKey(['walk', 'lunch']));
    expect(inJuly.flatMap((s) => s.reasons)).not.toContain('popular_this_season');
  });

  it('keeps a bundle to one currency, one region, at most one stay and items the anchor’s partner may sell', () => {
    const mixed = [
      item('hotel', { stay: true }),
      item('boat', { currency: 'CHF' }),
      item('dinner', { regionCode: 'IT-34' }),
      item('museum', { stay: true }),
    ];
    const result = suggest({ model, items: mixed, packages: [], context: trip(), limit: 10 });
    expect(result).toEqual([]);

    const notBundleable = [item('hotel', { partnerId: 'h' }), item('boat', { partnerId: 'b', bundleable: false })];
    const onlyHotelAnchor = suggest({ model, items: notBundleable, packages: [], context: trip(), limit: 10 });
    // The boat's partner may bundle the hotel (bundleable), not the other way round.
    expect(onlyHotelAnchor.map((s) => s.itemIds)).toEqual([['boat', 'hotel']]);
  });

  it('ranks existing packages with composed bundles and drops a bundle that is a package already', () => {
    const packages = [
      {
        id: 'pkg-trio',
        partnerId: 'hotelier',
        partnerVerified: true,
        currency: 'EUR',
        itemIds: ['hotel', 'boat', 'dinner'],
      },
      { id: 'pkg-museum', partnerId: 'partner-a', partnerVerified: true, currency: 'EUR', itemIds: ['museum'] },
    ];
    const result = suggest({ model, items, packages, context: trip({ month: 7 }), limit: 10 });
    const keys = result.map((s) => s.key);
    expect(keys).toContain('pkg-trio');
    expect(keys).toContain('pkg-museum');
    expect(keys).not.toContain(composedKey(['hotel', 'boat', 'dinner']));
    expect(result.find((s) => s.key === 'pkg-trio')!.kind).toBe('package');
    expect(result.find((s) => s.key === 'pkg-museum')!.reasons).not.toContain('often_booked_together');
  });

  it('with context items, proposes what goes with them and says so', () => {
    const result = suggest({ model, items, packages: [], context: trip({ contextItemIds: ['hotel'] }), limit: 10 });
    expect(result.length).toBeGreaterThan(0);
    expect(result.every((s) => !s.itemIds.includes('hotel'))).toBe(true);
    const withBoat = result.find((s) => s.itemIds.includes('boat'))!;
    expect(withBoat.reasons).toContain('matches_your_trip');
  });

  it('is deterministic and respects the limit', () => {
    const input = {
      model,
      items,
      packages: [],
      context: trip({ travellerType: 'couple', month: 7 }),
      limit: 2,
    } as const;
    const first = suggest(input);
    const shuffled = suggest({ ...input, items: [...items].reverse() });
    expect(first).toHaveLength(2);
    expect(shuffled).toEqual(first);
  });

  it('suggests nothing composed from an empty history, but still ranks packages', () => {
    const packages = [
      { id: 'pkg-1', partnerId: 'p', partnerVerified: true, currency: 'EUR', itemIds: ['hotel', 'boat'] },
    ];
    const result = suggest({ model: emptyModel(), items, packages, context: trip(), limit: 10 });
    expect(result.map((s) => s.key)).toEqual(['pkg-1']);
  });
});
