import type { PackageSlots, Party } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { availabilityOn, findLineItems } from '../db/packages.repository.ts';
import { consumptionOf, isPastCutoff, lineDates, remainingOf } from './booking-plan.ts';
import type { BundlingContext } from './context.ts';
import { visiblePackage } from './packages.ts';

/**
 * GET /api/packages/:id/slots: for a start date, the slots of each timed line on its day, so a
 * traveller can choose a start time where a day has several (the quote otherwise answers
 * `slot_required`). Same visibility rule as the package page; holds nothing.
 */
export async function getPackageSlots(
  ctx: BundlingContext,
  user: AuthUser | undefined,
  id: string,
  query: { date: string } & Party,
  now = new Date(),
): Promise<PackageSlots> {
  const { row: pkg } = await visiblePackage(ctx.db, id, user);
  const itemsById = await findLineItems(
    ctx.db,
    pkg.items.map((line) => line.itemId),
  );
  const timed = pkg.items.flatMap((line, position) => {
    const item = itemsById.get(line.itemId);
    return item?.capacityModel === 'slots' ? [{ line, position, item, date: lineDates(query.date, line)[0]! }] : [];
  });
  const rows = await availabilityOn(
    ctx.db,
    timed.map(({ item, date }) => ({ itemId: item.id, date })),
  );
  const party: Party = { adult: query.adult, child: query.child, infant: query.infant, senior: query.senior };
  return {
    date: query.date,
    lines: timed.map(({ line, position, item, date }) => {
      const places = consumptionOf(item, party, line.qty);
      const slots = rows
        .filter((row) => row.itemId === item.id && row.date === date)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .map((row) => ({
          availabilityId: row.id,
          startTime: row.startTime,
          remaining: remainingOf(row),
          fits: remainingOf(row) >= places && !isPastCutoff(row, item.cutoffHours, now),
        }));
      return { position, date, slots };
    }),
  };
}
