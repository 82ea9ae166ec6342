// The simulator's booking record; the OCTO Booking shape is rendered from it on demand.
import type { BookingStatus, Refund } from '../octo/octo-types.ts';
import type { UnitPrice } from '../catalogue/catalogue-types.ts';

export interface ContactRecord {
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
  emailAddress: string | null;
  phoneNumber: string | null;
  locales: string[];
  postalCode: string | null;
  country: string | null;
  notes: string | null;
}

export interface UnitItemRecord {
  uuid: string;
  unitId: string;
  resellerReference: string | null;
  supplierReference: string;
  contact: ContactRecord;
  /** Price at the time the item was sold: later price changes do not reprice bookings. */
  price: UnitPrice;
}

export interface CancellationRecord {
  refund: Refund;
  reason: string | null;
  cancelledAt: Date;
  bySupplier: boolean;
}

export interface BookingRecord {
  id: string;
  uuid: string;
  supplierReference: string;
  resellerReference: string | null;
  status: BookingStatus;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
  confirmedAt: Date | null;
  productId: string;
  optionId: string;
  availabilityId: string;
  /** Local date of the activity (what GET /bookings?localDate filters on). */
  localDate: string;
  startsAt: Date;
  notes: string | null;
  contact: ContactRecord;
  unitItems: UnitItemRecord[];
  cancellation: CancellationRecord | null;
}

export function emptyContact(): ContactRecord {
  return {
    fullName: null,
    firstName: null,
    lastName: null,
    emailAddress: null,
    phoneNumber: null,
    locales: [],
    postalCode: null,
    country: null,
    notes: null,
  };
}

export function slotKey(productId: string, optionId: string, availabilityId: string): string {
  return `${productId}|${optionId}|${availabilityId}`;
}
