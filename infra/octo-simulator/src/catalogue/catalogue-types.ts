// The simulator's own catalogue model. It holds everything a supplier system knows
// (capacity, cut-offs, prices, closed days); the OCTO shapes are rendered from it per request,
// so capability-dependent fields (octo/pricing, octo/content) are added only when asked for.
import type {
  AvailabilityType,
  Commentary,
  ContactField,
  DurationUnit,
  Faq,
  Feature,
  Location,
  Media,
  CategoryLabel,
  UnitType,
} from '../octo/octo-types.ts';

export type ProductKind = 'TOUR' | 'ATTRACTION' | 'TRANSFER';

/** Prices in integer minor units of the supplier currency. */
export interface UnitPrice {
  original: number;
  retail: number;
  net: number;
}

export interface ContentBlock {
  title: string;
  shortDescription: string;
  features: Feature[];
  faqs: Faq[];
  media: Media[];
  locations: Location[];
  categoryLabels: CategoryLabel[];
  commentary: Commentary[];
}

export interface UnitDef {
  id: string;
  internalName: string;
  reference: string | null;
  type: UnitType;
  title: string;
  shortDescription: string;
  minAge: number;
  maxAge: number;
  idRequired: boolean;
  minQuantity: number | null;
  maxQuantity: number | null;
  /** Seats one unit takes (a FAMILY ticket covers four people). */
  paxCount: number;
  accompaniedBy: string[];
  requiredContactFields: ContactField[];
  price: UnitPrice;
  /** Removed through the control surface; kept so existing bookings still render. */
  removed: boolean;
}

export interface OpeningHoursDef {
  from: string;
  to: string;
}

export interface CancellationCutoff {
  amount: number;
  unit: DurationUnit;
}

export interface OptionDef {
  id: string;
  isDefault: boolean;
  internalName: string;
  reference: string | null;
  content: ContentBlock;
  startTimes: string[];
  durationMinutes: number;
  openingHours: OpeningHoursDef[];
  capacity: number;
  /** Sales close this many minutes before the start (OPENING_HOURS: before closing time). */
  bookingCutoffMinutes: number;
  cancellationCutoff: CancellationCutoff;
  /** 0 = Sunday … 6 = Saturday. */
  closedWeekdays: number[];
  minUnits: number;
  maxUnits: number;
  requiredContactFields: ContactField[];
  units: UnitDef[];
  removed: boolean;
}

export interface ProductDef {
  id: string;
  kind: ProductKind;
  internalName: string;
  reference: string;
  locale: string;
  timeZone: string;
  availabilityType: AvailabilityType;
  content: ContentBlock;
  durationMinutes: number;
  options: OptionDef[];
}

export interface SupplierDef {
  key: string;
  id: string;
  name: string;
  shortDescription: string;
  city: string;
  country: string;
  timeZone: string;
  locale: string;
  currency: string;
  currencyPrecision: number;
  taxName: string;
  /** Included sales tax in basis points (2300 = 23 %). */
  taxBasisPoints: number;
  contact: { website: string; email: string; telephone: string; address: string };
  media: Media[];
  products: ProductDef[];
}
