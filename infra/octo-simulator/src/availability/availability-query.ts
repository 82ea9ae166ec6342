// Answers availability checks (one object per slot) and calendars (one object per day).
import type { Availability, AvailabilityCalendar } from '../octo/octo-types.ts';
import type { Caps } from '../octo/capabilities.ts';
import { renderAvailability, renderCalendarDay } from '../render/availability.render.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import type { AvailabilityRequest } from './availability-request.ts';
import { findSlot, isInWindow, slotsForDate, type Slot } from './slots.ts';
import { slotState } from './vacancy.ts';

function seatsDemanded(req: AvailabilityRequest): number {
  return req.demand.reduce((sum, d) => sum + d.quantity * d.unit.paxCount, 0);
}

function slotsInWindow(req: AvailabilityRequest, date: string, now: Date): Slot[] {
  return isInWindow(req.product, date, now) ? slotsForDate(req.product, req.option, date) : [];
}

export function checkAvailability(
  state: SupplierState,
  req: AvailabilityRequest,
  now: Date,
  caps: Caps,
): Availability[] {
  let slots: Slot[] = (req.dates ?? []).flatMap((date) => slotsInWindow(req, date, now));
  if (req.availabilityIds) {
    const wanted = new Set(req.availabilityIds);
    if (!req.dates) {
      slots = [...wanted]
        .map((id) => findSlot(req.product, req.option, id))
        .filter((s): s is Slot => s !== undefined && isInWindow(req.product, s.localDate, now));
    }
    slots = slots.filter((s) => wanted.has(s.id)).sort((a, b) => a.start.getTime() - b.start.getTime());
  }
  const demand = seatsDemanded(req);
  return slots.map((slot) =>
    renderAvailability(
      state.catalogue,
      req.option,
      slot,
      slotState(state, req.product, req.option, slot, now, demand),
      caps,
      req.demand,
    ),
  );
}

export function availabilityCalendar(
  state: SupplierState,
  req: AvailabilityRequest,
  now: Date,
  caps: Caps,
): AvailabilityCalendar[] {
  const demand = seatsDemanded(req);
  return (req.dates ?? []).map((localDate) => {
    const slots = slotsInWindow(req, localDate, now).map((slot) => ({
      slot,
      state: slotState(state, req.product, req.option, slot, now, demand),
    }));
    return renderCalendarDay(state.catalogue, req.option, { localDate, slots }, caps, req.demand);
  });
}
