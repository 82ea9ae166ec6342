import {
  isPersonUnit,
  personUnits,
  type Breakdown,
  type Locale,
  type Party,
  type QuoteRequest,
} from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import {
  availabilityOn,
  findLineItems,
  findPartnerRefs,
  type AvailabilityRow,
  type LineItem,
  type PackageRow,
  type PartnerRef,
} from '../db/packages.repository.ts';
import {
  couponRefused,
  dateInPast,
  noAvailability,
  outsideSaleWindow,
  packageUnavailable,
  partyTooLarge,
  pastCutoff,
  slotNotFound,
  slotRequired,
  soldOut,
  unitNotOffered,
} from './bundling-errors.ts';
import { addDays, zonedDate } from './local-time.ts';
import { namedBreakdown, priceLines, pricingLine, type LineDates, type PricedUnit } from './package-pricing.ts';
import { isCouponError, noPromotions, type PromotionsPort } from './pricing/index.ts';
import { isSellable } from './sellable.ts';

/** One availability row a booking holds units of, for one package line (a night of a multi-night line). */
export interface PlannedHold {
  availabilityId: string;
  itemId: string;
  itemPartnerId: string;
  /** The package line's position (0-based). */
  position: number;
  /** Places taken on the row: travellers other than infants × qty for person items, qty for booking units. */
  quantity: number;
  /** When the row's date or slot starts (the event lines' start; read with the row). */
  startsAt: Date;
}

export interface BookingPlan {
  /** Priced, named, summing exactly (the engine's largest-remainder splits). */
  breakdown: Breakdown;
  /** Every availability row to hold, per line; the same row may appear for two lines. */
  holds: PlannedHold[];
  /** The earliest start among the rows: what the cancellation policy counts hours from. */
  startsAt: Date;
  /** The package version priced; a later edit bumps it and leaves this booking's price alone. */
  packageVersion: number;
  /** Whether every line item's partner can receive payouts (read with the items). */
  itemPartnersPayoutReady: boolean;
}

export interface PlanOptions {
  /** Item titles in this language (else the request's `lang`, else each item's first language). */
  lang?: Locale | undefined;
  /**
   * The seller's own live preview: a draft or paused package (or one with items not on sale
   * yet) is priced anyway. Never for booking.
   */
  preview?: boolean;
  /** Resolves `request.couponCode` (promotions plugs in here); without it no code is known. */
  promotions?: PromotionsPort;
  /** The traveller, for one-per-customer coupons. */
  userId?: string | undefined;
  /** The seller as already read with the package (a booking reads both at once); else read here. */
  seller?: { partner: PartnerRef | undefined };
  /** The line items and their rows on the days, as already read with the package (`readForBooking`); else read here. */
  lines?: { items: Map<string, LineItem>; rows: AvailabilityRow[] } | undefined;
}

const HOUR_MS = 3_600_000;

/** Travellers who take a place: everyone but infants. */
export function placesOf(party: Party): number {
  return party.adult + party.child + party.senior;
}

/** Whether the item prices per traveller (person units) rather than per booking unit (a room). */
export function isPersonItem(item: Pick<LineItem, 'units'>): boolean {
  return item.units.every((unit) => isPersonUnit(unit.code));
}

/** Places a party takes on one of the line's rows. */
export function consumptionOf(item: Pick<LineItem, 'units'>, party: Party, qty: number): number {
  return isPersonItem(item) ? placesOf(party) * qty : qty;
}

/**
 * The units a party buys of a line on one day, priced with the row's overrides; a traveller
 * whose age band the item has no price for is refused (`unit_not_offered`, e.g. infants on a
 * tour that does not take them).
 */
export function partyUnits(
  item: Pick<LineItem, 'units'>,
  party: Party,
  qty: number,
  position: number,
  overrides: Record<string, number> = {},
): PricedUnit[] {
  if (!isPersonItem(item)) {
    const unit = item.units[0]!;
    return [
      {
        code: unit.code,
        quantity: qty,
        unitPriceMinor: overrides[unit.code] ?? unit.priceMinor,
        netRateMinor: unit.netRateMinor,
      },
    ];
  }
  const units: PricedUnit[] = [];
  for (const code of personUnits) {
    const count = party[code];
    if (count <= 0) continue;
    const unit = item.units.find((u) => u.code === code);
    if (!unit) throw unitNotOffered(position, code);
    units.push({
      code,
      quantity: count * qty,
      unitPriceMinor: overrides[code] ?? unit.priceMinor,
      netRateMinor: unit.netRateMinor,
    });
  }
  return units;
}

