import type { AvailabilitySlot, BulkAvailabilityInput } from '@tourconnect/contracts/http';
import {
  applySlotChanges,
  availabilityRange,
  slotsBookedAbove,
  type AvailabilityRow,
  type SlotChanges,
} from '../db/availability.repository.ts';
import type { ItemRow } from '../db/items.repository.ts';
import { editProblems, editTargets, daysInRange, MAX_EDIT_DAYS, MAX_READ_DAYS } from './availability-rules.ts';
import {
  availabilityDateInPast,
  availabilityRangeInverted,
  availabilityRangeTooLong,
  capacityBelowBooked,
  itemArchived,
  itemInvalid,
  nothingToChange,
} from './bundling-errors.ts';
import { callerPartner } from './caller-partner.ts';
import { auditCatalogue } from './catalogue-audit.ts';
import type { BundlingContext } from './context.ts';
import { itemEditable } from './item-status.ts';
import { ownItem, writingPartner } from './items.ts';
import { zonedDate } from './local-time.ts';
import type { RequestMeta } from './packages.ts';

export function toSlotView(row: AvailabilityRow): AvailabilitySlot {
  return {
    id: row.id,
    itemId: row.itemId,
    date: row.date,
    startTime: row.startTime === '' ? null : row.startTime,
    startsAt: row.startsAt.toISOString(),
    capacity: row.capacity,
    held: row.held,
    sold: row.sold,
    remaining: row.closed ? 0 : Math.max(0, row.capacity - row.held - row.sold),
    closed: row.closed,
    priceOverrides: row.priceOverrides,
  };
}

function checkRange(from: string, to: string, maxDays: number): void {
  if (to < from) throw availabilityRangeInverted();
  if (daysInRange(from, to) > maxDays) throw availabilityRangeTooLong(maxDays);
}

/** The calendar of one of the caller's partner's items (any member reads it). */
export async function readAvailability(
  ctx: BundlingContext,
  callerId: string,
  itemId: string,
  range: { from: string; to: string },
): Promise<{ slots: AvailabilitySlot[] }> {
  const caller = await callerPartner(ctx.db, callerId);
  await ownItem(ctx.db, caller, itemId);
  checkRange(range.from, range.to, MAX_READ_DAYS);
  const rows = await availabilityRange(ctx.db, itemId, range.from, range.to);
  return { slots: rows.map(toSlotView) };
}

function calendarOf(item: ItemRow) {
  return {
    capacityModel: item.capacityModel,
    startTimes: item.startTimes,
    timeZone: item.timeZone,
    unitCodes: item.units.map((unit) => unit.code),
  };
}

/**
 * The calendar bulk edit, all or nothing in one transaction: the item is locked (edits of one
 * calendar queue), a capacity under what is already held and sold refuses the whole edit, and the
 * rows change in one statement.
 */
export async function editAvailability(
  ctx: BundlingContext,
  callerId: string,
  itemId: string,
  input: BulkAvailabilityInput,
  meta: RequestMeta = {},
): Promise<{ created: number; updated: number; slots: AvailabilitySlot[] }> {
  const caller = await writingPartner(ctx.db, callerId);
  if (input.capacity === undefined && input.closed === undefined && input.priceOverrides === undefined) {
    throw nothingToChange();
  }
  checkRange(input.from, input.to, MAX_EDIT_DAYS);
  return ctx.db.transaction(async (tx) => {
    const { item } = await ownItem(tx, caller, itemId, { forUpdate: true });
    if (!itemEditable(item.status)) throw itemArchived();
    if (input.from < zonedDate(new Date(), item.timeZone)) throw availabilityDateInPast();
    const calendar = calendarOf(item);
    const problems = editProblems(calendar, input);
    if (problems.length > 0) throw itemInvalid(problems);
    const targets = editTargets(calendar, input);
    if (input.capacity !== undefined) {
      const over = await slotsBookedAbove(tx, item.id, targets, input.capacity);
      if (over.length > 0)
        throw capacityBelowBooked(over.map((s) => (s.startTime ? `${s.date} ${s.startTime}` : s.date)));
    }
    const changes: SlotChanges = {
      capacity: input.capacity,
      closed: input.closed,
      priceOverrides: input.priceOverrides === null ? {} : input.priceOverrides,
    };
    const outcome = await applySlotChanges(tx, item.id, targets, changes);
    if (!outcome.ok) throw capacityBelowBooked([]);
    await auditCatalogue(tx, {
      action: 'item.availability_edited',
      entityType: 'item',
      entityId: item.id,
      actor: { userId: callerId, caller },
      data: {
        from: input.from,
        to: input.to,
        weekdays: input.weekdays ?? null,
        fields: (['capacity', 'closed', 'priceOverrides'] as const).filter((key) => input[key] !== undefined),
        created: outcome.created,
        updated: outcome.updated,
      },
      correlationId: meta.correlationId,
    });
    const touched = new Set(outcome.ids);
    const rows = await availabilityRange(tx, item.id, input.from, input.to);
    return {
      created: outcome.created,
      updated: outcome.updated,
      slots: rows.filter((row) => touched.has(row.id)).map(toSlotView),
    };
  });
}
