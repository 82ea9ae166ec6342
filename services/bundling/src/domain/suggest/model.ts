import { travellerTypes, type Party, type TravellerType } from '@tourconnect/contracts/http';

/**
 * What the suggestion engine learns from confirmed bookings: counts, nothing else. Per item
 * (and per package, and for all bookings together) how many bookings, by travel month and by
 * traveller type; per pair of items how many bookings had both. Counts can be added and taken
 * away one booking at a time, so the model is kept up to date incrementally from booking events
 * and always equals a recount over the bookings that stand.
 */

/** Counts for one subject (all bookings, an item or a package). */
export interface Counts {
  bookings: number;
  /** Bookings by travel month, January first (12 entries). */
  months: number[];
  /** Bookings by traveller type, in `travellerTypes` order (4 entries). */
  types: number[];
}

export interface SuggestModel {
  totals: Counts;
  items: Map<string, Counts>;
  packages: Map<string, Counts>;
  /** Bookings with both items: pairs.get(a).get(b), kept in both directions. */
  pairs: Map<string, Map<string, number>>;
}

/** One confirmed booking as the model learns it. */
export interface LearnedBooking {
  bookingId: string;
  packageId: string;
  /** Distinct item ids, sorted (a package may use an item on several lines). */
  itemIds: string[];
  /** Travel month of the start date, 1–12. */
  month: number;
  /** Null when the party is unknown. */
  travellerType: TravellerType | null;
}

export function emptyCounts(): Counts {
  return { bookings: 0, months: Array<number>(12).fill(0), types: Array<number>(4).fill(0) };
}

export function emptyModel(): SuggestModel {
  return { totals: emptyCounts(), items: new Map(), packages: new Map(), pairs: new Map() };
}

/** Bookings with both items (0 for an item with itself). */
export function pairCount(model: Pick<SuggestModel, 'pairs'>, a: string, b: string): number {
  return a === b ? 0 : (model.pairs.get(a)?.get(b) ?? 0);
}

/** Adds `delta` to the pair's count, in both directions; a pair back at 0 is dropped. */
export function addPair(model: Pick<SuggestModel, 'pairs'>, a: string, b: string, delta: number): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const row = model.pairs.get(x) ?? new Map<string, number>();
    model.pairs.set(x, row);
    const count = (row.get(y) ?? 0) + delta;
    if (count === 0) row.delete(y);
    else row.set(y, count);
  }
}

/** Every unordered pair of distinct ids, each once, the smaller id first. */
export function pairsOf(ids: readonly string[]): [string, string][] {
  const sorted = [...new Set(ids)].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length; j += 1) pairs.push([sorted[i]!, sorted[j]!]);
  }
  return pairs;
}

/**
 * Who travels, read from the party: children or infants make a family; otherwise one traveller
 * is solo, two a couple, more a group.
 */
export function travellerTypeOf(party: Pick<Party, 'adult' | 'child' | 'infant' | 'senior'>): TravellerType {
  if (party.child + party.infant > 0) return 'family';
  const grown = party.adult + party.senior;
  if (grown <= 1) return 'solo';
  if (grown === 2) return 'couple';
  return 'group';
}

export function typeIndex(type: TravellerType): number {
  return travellerTypes.indexOf(type);
}

/** Month (1–12) of a yyyy-mm-dd date. */
export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

/** A booking as the model learns it, from its items, start date and party (when known). */
export function learnedBooking(input: {
  bookingId: string;
  packageId: string;
  itemIds: readonly string[];
  startDate: string;
  party: Pick<Party, 'adult' | 'child' | 'infant' | 'senior'> | null;
}): LearnedBooking {
  return {
    bookingId: input.bookingId,
    packageId: input.packageId,
    itemIds: [...new Set(input.itemIds)].sort(),
    month: monthOf(input.startDate),
    travellerType: input.party ? travellerTypeOf(input.party) : null,
  };
}

function bump(counts: Counts, booking: LearnedBooking, sign: 1 | -1): void {
  counts.bookings += sign;
  counts.months[booking.month - 1]! += sign;
  if (booking.travellerType) counts.types[typeIndex(booking.travellerType)]! += sign;
}

/**
 * Adds one booking to the model (`sign` 1) or takes it away again (-1, a cancellation). The
 * caller makes sure each booking is added at most once and taken away only after it was added.
 */
export function learn(model: SuggestModel, booking: LearnedBooking, sign: 1 | -1 = 1): void {
  bump(model.totals, booking, sign);
  for (const id of booking.itemIds) {
    const counts = model.items.get(id) ?? emptyCounts();
    model.items.set(id, counts);
    bump(counts, booking, sign);
  }
  const pkg = model.packages.get(booking.packageId) ?? emptyCounts();
  model.packages.set(booking.packageId, pkg);
  bump(pkg, booking, sign);
  for (const [a, b] of pairsOf(booking.itemIds)) addPair(model, a, b, sign);
}