/** Whether `now` is past the row's booking cut-off. */
export function isPastCutoff(row: Pick<AvailabilityRow, 'startsAt'>, cutoffHours: number, now: Date): boolean {
  return now.getTime() > row.startsAt.getTime() - cutoffHours * HOUR_MS;
}

/** Units left on a row (none when closed). */
export function remainingOf(row: Pick<AvailabilityRow, 'capacity' | 'held' | 'sold' | 'closed'>): number {
  return row.closed ? 0 : Math.max(0, row.capacity - row.held - row.sold);
}

/** The calendar dates a line uses from a package start date. */
export function lineDates(start: string, line: { dayOffset: number; days: number }): string[] {
  return Array.from({ length: line.days }, (_, k) => addDays(start, line.dayOffset + k));
}

/** Whether the package may start on `date` by its sale window. */
export function inSaleWindow(pkg: Pick<PackageRow, 'availability'>, date: string): boolean {
  const { from, to } = pkg.availability;
  return !(from && date < from) && !(to && date > to);
}

/**
 * Resolves a package for a start date and party into what a booking holds and what it costs,
 * reading through `executor` (a booking passes its transaction, so it plans on what it then
 * holds with conditional updates; a quote passes the pool). Holds and writes nothing.
 *
 * Checks, in this order, each a problem with a stable code: the package and every item on
 * sale (409 `package_unavailable`, unless `preview`), the sale window (422
 * `outside_sale_window`), the date not past in the item's zone (422 `date_in_past`), per line
 * and day a row on the calendar (422 `no_availability`), the slot (422 `slot_required` when the
 * day has several open, `slot_not_found` for a chosen id not of that line and date), a price for
 * every traveller's age band (422 `unit_not_offered`), the cut-off (422 `past_cutoff`), the
 * party against the row's capacity (422 `party_too_large`), then what is left (409 `sold_out`,
 * closed rows included). Then the pricing engine with the package's rules.
 */
