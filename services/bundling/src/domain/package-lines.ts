import type { DiscountRule, PackageLineInput, Party } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import {
  availabilityBetween,
  type AvailabilityRow,
  type LineItem,
  type PackageLine,
} from '../db/packages.repository.ts';
import { isPersonItem, lineDates, remainingOf } from './booking-plan.ts';
import {
  currencyMismatch,
  daysNeedDailyItem,
  discountExceedsMargin,
  duplicateRuleId,
  invalidDateRange,
  itemNotBundleable,
  itemNotFound,
  packageItemUnavailable,
} from './bundling-errors.ts';
import { addDays, zonedDate } from './local-time.ts';
import { isDateOrPartyBound, priceLines, pricingLine, sellerMargin, type PricedUnit } from './package-pricing.ts';
import { PricingError, type PricingLine } from './pricing/index.ts';
import { isSellable } from './sellable.ts';

/** How far ahead the from-price looks for the cheapest open date. */
export const FROM_PRICE_HORIZON_DAYS = 120;

const ONE_ADULT: Party = { adult: 1, child: 0, infant: 0, senior: 0 };

/** Whether another partner's item is on sale and bundleable by others (what the catalogue's bundleable list shows). */
function visibleToOthers(item: LineItem): boolean {
  return item.status === 'published' && isSellable({ status: item.partnerStatus, verified: item.partnerVerified });
}

/**
 * Checks a package's lines against the catalogue for the seller `partnerId` and answers the
 * package's currency. Each line's item must exist (another partner's only when published by a
 * verified partner: its drafts are not revealed) and be the seller's own (not archived) or
 * bundleable by others; every item in one currency; several days only for a daily allotment.
 */
export function checkLines(
  partnerId: string,
  lines: readonly PackageLineInput[],
  itemsById: ReadonlyMap<string, LineItem>,
): { currency: string } {
  let currency: string | undefined;
  lines.forEach((line, position) => {
    const item = itemsById.get(line.itemId);
    if (!item) throw itemNotFound(position);
    if (item.partnerId === partnerId) {
      if (item.status === 'archived') throw itemNotFound(position);
    } else {
      if (!visibleToOthers(item)) throw itemNotFound(position);
      if (!item.bundleTerms) throw itemNotBundleable(position);
    }
    if (currency === undefined) currency = item.currency;
    else if (item.currency !== currency) throw currencyMismatch(position, currency, item.currency);
    if (line.days > 1 && item.capacityModel !== 'daily') throw daysNeedDailyItem(position);
  });
  return { currency: currency! };
}

/** Sale window and rule windows in order; rule ids unique (a booking's applied rules name them). */
export function checkDatesAndRules(
  availableFrom: string | null,
  availableTo: string | null,
  rules: readonly DiscountRule[],
): void {
  if (availableFrom && availableTo && availableTo < availableFrom) throw invalidDateRange('availableTo');
  const ids = new Set<string>();
  rules.forEach((rule, index) => {
    if (ids.has(rule.id)) throw duplicateRuleId(rule.id);
    ids.add(rule.id);
    const { travelFrom, travelTo } = rule.conditions;
    if (travelFrom && travelTo && travelTo < travelFrom)
      throw invalidDateRange(`discountRules.${index}.conditions.travelTo`);
  });
}

/** Publishing (and editing a published package) needs every line's item on sale: published, its partner verified. */
export function checkLinesOnSale(lines: readonly PackageLine[], itemsById: ReadonlyMap<string, LineItem>): void {
  const off = lines.flatMap((line, position) => {
    const item = itemsById.get(line.itemId);
    return item && item.status === 'published' && visibleToOthers(item) ? [] : [position];
  });
  if (off.length > 0) throw packageItemUnavailable(off);
}

/** The units one adult buys of a line on a day at these overrides (the adult price, else the cheapest age band). */
function oneAdultUnits(item: LineItem, qty: number, overrides: Record<string, number>): PricedUnit[] {
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
  const priced = item.units.map((unit) => ({
    code: unit.code,
    quantity: qty,
    unitPriceMinor: overrides[unit.code] ?? unit.priceMinor,
    netRateMinor: unit.netRateMinor,
  }));
  const adult = priced.find((unit) => unit.code === 'adult');
  return [adult ?? priced.reduce((a, b) => (b.unitPriceMinor < a.unitPriceMinor ? b : a))];
}

export interface FromPrice {
  /** The from-price: one adult on the cheapest open start date, with the rules that need neither date nor party. */
  basePriceMinor: number;
  /** The seller's margin at that price before any rule (what discounts are funded from). */
  marginMinor: number;
  /** The subtotal at that price before any rule. */
  subtotalMinor: number;
  /** The start date it was found on; null when priced at list prices (no open date ahead). */
  date: string | null;
}

