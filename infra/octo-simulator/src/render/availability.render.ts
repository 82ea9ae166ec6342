// Renders slots as OCTO Availability objects and days as AvailabilityCalendar objects.
import { AvailabilityStatus, type Availability, type AvailabilityCalendar } from '../octo/octo-types.ts';
import type { OptionDef, SupplierDef, UnitDef, UnitPrice } from '../catalogue/catalogue-types.ts';
import { liveUnits } from '../catalogue/lookup.ts';
import type { Slot } from '../availability/slots.ts';
import type { SlotState } from '../availability/vacancy.ts';
import type { Caps } from '../octo/capabilities.ts';
import { toUtcIso } from '../lib/time.ts';
import { fromPrice, renderPricing, renderUnitPricing, sumPrices } from './pricing.render.ts';

export interface UnitDemand {
  unit: UnitDef;
  quantity: number;
}

/** Total for the requested units, or the option's "from" price when none were given. */
export function headlinePrice(option: OptionDef, demand: readonly UnitDemand[]): UnitPrice {
  if (demand.length === 0) return fromPrice(liveUnits(option));
  return sumPrices(demand.flatMap(({ unit, quantity }) => Array.from({ length: quantity }, () => unit.price)));
}

export function renderAvailability(
  supplier: SupplierDef,
  option: OptionDef,
  slot: Slot,
  state: SlotState,
  caps: Caps,
  demand: readonly UnitDemand[] = [],
): Availability {
  const rendered: Availability = {
    id: slot.id,
    localDateTimeStart: slot.localDateTimeStart,
    localDateTimeEnd: slot.localDateTimeEnd,
    utcCutoffAt: toUtcIso(slot.cutoffAt),
    allDay: slot.allDay,
    available: state.available,
    status: state.status,
    vacancies: state.vacancies,
    capacity: state.capacity,
    maxUnits: option.maxUnits,
    openingHours: slot.openingHours,
  };
  if (caps.pricing) {
    Object.assign(rendered, {
      unitPricing: liveUnits(option).map((unit) => renderUnitPricing(supplier, unit)),
      pricing: renderPricing(supplier, headlinePrice(option, demand)),
    });
  }
  if (caps.content) {
    const label = slot.allDay ? option.content.title : `${slot.localDateTimeStart.slice(11, 16)} departure`;
    Object.assign(rendered, { title: label, shortDescription: `${option.content.title} – ${slot.localDate}` });
  }
  return rendered;
}

export interface CalendarDay {
  localDate: string;
  slots: { slot: Slot; state: SlotState }[];
}

export function renderCalendarDay(
  supplier: SupplierDef,
  option: OptionDef,
  day: CalendarDay,
  caps: Caps,
  demand: readonly UnitDemand[] = [],
): AvailabilityCalendar {
  const states = day.slots.map((s) => s.state);
  const open = states.filter((s) => s.status !== AvailabilityStatus.CLOSED);
  // The day shows its best slot: one bookable departure makes the date bookable.
  const rank: string[] = [
    AvailabilityStatus.AVAILABLE,
    AvailabilityStatus.LIMITED,
    AvailabilityStatus.SOLD_OUT,
    AvailabilityStatus.CLOSED,
  ];
  const best = [...states].sort((a, b) => rank.indexOf(a.status) - rank.indexOf(b.status))[0];
  const rendered: AvailabilityCalendar = {
    localDate: day.localDate,
    available: best?.available ?? false,
    status: best?.status ?? AvailabilityStatus.CLOSED,
    vacancies: Math.max(0, ...open.map((s) => s.vacancies)),
    capacity: open.reduce((sum, s) => sum + s.capacity, 0),
    openingHours: day.slots[0]?.slot.openingHours ?? [],
  };
  if (caps.pricing) {
    Object.assign(rendered, {
      unitPricingFrom: liveUnits(option).map((unit) => renderUnitPricing(supplier, unit)),
      pricingFrom: renderPricing(supplier, headlinePrice(option, demand)),
    });
  }
  return rendered;
}