export async function planBooking(
  executor: Executor,
  pkg: PackageRow,
  request: QuoteRequest,
  now: Date,
  options: PlanOptions = {},
): Promise<BookingPlan> {
  const lang = options.lang ?? request.lang;
  // Sequential: `executor` may be the booking's transaction (one query at a time on its client).
  const itemsById =
    options.lines?.items ??
    (await findLineItems(
      executor,
      pkg.items.map((line) => line.itemId),
    ));
  const partnersById = options.seller
    ? new Map(options.seller.partner ? [[pkg.partnerId, options.seller.partner]] : [])
    : await findPartnerRefs(executor, [pkg.partnerId]);
  const lines = pkg.items.map((line, position) => {
    const item = itemsById.get(line.itemId);
    if (!item) throw packageUnavailable();
    return { line, position, item };
  });
  if (lines.length === 0) throw packageUnavailable();
  if (!options.preview) {
    if (pkg.status !== 'published' || !isSellable(partnersById.get(pkg.partnerId))) throw packageUnavailable();
    const offSale = lines.some(
      ({ item }) =>
        item.status !== 'published' || !isSellable({ status: item.partnerStatus, verified: item.partnerVerified }),
    );
    if (offSale) throw packageUnavailable();
  }
  if (!inSaleWindow(pkg, request.date)) throw outsideSaleWindow();

  const wanted = lines.flatMap(({ line, item }) =>
    lineDates(request.date, line).map((date) => ({ itemId: item.id, date })),
  );
  for (const { line, item } of lines) {
    if (addDays(request.date, line.dayOffset) < zonedDate(now, item.timeZone)) throw dateInPast();
  }
  const rows = options.lines?.rows ?? (await availabilityOn(executor, wanted));
  const rowsByDay = new Map<string, AvailabilityRow[]>();
  for (const row of rows) {
    const key = `${row.itemId}|${row.date}`;
    rowsByDay.set(key, [...(rowsByDay.get(key) ?? []), row]);
  }

  const holds: PlannedHold[] = [];
  const pricing = [];
  const datesByPosition = new Map<number, LineDates[]>();
  const takenByRow = new Map<string, { row: AvailabilityRow; places: number; position: number }>();
  for (const { line, position, item } of lines) {
    const units: PricedUnit[] = [];
    const dates: LineDates[] = [];
    const places = consumptionOf(item, request.party, line.qty);
    for (const date of lineDates(request.date, line)) {
      const row = pickRow(rowsByDay.get(`${item.id}|${date}`) ?? [], item, position, date, request.slots);
      units.push(...partyUnits(item, request.party, line.qty, position, row.priceOverrides));
      if (isPastCutoff(row, item.cutoffHours, now)) throw pastCutoff(position);
      if (places > row.capacity) throw partyTooLarge(position, row.capacity);
      const taken = takenByRow.get(row.id);
      takenByRow.set(row.id, { row, places: (taken?.places ?? 0) + places, position: taken?.position ?? position });
      holds.push({
        availabilityId: row.id,
        itemId: item.id,
        itemPartnerId: item.partnerId,
        position,
        quantity: places,
        startsAt: row.startsAt,
      });
      dates.push({ date, startTime: row.startTime === '' ? null : row.startTime, availabilityId: row.id });
    }
    datesByPosition.set(position, dates);
    pricing.push(pricingLine(pkg.partnerId, position, item, units));
  }
  for (const { row, places, position } of takenByRow.values()) {
    if (places > row.capacity) throw partyTooLarge(position, row.capacity);
    if (remainingOf(row) < places) throw soldOut(position);
  }

  const bookingDate = zonedDate(now, lines[0]!.item.timeZone);
  const base = {
    currency: pkg.currency,
    sellerPartnerId: pkg.partnerId,
    lines: pricing,
    rules: pkg.discountRules,
    travelDate: request.date,
    bookingDate,
    party: request.party,
    affiliateCode: request.affiliateCode,
  };
  let priced = priceLines(base);
  if (request.couponCode) {
    const coupon = await (options.promotions ?? noPromotions).resolveCoupon(request.couponCode, {
      currency: pkg.currency,
      sellerPartnerId: pkg.partnerId,
      packageId: pkg.id,
      travelDate: request.date,
      bookingDate,
      amountMinor: priced.totalMinor,
      ...(options.userId ? { userId: options.userId } : {}),
    });
    if (isCouponError(coupon)) throw couponRefused(coupon.error);
    priced = priceLines({ ...base, coupon });
  }
  const startsAt = new Date(Math.min(...[...takenByRow.values()].map(({ row }) => row.startsAt.getTime())));
  return {
    breakdown: namedBreakdown(priced, itemsById, partnersById, datesByPosition, lang),
    holds,
    startsAt,
    packageVersion: pkg.version,
    itemPartnersPayoutReady: lines.every(({ item }) => item.partnerPayoutsReady === true),
  };
}

/**
 * The row a line uses on a day: for a timed item the chosen slot, else the day's only slot (or
 * its only open one); for a daily allotment the day's row.
 */
function pickRow(
  dayRows: readonly AvailabilityRow[],
  item: LineItem,
  position: number,
  date: string,
  slots: Record<string, string>,
): AvailabilityRow {
  const chosen = slots[String(position)];
  if (item.capacityModel === 'slots' && chosen) {
    const row = dayRows.find((r) => r.id === chosen);
    if (!row) throw slotNotFound(position);
    return row;
  }
  if (dayRows.length === 0) throw noAvailability(position, date);
  if (item.capacityModel === 'daily') return dayRows.find((r) => r.startTime === '') ?? dayRows[0]!;
  if (dayRows.length === 1) return dayRows[0]!;
  const open = dayRows.filter((r) => !r.closed);
  if (open.length === 1) return open[0]!;
  if (open.length === 0) return dayRows[0]!; // all closed: sold_out below
  throw slotRequired(position, date);
}
