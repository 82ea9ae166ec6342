import { timestampFromDate, type BookingItemV1, type EventPayloadInit } from '@tourconnect/contracts';
import type { Breakdown } from '@tourconnect/contracts/http';
import { allocate, money } from '@tourconnect/money';

type BookingItemInit = NonNullable<EventPayloadInit<'bundling.booking.held.v1'>['items']>[number];
type BreakdownLine = Breakdown['lines'][number];

/** Where and when a line's first date or slot is (from its holds). */
export interface LineStart {
  availabilityId: string;
  startsAt: Date;
}

/**
 * The booking's lines as the events carry them (BookingItemV1): one per line and unit type, so
 * that `unit_price_minor × quantity = gross_minor` holds even when adults and children pay
 * different prices. The line's discount, supplier share and refund are split over its unit types
 * by gross (largest remainder), so every per-line and per-partner sum stays exact.
 *
 * `starts` gives each line position its first availability row; `refunds` each position's part
 * of a refund (cancellations only).
 */
export function bookingItems(
  breakdown: Breakdown,
  starts: ReadonlyMap<number, LineStart>,
  refunds: ReadonlyMap<number, number> = new Map(),
): BookingItemInit[] {
  return breakdown.lines.flatMap((line) => lineItems(breakdown.currency, line, starts.get(line.position), refunds));
}

/** Each position's first row: the earliest start among the holds of that line. */
export function lineStarts(
  holds: readonly { position: number; availabilityId: string; startsAt: Date }[],
): Map<number, LineStart> {
  const starts = new Map<number, LineStart>();
  for (const hold of holds) {
    const seen = starts.get(hold.position);
    if (!seen || hold.startsAt < seen.startsAt) {
      starts.set(hold.position, { availabilityId: hold.availabilityId, startsAt: hold.startsAt });
    }
  }
  return starts;
}

function lineItems(
  currency: string,
  line: BreakdownLine,
  start: LineStart | undefined,
  refunds: ReadonlyMap<number, number>,
): BookingItemInit[] {
  const units = line.units.filter((u) => u.quantity > 0);
  const grosses = units.map((u) => u.quantity * u.unitPriceMinor);
  const discount = line.bundleDiscountMinor + line.couponDiscountMinor;
  const refund = refunds.get(line.position) ?? 0;
  const base = {
    itemId: line.itemId,
    itemType: line.itemKind,
    title: line.title,
    partnerId: line.partnerId,
    position: line.position,
    availabilityId: start?.availabilityId ?? '',
    ...(start ? { startsAt: timestampFromDate(start.startsAt) } : {}),
  };
  // A line whose unit prices do not add up to its gross (never from the engine) goes as one item.
  if (units.length === 0 || grosses.reduce((a, b) => a + b, 0) !== line.grossMinor) {
    const quantity = units.reduce((sum, u) => sum + u.quantity, 0);
    return [
      {
        ...base,
        quantity,
        unitPriceMinor: BigInt(quantity > 0 && line.grossMinor % quantity === 0 ? line.grossMinor / quantity : 0),
        grossMinor: BigInt(line.grossMinor),
        discountMinor: BigInt(discount),
        netMinor: BigInt(line.netMinor),
        supplierShareMinor: BigInt(line.supplierShareMinor),
        refundMinor: BigInt(refund),
      },
    ];
  }
  const split = (amount: number) => splitByGross(currency, amount, grosses);
  const discounts = split(discount);
  const shares = split(line.supplierShareMinor);
  const lineRefunds = split(refund);
  return units.map((unit, i) => ({
    ...base,
    quantity: unit.quantity,
    unitPriceMinor: BigInt(unit.unitPriceMinor),
    grossMinor: BigInt(grosses[i]!),
    discountMinor: BigInt(discounts[i]!),
    netMinor: BigInt(grosses[i]! - discounts[i]!),
    supplierShareMinor: BigInt(shares[i]!),
    refundMinor: BigInt(lineRefunds[i]!),
  }));
}

function splitByGross(currency: string, amount: number, grosses: readonly number[]): number[] {
  if (amount === 0) return grosses.map(() => 0);
  // All-free units: the whole amount on the first one.
  if (grosses.every((g) => g === 0)) return grosses.map((_, i) => (i === 0 ? amount : 0));
  return allocate(money(amount, currency), grosses).map((part) => part.amount);
}

export type { BookingItemInit, BookingItemV1 };
