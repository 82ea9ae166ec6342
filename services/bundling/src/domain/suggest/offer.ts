import type { Breakdown, Locale, Party } from '@tourconnect/contracts/http';
import type { AvailabilityRow, LineItem, PackageRow, PartnerRef } from '../../db/packages.repository.ts';
import {
  consumptionOf,
  inSaleWindow,
  isPastCutoff,
  isPersonItem,
  lineDates,
  partyUnits,
  remainingOf,
} from '../booking-plan.ts';
import { addDays, zonedDate } from '../local-time.ts';
import { namedBreakdown, pricingLine, priceLines, type LineDates, type PricedUnit } from '../package-pricing.ts';
import { isSellable } from '../sellable.ts';

/**
 * Offers for suggestions (pure: rows in, priced offers out): when an item or a package can be
 * taken within the trip by the party, and at what price. The same rules as a quote — a date or
 * slot open and not past its cut-off, enough units left for the party, every traveller's age band
 * priced, the package's sale window — so a suggestion that shows a price can be quoted.
 */

export interface Trip {
  /** First and last day (inclusive). */
  from: string;
  to: string;
  /** Given by the traveller: a stay then covers every night from `from` to the night before `to`. */
  datesGiven: boolean;
  party: Party;
  now: Date;
}

/** Rows by `${itemId}|${date}`, each day's rows in start-time order. */
export type RowsByDay = ReadonlyMap<string, readonly AvailabilityRow[]>;

export function rowsByDay(rows: readonly AvailabilityRow[]): Map<string, AvailabilityRow[]> {
  const byDay = new Map<string, AvailabilityRow[]>();
  for (const row of [...rows].sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0))) {
    const key = `${row.itemId}|${row.date}`;
    const list = byDay.get(key) ?? [];
    list.push(row);
    byDay.set(key, list);
  }
  return byDay;
}

/** An item (a stay, a tour…) the party can take within the trip, priced per day it uses. */
export interface ItemOffer {
  item: LineItem;
  qty: number;
  units: PricedUnit[];
  dates: LineDates[];
}

/** Days from `from` to `to`. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A stay: a daily allotment sold per room or unit (not per traveller). */
export function isStay(item: Pick<LineItem, 'capacityModel' | 'units'>): boolean {
  return item.capacityModel === 'daily' && !isPersonItem(item);
}

/** How many of a booking unit the party takes: a room per two grown-ups (children share), else one. */
export function unitsForParty(item: Pick<LineItem, 'units'>, party: Party): number {
  if (isPersonItem(item)) return 1;
  return item.units[0]?.code === 'room' ? Math.max(1, Math.ceil((party.adult + party.senior) / 2)) : 1;
}

/** The first open row of a day the party fits on (earliest start), or undefined. */
function fittingRow(
  rows: readonly AvailabilityRow[] | undefined,
  item: Pick<LineItem, 'cutoffHours'>,
  places: number,
  now: Date,
): AvailabilityRow | undefined {
  return rows?.find(
    (row) =>
      !row.closed && !isPastCutoff(row, item.cutoffHours, now) && row.capacity >= places && remainingOf(row) >= places,
  );
}

function priceable(price: () => unknown): boolean {
  try {
    price();
    return true;
  } catch {
    return false;
  }
}

/**
 * The item within the trip for the party, or null: a stay for every night of the traveller's
 * dates (one night on the first open date when no dates were given), anything else on the first
 * day of the trip it is open and fits.
 */
export function itemOffer(item: LineItem, rows: RowsByDay, trip: Trip): ItemOffer | null {
  const qty = unitsForParty(item, trip.party);
  if (!priceable(() => partyUnits(item, trip.party, qty, 0))) return null;
  const places = consumptionOf(item, trip.party, qty);
  const today = zonedDate(trip.now, item.timeZone);
  const stay = isStay(item);
  const nights = stay && trip.datesGiven ? Math.max(1, daysBetween(trip.from, trip.to)) : 1;
  const lastStart = stay && trip.datesGiven ? trip.from : trip.to;
  for (let start = trip.from; start <= lastStart; start = addDays(start, 1)) {
    if (start < today) continue;
    const dates: LineDates[] = [];
    const units: PricedUnit[] = [];
    for (let night = 0; night < nights; night += 1) {
      const date = addDays(start, night);
      const row = fittingRow(rows.get(`${item.id}|${date}`), item, places, trip.now);
      if (!row) break;
      dates.push({ date, startTime: row.startTime === '' ? null : row.startTime, availabilityId: row.id });
      units.push(...partyUnits(item, trip.party, qty, 0, row.priceOverrides));
    }
    if (dates.length === nights) return { item, qty, units, dates };
  }
  return null;
}

export interface PricedOffer {
  breakdown: Breakdown;
  startDate: string;
  endDate: string;
  /** Per item id, the days it is priced on. */
  datesByItem: Map<string, string[]>;
}

function partnerRefsOf(items: readonly LineItem[]): Map<string, PartnerRef> {
  return new Map(
    items.map((item) => [
      item.partnerId,
      { id: item.partnerId, name: item.partnerName, verified: item.partnerVerified, status: item.partnerStatus },
    ]),
  );
}

function datesOf(datesByPosition: ReadonlyMap<number, LineDates[]>, itemIdAt: (position: number) => string) {
  const datesByItem = new Map<string, string[]>();
  const all: string[] = [];
  for (const [position, dates] of datesByPosition) {
    const id = itemIdAt(position);
    const list = datesByItem.get(id) ?? [];
    for (const { date } of dates) {
      if (!list.includes(date)) list.push(date);
      all.push(date);
    }
    datesByItem.set(id, list.sort());
  }
  all.sort();
  return { datesByItem, startDate: all[0]!, endDate: all[all.length - 1]! };
}

