import type { Party, QuoteRequest, QuoteView } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import type { AuthUser } from '@tourconnect/service-kit';
import {
  availabilityBetween,
  findLineItems,
  findPartnerRefs,
  type AvailabilityRow,
  type PackageRow,
} from '../db/packages.repository.ts';
import {
  consumptionOf,
  inSaleWindow,
  isPastCutoff,
  lineDates,
  partyUnits,
  planBooking,
  remainingOf,
} from './booking-plan.ts';
import { invalidDateRange, partyNeedsAdult } from './bundling-errors.ts';
import type { BundlingContext } from './context.ts';
import { addDays, zonedDate } from './local-time.ts';
import { publiclyVisible, visiblePackage } from './packages.ts';
import { refundBpsAt } from './policy.ts';

/** The longest range one availability request may ask for. */
export const MAX_AVAILABILITY_DAYS = 186;

/**
 * POST /api/packages/:id/quote: the priced breakdown for a start date and party, holding
 * nothing. Anyone may quote a published package; the seller's members may also preview a
 * draft or paused one (the package builder's live price).
 */
export async function quotePackage(
  ctx: BundlingContext,
  user: AuthUser | undefined,
  id: string,
  request: QuoteRequest,
  now = new Date(),
): Promise<QuoteView & { packageVersion: number }> {
  const { row, member } = await visiblePackage(ctx.db, id, user);
  const seller = (await findPartnerRefs(ctx.db, [row.partnerId])).get(row.partnerId);
  const preview = member && !publiclyVisible(row, seller);
  const plan = await planBooking(ctx.db, row, request, now, { preview });
  return {
    packageId: row.id,
    packageVersion: plan.packageVersion,
    date: request.date,
    party: { ...request.party },
    breakdown: plan.breakdown,
    refundPercentNow: Math.floor(refundBpsAt(row.policy, plan.startsAt, now) / 100),
  };
}

export interface AvailabilityDay {
  date: string;
  available: number;
  bookable: boolean;
}

/**
 * Per start date in [from, to]: how many more parties of this composition fit — the minimum
 * over the lines (and their days) of floor(remaining / places the party takes), a timed line
 * taking its best open slot — and whether it can be booked (some fit, in the sale window, not
 * past, not past any cut-off, every traveller's age band priced). One query for the range.
 */
export async function packageAvailability(
  executor: Executor,
  pkg: PackageRow,
  range: { from: string; to: string },
  party: Party,
  now: Date,
): Promise<{ days: AvailabilityDay[] }> {
  if (range.to < range.from) throw invalidDateRange('to');
  if (addDays(range.from, MAX_AVAILABILITY_DAYS - 1) < range.to) throw invalidDateRange('to');
  const itemsById = await findLineItems(
    executor,
    pkg.items.map((l) => l.itemId),
  );
  const lines = pkg.items.flatMap((line, position) => {
    const item = itemsById.get(line.itemId);
    return item ? [{ line, position, item }] : [];
  });
  const complete = lines.length === pkg.items.length && lines.length > 0;
  // A party the items cannot price (e.g. infants on a tour without an infant price) fits nowhere.
  const priced =
    complete && lines.every(({ line, position, item }) => tryUnits(() => partyUnits(item, party, line.qty, position)));
  const reach = Math.max(0, ...pkg.items.map((line) => line.dayOffset + line.days - 1));
  const rows = complete
    ? await availabilityBetween(
        executor,
        lines.map((l) => l.item.id),
        range.from,
        addDays(range.to, reach),
      )
    : [];
  const byDay = new Map<string, AvailabilityRow[]>();
  for (const row of rows) {
    const key = `${row.itemId}|${row.date}`;
    byDay.set(key, [...(byDay.get(key) ?? []), row]);
  }
  const today = lines[0] ? zonedDate(now, lines[0].item.timeZone) : zonedDate(now, 'Europe/Rome');

  const days: AvailabilityDay[] = [];
  for (let start = range.from; start <= range.to; start = addDays(start, 1)) {
    let available = priced ? Number.POSITIVE_INFINITY : 0;
    for (const { line, item } of priced ? lines : []) {
      const places = consumptionOf(item, party, line.qty);
      for (const date of lineDates(start, line)) {
        const fitting = (byDay.get(`${item.id}|${date}`) ?? [])
          .filter((row) => !isPastCutoff(row, item.cutoffHours, now))
          .map((row) => Math.floor(remainingOf(row) / places));
        available = Math.min(available, fitting.length > 0 ? Math.max(...fitting) : 0);
      }
    }
    if (!Number.isFinite(available)) available = 0;
    const bookable = available > 0 && start >= today && inSaleWindow(pkg, start);
    days.push({ date: start, available, bookable });
  }
  return { days };
}

function tryUnits(price: () => unknown): boolean {
  try {
    price();
    return true;
  } catch {
    return false;
  }
}

/** GET /api/packages/:id/availability, with the package's visibility rule. */
export async function getPackageAvailability(
  ctx: BundlingContext,
  user: AuthUser | undefined,
  id: string,
  query: { from: string; to: string } & Party,
  now = new Date(),
): Promise<{ days: AvailabilityDay[] }> {
  const { row } = await visiblePackage(ctx.db, id, user);
  const party: Party = { adult: query.adult, child: query.child, infant: query.infant, senior: query.senior };
  if (party.adult + party.senior < 1) throw partyNeedsAdult();
  return packageAvailability(ctx.db, row, { from: query.from, to: query.to }, party, now);
}
