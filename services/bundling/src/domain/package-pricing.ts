import type { Breakdown, DiscountRule, ItemUnit, Locale, Party } from '@tourconnect/contracts/http';
import type { LineItem, PartnerRef } from '../db/packages.repository.ts';
import { localised } from './package-view.ts';
import { priceBundle, type CouponDiscount, type PricedBundle, type PricingLine } from './pricing/index.ts';

/**
 * Between packages and the pricing engine (src/domain/pricing, pure): builds the engine's lines
 * from a package's items and the prices of the chosen dates, and names the engine's breakdown
 * for the API (titles, partner names, dates).
 */

/** One priced unit of a line: code, how many, its price on the date (overrides applied). */
export interface PricedUnit {
  code: ItemUnit['code'];
  quantity: number;
  unitPriceMinor: number;
  /** Per unit, from the item (what a net-rate supplier is owed); null when the item has none. */
  netRateMinor: number | null;
}

/** Same code and price on several days → one entry with the quantities added up. */
export function mergeUnits(units: readonly PricedUnit[]): PricedUnit[] {
  const merged = new Map<string, PricedUnit>();
  for (const unit of units) {
    const key = `${unit.code}|${unit.unitPriceMinor}|${unit.netRateMinor}`;
    const seen = merged.get(key);
    if (seen) seen.quantity += unit.quantity;
    else merged.set(key, { ...unit });
  }
  return [...merged.values()].filter((unit) => unit.quantity > 0);
}

/**
 * The engine's line for `item` at `position`: the seller's own item is `own`; another partner's
 * is owed its net rate for the whole line (per unit from the item; a unit without one owes its
 * price) or the price minus the seller's commission.
 */
export function pricingLine(
  sellerPartnerId: string,
  position: number,
  item: LineItem,
  units: readonly PricedUnit[],
): PricingLine {
  const merged = mergeUnits(units);
  const terms = item.bundleTerms;
  let supplier: PricingLine['supplier'];
  if (item.partnerId === sellerPartnerId || !terms) supplier = { kind: 'own' };
  else if (terms.kind === 'commission') supplier = { kind: 'commission', commissionBps: terms.commissionBps };
  else {
    supplier = {
      kind: 'net_rate',
      netRateMinor: merged.reduce((sum, u) => sum + (u.netRateMinor ?? u.unitPriceMinor) * u.quantity, 0),
    };
  }
  return {
    position,
    itemId: item.id,
    itemKind: item.kind,
    partnerId: item.partnerId,
    units: merged.map((u) => ({ code: u.code, quantity: u.quantity, unitPriceMinor: u.unitPriceMinor })),
    supplier,
  };
}

export interface PriceInput {
  currency: string;
  sellerPartnerId: string;
  lines: PricingLine[];
  rules: DiscountRule[];
  travelDate: string;
  bookingDate: string;
  party: Party;
  coupon?: CouponDiscount | undefined;
  affiliateCode?: string | undefined;
}

export function priceLines(input: PriceInput): PricedBundle {
  return priceBundle({
    currency: input.currency,
    sellerPartnerId: input.sellerPartnerId,
    lines: input.lines,
    rules: input.rules,
    context: { travelDate: input.travelDate, bookingDate: input.bookingDate, party: input.party },
    ...(input.coupon ? { coupon: input.coupon } : {}),
    ...(input.affiliateCode ? { affiliateCode: input.affiliateCode } : {}),
  });
}

/** The seller's margin in a priced bundle: what it keeps (its payable), the room discounts are funded from. */
export function sellerMargin(priced: PricedBundle, sellerPartnerId: string): number {
  return priced.partners.find((p) => p.partnerId === sellerPartnerId)?.payableMinor ?? 0;
}

/** Rules whose conditions need a travel date or a party; the from-price leaves them out. */
export function isDateOrPartyBound(rule: DiscountRule): boolean {
  const c = rule.conditions;
  return (
    c.travelFrom !== undefined ||
    c.travelTo !== undefined ||
    c.minDaysBefore !== undefined ||
    c.minAdults !== undefined ||
    c.minChildren !== undefined
  );
}

export interface LineDates {
  date: string;
  startTime: string | null;
  availabilityId: string | null;
}

/** The engine's breakdown with the names travellers read: item titles in `lang`, partner names, dates. */
export function namedBreakdown(
  priced: PricedBundle,
  itemsById: ReadonlyMap<string, LineItem>,
  partnersById: ReadonlyMap<string, PartnerRef>,
  datesByPosition: ReadonlyMap<number, LineDates[]>,
  lang?: Locale,
): Breakdown {
  const partnerName = (id: string) =>
    partnersById.get(id)?.name ?? [...itemsById.values()].find((i) => i.partnerId === id)?.partnerName ?? '';
  const partnerVerified = (id: string) =>
    partnersById.get(id)?.verified ?? [...itemsById.values()].find((i) => i.partnerId === id)?.partnerVerified ?? false;
  return {
    currency: priced.currency,
    lines: priced.lines.map((line) => {
      const item = itemsById.get(line.itemId);
      return {
        position: line.position,
        itemId: line.itemId,
        itemKind: line.itemKind,
        title: item ? localised(item.translations, item.defaultLanguage, lang).title : '',
        partnerId: line.partnerId,
        partnerName: partnerName(line.partnerId),
        dates: datesByPosition.get(line.position) ?? [],
        units: line.units.map((u) => ({ code: u.code, quantity: u.quantity, unitPriceMinor: u.unitPriceMinor })),
        grossMinor: line.grossMinor,
        bundleDiscountMinor: line.bundleDiscountMinor,
        couponDiscountMinor: line.couponDiscountMinor,
        netMinor: line.netMinor,
        supplierShareMinor: line.supplierShareMinor,
      };
    }),
    partners: priced.partners.map((p) => ({
      partnerId: p.partnerId,
      partnerName: partnerName(p.partnerId),
      partnerVerified: partnerVerified(p.partnerId),
      netMinor: p.netMinor,
      payableMinor: p.payableMinor,
    })),
    appliedRules: priced.appliedRules.map((r) => ({ ruleId: r.ruleId, amountMinor: r.amountMinor })),
    subtotalMinor: priced.subtotalMinor,
    bundleDiscountMinor: priced.bundleDiscountMinor,
    couponDiscountMinor: priced.couponDiscountMinor,
    totalMinor: priced.totalMinor,
  };
}