/**
 * A composed bundle's price: the sum of its items' prices for the party on their dates, no
 * bundle rule. The first item's partner is the seller; another partner's item is bundled under
 * its own terms (the caller only composes items that have them), so the breakdown also says what
 * each partner is owed. Throws the pricing engine's PricingError on input it cannot price.
 */
export function priceComposed(offers: readonly ItemOffer[], trip: Trip, lang?: Locale): PricedOffer {
  const seller = offers[0]!.item.partnerId;
  const lines = offers.map((offer, position) => pricingLine(seller, position, offer.item, offer.units));
  const datesByPosition = new Map(offers.map((offer, position) => [position, offer.dates]));
  const { datesByItem, startDate, endDate } = datesOf(datesByPosition, (position) => offers[position]!.item.id);
  const priced = priceLines({
    currency: offers[0]!.item.currency,
    sellerPartnerId: seller,
    lines,
    rules: [],
    travelDate: startDate,
    bookingDate: zonedDate(trip.now, offers[0]!.item.timeZone),
    party: trip.party,
  });
  const items = offers.map((offer) => offer.item);
  const breakdown = namedBreakdown(
    priced,
    new Map(items.map((item) => [item.id, item])),
    partnerRefsOf(items),
    datesByPosition,
    lang,
  );
  return { breakdown, startDate, endDate, datesByItem };
}

/**
 * A package within the trip for the party, priced with its own discount rules on the first start
 * date in [from, to] where it is in its sale window and every line has an open date or slot the
 * party fits on (two lines on one row add up); null when there is none, when a line's item is
 * not on sale, or when an age band of the party has no price.
 */
export function packageOffer(
  pkg: PackageRow,
  seller: PartnerRef | undefined,
  itemsById: ReadonlyMap<string, LineItem>,
  rows: RowsByDay,
  trip: Trip,
  lang?: Locale,
): PricedOffer | null {
  if (pkg.status !== 'published' || !isSellable(seller) || pkg.items.length === 0) return null;
  const lines = pkg.items.map((line, position) => ({ line, position, item: itemsById.get(line.itemId) }));
  const onSale = lines.every(
    ({ item }) =>
      item?.status === 'published' && isSellable({ status: item.partnerStatus, verified: item.partnerVerified }),
  );
  if (!onSale) return null;
  const ready = lines as { line: PackageRow['items'][number]; position: number; item: LineItem }[];
  if (!ready.every(({ line, position, item }) => priceable(() => partyUnits(item, trip.party, line.qty, position)))) {
    return null;
  }
  for (let start = trip.from; start <= trip.to; start = addDays(start, 1)) {
    if (!inSaleWindow(pkg, start)) continue;
    const planned = planStart(ready, rows, trip, start);
    if (!planned) continue;
    try {
      const priced = priceLines({
        currency: pkg.currency,
        sellerPartnerId: pkg.partnerId,
        lines: ready.map(({ position, item }) =>
          pricingLine(pkg.partnerId, position, item, planned.unitsByPosition.get(position)!),
        ),
        rules: pkg.discountRules,
        travelDate: start,
        bookingDate: zonedDate(trip.now, ready[0]!.item.timeZone),
        party: trip.party,
      });
      const partners = partnerRefsOf(ready.map(({ item }) => item));
      if (seller) partners.set(seller.id, seller);
      const breakdown = namedBreakdown(priced, itemsById, partners, planned.datesByPosition, lang);
      const { datesByItem, endDate } = datesOf(planned.datesByPosition, (position) => pkg.items[position]!.itemId);
      return { breakdown, startDate: start, endDate, datesByItem };
    } catch {
      // A date the engine cannot price (an override below a supplier's net rate): try the next.
    }
  }
  return null;
}

function planStart(
  lines: readonly { line: PackageRow['items'][number]; position: number; item: LineItem }[],
  rows: RowsByDay,
  trip: Trip,
  start: string,
): { unitsByPosition: Map<number, PricedUnit[]>; datesByPosition: Map<number, LineDates[]> } | null {
  const taken = new Map<string, number>();
  const unitsByPosition = new Map<number, PricedUnit[]>();
  const datesByPosition = new Map<number, LineDates[]>();
  for (const { line, position, item } of lines) {
    const places = consumptionOf(item, trip.party, line.qty);
    const today = zonedDate(trip.now, item.timeZone);
    const units: PricedUnit[] = [];
    const dates: LineDates[] = [];
    for (const date of lineDates(start, line)) {
      if (date < today) return null;
      const row = rows
        .get(`${item.id}|${date}`)
        ?.find(
          (r) =>
            !r.closed &&
            !isPastCutoff(r, item.cutoffHours, trip.now) &&
            r.capacity >= places + (taken.get(r.id) ?? 0) &&
            remainingOf(r) >= places + (taken.get(r.id) ?? 0),
        );
      if (!row) return null;
      taken.set(row.id, (taken.get(row.id) ?? 0) + places);
      units.push(...partyUnits(item, trip.party, line.qty, position, row.priceOverrides));
      dates.push({ date, startTime: row.startTime === '' ? null : row.startTime, availabilityId: row.id });
    }
    unitsByPosition.set(position, units);
    datesByPosition.set(position, dates);
  }
  return { unitsByPosition, datesByPosition };
}

/** Whether children or infants travel. */
export function hasChildren(party: Party): boolean {
  return party.child + party.infant > 0;
}
