// Turns state changes into webhook deliveries for every matching subscription. Payloads
// carry the changed ids plus the current objects, rendered with the capabilities that were
// active when the subscription was created (as Ventrata does).
import type { BookingRecord } from '../bookings/booking-types.ts';
import { findOption, findProduct } from '../catalogue/lookup.ts';
import { findSlot } from '../availability/slots.ts';
import { slotState } from '../availability/vacancy.ts';
import { capsFromList } from '../octo/capabilities.ts';
import { renderAvailability } from '../render/availability.render.ts';
import { renderBooking } from '../render/booking.render.ts';
import { renderProduct } from '../render/product.render.ts';
import type { Clock } from '../state/clock.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import type { WebhookDispatcher } from './dispatcher.ts';
import type { WebhookEvent, WebhookSubscription } from './webhook-types.ts';

export interface SlotRef {
  productId: string;
  optionId: string;
  availabilityId: string;
}

export type ProductChange =
  | { type: 'OPTION_REMOVED'; optionId: string }
  | { type: 'UNIT_REMOVED'; optionId: string; unitId: string }
  | { type: 'PRICE_CHANGED'; optionId: string; unitId: string };

export class Notifier {
  constructor(
    private readonly dispatcher: WebhookDispatcher,
    private readonly clock: Clock,
  ) {}

  private each(state: SupplierState, event: WebhookEvent, build: (sub: WebhookSubscription) => object): void {
    const now = this.clock.now();
    for (const sub of state.subscriptions.values()) {
      if (sub.event === event) this.dispatcher.enqueue(state, sub, event, build(sub), now);
    }
  }

  bookingChanged(state: SupplierState, booking: BookingRecord): void {
    this.each(state, 'booking_update', (sub) => ({
      booking: renderBooking(state, booking, capsFromList(sub.capabilities), this.clock.now()),
    }));
  }

  /** One delivery per product/option touched. */
  availabilityChanged(state: SupplierState, refs: readonly SlotRef[]): void {
    const groups = new Map<string, SlotRef[]>();
    for (const ref of refs) {
      const key = `${ref.productId}|${ref.optionId}`;
      groups.set(key, [...(groups.get(key) ?? []), ref]);
    }
    for (const group of groups.values()) {
      const first = group[0];
      const product = first && findProduct(state.catalogue, first.productId);
      const option = product && first && findOption(product, first.optionId, { includeRemoved: true });
      if (!product || !option || !first) continue;
      const slots = [...new Set(group.map((r) => r.availabilityId))]
        .map((id) => findSlot(product, option, id))
        .filter((s) => s !== undefined);
      this.each(state, 'availability_update', (sub) => ({
        availability: {
          productId: product.id,
          optionId: option.id,
          availabilityIds: slots.map((s) => s.id),
          localDates: [...new Set(slots.map((s) => s.localDate))],
        },
        availabilities: slots.map((slot) =>
          renderAvailability(
            state.catalogue,
            option,
            slot,
            slotState(state, product, option, slot, this.clock.now()),
            capsFromList(sub.capabilities),
          ),
        ),
      }));
    }
  }

  productChanged(state: SupplierState, productId: string, change: ProductChange): void {
    const product = findProduct(state.catalogue, productId);
    if (!product) return;
    this.each(state, 'product_update', (sub) => ({
      productId,
      change,
      product: renderProduct(state.catalogue, product, capsFromList(sub.capabilities)),
    }));
  }
}

export function bookingSlot(booking: BookingRecord): SlotRef {
  return { productId: booking.productId, optionId: booking.optionId, availabilityId: booking.availabilityId };
}