/**
 * The package's from-price: one adult on the cheapest start date in the next 120 days on which
 * every line has an open row with places left (the cheapest slot of a day), or the items'
 * list prices when there is none. Rules bound to a date or a party are left out; the others
 * (unconditional, or on the number of distinct items) apply. One query for the whole range.
 */
export async function computeFromPrice(
  executor: Executor,
  seller: { partnerId: string; currency: string },
  lines: readonly PackageLine[],
  itemsById: ReadonlyMap<string, LineItem>,
  rules: readonly DiscountRule[],
  now: Date,
): Promise<FromPrice> {
  const resolved = lines.map((line, position) => ({ line, position, item: itemsById.get(line.itemId)! }));
  const tz = resolved[0]?.item.timeZone ?? 'Europe/Rome';
  const today = zonedDate(now, tz);
  const lastStart = addDays(today, FROM_PRICE_HORIZON_DAYS - 1);
  const reach = Math.max(0, ...lines.map((line) => line.dayOffset + line.days - 1));
  const rows = await availabilityBetween(
    executor,
    resolved.map((r) => r.item.id),
    today,
    addDays(lastStart, reach),
  );
  const openByDay = new Map<string, AvailabilityRow[]>();
  for (const row of rows) {
    if (remainingOf(row) <= 0 || row.startsAt.getTime() <= now.getTime()) continue;
    const key = `${row.itemId}|${row.date}`;
    openByDay.set(key, [...(openByDay.get(key) ?? []), row]);
  }
  const unboundRules = rules.filter((rule) => !isDateOrPartyBound(rule));
  const price = (pricing: PricingLine[], withRules: readonly DiscountRule[], date: string) =>
    priceLines({
      currency: seller.currency,
      sellerPartnerId: seller.partnerId,
      lines: pricing,
      rules: [...withRules],
      travelDate: date,
      bookingDate: today,
      party: ONE_ADULT,
    });

  let best: { pricing: PricingLine[]; date: string | null; total: number } | undefined;
  for (let start = today; start <= lastStart; start = addDays(start, 1)) {
    const pricing = pricingForDate(resolved, seller.partnerId, start, openByDay);
    if (!pricing) continue;
    let total: number;
    try {
      total = price(pricing, unboundRules, start).totalMinor;
    } catch (error) {
      // A date the engine cannot price (an override below a supplier's net rate) is no from-price.
      if (error instanceof PricingError) continue;
      throw error;
    }
    if (!best || total < best.total) best = { pricing, date: start, total };
  }
  if (!best) {
    const pricing = resolved.map(({ line, position, item }) =>
      pricingLine(seller.partnerId, position, item, oneAdultUnits(item, line.qty * line.days, {})),
    );
    best = { pricing, date: null, total: price(pricing, unboundRules, today).totalMinor };
  }
  const bare = price(best.pricing, [], best.date ?? today);
  return {
    basePriceMinor: best.total,
    marginMinor: sellerMargin(bare, seller.partnerId),
    subtotalMinor: bare.subtotalMinor,
    date: best.date,
  };
}

function pricingForDate(
  resolved: readonly { line: PackageLine; position: number; item: LineItem }[],
  sellerPartnerId: string,
  start: string,
  openByDay: ReadonlyMap<string, AvailabilityRow[]>,
): PricingLine[] | undefined {
  const pricing: PricingLine[] = [];
  for (const { line, position, item } of resolved) {
    const units: PricedUnit[] = [];
    for (const date of lineDates(start, line)) {
      const open = openByDay.get(`${item.id}|${date}`);
      if (!open) return undefined;
      const cheapest = open
        .map((row) => oneAdultUnits(item, line.qty, row.priceOverrides))
        .reduce((a, b) => (total(b) < total(a) ? b : a));
      units.push(...cheapest);
    }
    pricing.push(pricingLine(sellerPartnerId, position, item, units));
  }
  return pricing;
}

const total = (units: readonly PricedUnit[]) => units.reduce((sum, u) => sum + u.unitPriceMinor * u.quantity, 0);

/**
 * A rule may never discount more than the seller keeps (its margin) at the from-price: a fixed
 * amount above it, or a percentage of the subtotal above it, is refused (422
 * `discount_exceeds_margin`), since it would push a price under what other partners are owed or
 * below zero. Each rule is judged alone; the engine also caps stacked rules at the margin.
 */
export function checkRulesWithinMargin(rules: readonly DiscountRule[], from: FromPrice): void {
  for (const rule of rules) {
    const amount = rule.type === 'fixed' ? rule.amountMinor : Math.floor((from.subtotalMinor * rule.bps) / 10_000);
    if (amount > from.marginMinor) throw discountExceedsMargin(rule.id, from.marginMinor);
  }
}
