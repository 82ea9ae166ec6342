// Renders booking records as OCTO Booking objects, with the current availability state.
import {
  BookingStatus,
  DeliveryFormat,
  DeliveryMethod,
  RedemptionMethod,
  type Booking,
  type Contact,
  type Ticket,
  type UnitItem,
} from '../octo/octo-types.ts';
import type { BookingRecord, ContactRecord } from '../bookings/booking-types.ts';
import { isCancellable } from '../bookings/state-machine.ts';
import { findOption, findProduct, findUnit } from '../catalogue/lookup.ts';
import { findSlot } from '../availability/slots.ts';
import { slotState } from '../availability/vacancy.ts';
import { toUtcIso } from '../lib/time.ts';
import type { Caps } from '../octo/capabilities.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import { renderAvailability } from './availability.render.ts';
import { renderPricing, sumPrices } from './pricing.render.ts';
import { renderOption, renderProduct, renderUnit } from './product.render.ts';

const iso = (date: Date | null): string | null => (date ? toUtcIso(date) : null);

export function renderContact(contact: ContactRecord): Contact {
  const derived = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return { ...contact, fullName: contact.fullName ?? (derived === '' ? null : derived) };
}

function ticket(code: string): Ticket {
  return {
    redemptionMethod: RedemptionMethod.DIGITAL,
    utcRedeemedAt: null,
    deliveryOptions: [{ deliveryFormat: DeliveryFormat.QRCODE, deliveryValue: code }],
  };
}

function hasTickets(booking: BookingRecord): boolean {
  return booking.status === BookingStatus.CONFIRMED || booking.status === BookingStatus.REDEEMED;
}

export function renderBooking(state: SupplierState, booking: BookingRecord, caps: Caps, now: Date): Booking {
  const supplier = state.catalogue;
  const product = findProduct(supplier, booking.productId);
  const option = product && findOption(product, booking.optionId, { includeRemoved: true });
  const slot = product && option ? findSlot(product, option, booking.availabilityId) : undefined;
  const unitItems: UnitItem[] = booking.unitItems.map((item) => {
    const unit = option && findUnit(option, item.unitId);
    const rendered: UnitItem = {
      uuid: item.uuid,
      resellerReference: item.resellerReference,
      supplierReference: item.supplierReference,
      unitId: item.unitId,
      status: booking.status,
      utcRedeemedAt: null,
      contact: renderContact(item.contact),
      ticket: hasTickets(booking) ? ticket(`OCTOSIM-${item.supplierReference}`) : null,
    };
    if (unit) rendered.unit = renderUnit(supplier, unit, caps);
    if (caps.pricing) rendered.pricing = renderPricing(supplier, item.price);
    return rendered;
  });
  const rendered: Booking = {
    id: booking.id,
    uuid: booking.uuid,
    testMode: false,
    resellerReference: booking.resellerReference,
    supplierReference: booking.supplierReference,
    status: booking.status,
    utcCreatedAt: toUtcIso(booking.createdAt),
    utcUpdatedAt: toUtcIso(booking.updatedAt),
    utcExpiresAt: booking.status === BookingStatus.CONFIRMED ? null : iso(booking.expiresAt),
    utcRedeemedAt: null,
    utcConfirmedAt: iso(booking.confirmedAt),
    productId: booking.productId,
    optionId: booking.optionId,
    cancellable: option ? isCancellable(booking, option, now) : false,
    cancellation: booking.cancellation && {
      refund: booking.cancellation.refund,
      reason: booking.cancellation.reason,
      utcCancelledAt: toUtcIso(booking.cancellation.cancelledAt),
    },
    freesale: false,
    availabilityId: booking.availabilityId,
    availability:
      product && option && slot
        ? renderAvailability(supplier, option, slot, slotState(state, product, option, slot, now), caps)
        : null,
    contact: renderContact(booking.contact),
    notes: booking.notes,
    deliveryMethods: [DeliveryMethod.TICKET, DeliveryMethod.VOUCHER],
    voucher: hasTickets(booking) ? ticket(`OCTOSIM-${booking.supplierReference}`) : null,
    unitItems,
  };
  if (product) rendered.product = renderProduct(supplier, product, caps);
  if (option && !option.removed) rendered.option = renderOption(supplier, option, caps);
  if (caps.pricing) rendered.pricing = renderPricing(supplier, sumPrices(booking.unitItems.map((i) => i.price)));
  return rendered;
}
