import { z } from 'zod';
import { locales, type Locale } from './auth.ts';
import { pageSchema, regionCodeSchema } from './partners.ts';

/**
 * The bundling API (catalogue, availability, packages, quotes, bookings) as the service
 * validates it and the portal reads it. Amounts are integer minor units of an ISO 4217
 * currency (`priceMinor: 12900` with `currency: 'EUR'` is €129.00), never decimals.
 * Validation messages are stable codes the portal translates.
 */

// ─── Vocabulary ──────────────────────────────────────────────────────────────────────────

export const itemKinds = ['tour', 'service', 'transport', 'extra'] as const;
export const itemKindSchema = z.enum(itemKinds, { message: 'invalid_item_kind' });
export type ItemKind = z.infer<typeof itemKindSchema>;

/** draft → published ⇄ paused → archived (archived is final). Only a verified partner publishes. */
export const catalogueStatuses = ['draft', 'published', 'paused', 'archived'] as const;
export type CatalogueStatus = (typeof catalogueStatuses)[number];

/**
 * Unit types. Person units price per traveller of that age band and take one place each
 * (infants take none); booking units (a room, a vehicle, a generic unit) price per unit and
 * take one each. An item has person units or exactly one booking unit, not both.
 */
export const personUnits = ['adult', 'child', 'infant', 'senior'] as const;
export const bookingUnits = ['room', 'vehicle', 'unit'] as const;
export const unitCodes = [...personUnits, ...bookingUnits] as const;
export const unitCodeSchema = z.enum(unitCodes, { message: 'invalid_unit' });
export type UnitCode = z.infer<typeof unitCodeSchema>;
export type PersonUnit = (typeof personUnits)[number];
export function isPersonUnit(code: string): code is PersonUnit {
  return (personUnits as readonly string[]).includes(code);
}

/** Timed slots (a tour at 09:00 and 14:00) or a daily allotment (rooms per night). */
export const capacityModels = ['slots', 'daily'] as const;
export const capacityModelSchema = z.enum(capacityModels, { message: 'invalid_capacity_model' });
export type CapacityModel = z.infer<typeof capacityModelSchema>;

export const itemTags = [
  'family',
  'couple',
  'solo',
  'group',
  'adventure',
  'relax',
  'culture',
  'food',
  'nature',
  'lake',
  'mountain',
  'accessible',
  'pet_friendly',
] as const;
export const itemTagSchema = z.enum(itemTags, { message: 'invalid_tag' });
export type ItemTag = z.infer<typeof itemTagSchema>;

/**
 * How another partner may bundle an item: at a `net_rate` (the supplier is paid its net rate per
 * unit, the seller keeps the margin) or for a `commission` (the seller keeps `commissionBps` of
 * the price, the supplier the rest).
 */
export const bundleTermsKinds = ['net_rate', 'commission'] as const;
export type BundleTermsKind = (typeof bundleTermsKinds)[number];

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: 'invalid_currency' });

/** A price or amount in minor units: a non-negative safe integer. */
export const minorSchema = z
  .number({ message: 'invalid_amount' })
  .int({ message: 'invalid_amount' })
  .min(0, { message: 'negative_amount' })
  .max(100_000_000_00, { message: 'amount_too_large' });

const basisPointsSchema = z.number().int().min(0, { message: 'invalid_bps' }).max(10_000, { message: 'invalid_bps' });

/** yyyy-mm-dd (a calendar date in the item's local time). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'invalid_date',
    },
  );

/** HH:MM, 24 h. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });

// ─── Translations ───────────────────────────────────────────────────────────────────────

const titleSchema = z.string().trim().min(3, { message: 'too_short' }).max(120, { message: 'too_long' });
const longTextSchema = z.string().trim().max(4000, { message: 'too_long' });

export const translationSchema = z.strictObject({ title: titleSchema, description: longTextSchema.default('') });
export type Translation = z.output<typeof translationSchema>;

/** Title and description per language; at least one language. */
export const translationsSchema = z
  .strictObject({
    en: translationSchema.optional(),
    it: translationSchema.optional(),
    de: translationSchema.optional(),
    fr: translationSchema.optional(),
    es: translationSchema.optional(),
  } satisfies Record<Locale, z.ZodType>)
  .refine((value) => Object.values(value).some(Boolean), { message: 'translation_required' });
export type Translations = Partial<Record<Locale, Translation>>;

// ─── Catalogue items ────────────────────────────────────────────────────────────────────

export const destinationSchema = z.strictObject({
  /** Place name as travellers know it ("Riva del Garda"). */
  place: z.string().trim().min(2, { message: 'too_short' }).max(120, { message: 'too_long' }),
  /** ISO 3166-2 subdivision or ISO 3166-1 country ("IT-32", "IT"). */
  regionCode: regionCodeSchema,
  latitude: z.number().min(-90, { message: 'invalid_coordinates' }).max(90, { message: 'invalid_coordinates' }),
  longitude: z.number().min(-180, { message: 'invalid_coordinates' }).max(180, { message: 'invalid_coordinates' }),
});
export type Destination = z.output<typeof destinationSchema>;

export const itemUnitSchema = z.strictObject({
  code: unitCodeSchema,
  priceMinor: minorSchema,
  /** What the supplier is paid per unit when another partner bundles it under `net_rate` terms. */
  netRateMinor: minorSchema.nullable().default(null),
});
export type ItemUnit = z.output<typeof itemUnitSchema>;

export const bundleTermsSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('net_rate') }),
    z.strictObject({ kind: z.literal('commission'), commissionBps: basisPointsSchema }),
  ],
  { message: 'invalid_bundle_terms' },
);
export type BundleTerms = z.output<typeof bundleTermsSchema>;

const itemShape = {
  kind: itemKindSchema,
  translations: translationsSchema,
  destination: destinationSchema,
  durationMinutes: z
    .number()
    .int()
    .min(0, { message: 'invalid_duration' })
    .max(60 * 24 * 30, { message: 'invalid_duration' }),
  tags: z
    .array(itemTagSchema)
    .max(13)
    .transform((v) => [...new Set(v)]),
  currency: currencySchema,
  units: z
    .array(itemUnitSchema)
    .min(1, { message: 'units_required' })
    .max(7)
    .refine((units) => new Set(units.map((u) => u.code)).size === units.length, { message: 'duplicate_unit' })
    .refine(
      (units) => units.every((u) => isPersonUnit(u.code)) || (units.length === 1 && !isPersonUnit(units[0]!.code)),
      { message: 'mixed_units' },
    ),
  capacityModel: capacityModelSchema,
  /** No booking later than this many hours before the start. */
  cutoffHours: z
    .number()
    .int()
    .min(0, { message: 'invalid_cutoff' })
    .max(24 * 60, { message: 'invalid_cutoff' }),
  /** Slot start times for `slots` items ("09:00"); ignored for `daily` items. */
  startTimes: z.array(timeOfDaySchema).max(24).default([]),
  /** Null: only this partner sells it. */
  bundleTerms: bundleTermsSchema.nullable().default(null),
};

export const createItemSchema = z.strictObject(itemShape);
export type CreateItemInput = z.output<typeof createItemSchema>;
/** A patch: fields left out stay as they are (no defaults here, or `{}` would clear start times and terms). */
export const updateItemSchema = z
  .strictObject({
    ...itemShape,
    startTimes: z.array(timeOfDaySchema).max(24),
    bundleTerms: bundleTermsSchema.nullable(),
  })
  .partial()
  .omit({ kind: true, currency: true });
export type UpdateItemInput = z.output<typeof updateItemSchema>;

export const itemImageSchema = z.object({ id: z.string(), url: z.string(), position: z.number().int() });

export const itemViewSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerVerified: z.boolean(),
  kind: itemKindSchema,
  status: z.enum(catalogueStatuses),
  translations: z.record(z.string(), z.object({ title: z.string(), description: z.string() })),
  /** Title and description in the requested language, else the item's first language. */
  title: z.string(),
  description: z.string(),
  language: z.string(),
  destination: z.object({ place: z.string(), regionCode: z.string(), latitude: z.number(), longitude: z.number() }),
  durationMinutes: z.number().int(),
  tags: z.array(z.string()),
  currency: z.string(),
  units: z.array(
    z.object({ code: unitCodeSchema, priceMinor: z.number().int(), netRateMinor: z.number().int().nullable() }),
  ),
  capacityModel: capacityModelSchema,
  cutoffHours: z.number().int(),
  startTimes: z.array(z.string()),
  bundleTerms: z.object({ kind: z.enum(bundleTermsKinds), commissionBps: z.number().int().optional() }).nullable(),
  images: z.array(itemImageSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemView = z.infer<typeof itemViewSchema>;
export const itemPageSchema = pageSchema(itemViewSchema);

export const listItemsQuerySchema = z.object({
  lang: z.enum(locales).optional(),
  kind: itemKindSchema.optional(),
  status: z.enum(catalogueStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ─── Availability ───────────────────────────────────────────────────────────────────────

export const availabilitySlotSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  date: z.string(),
  /** "09:00" for a timed slot, null for a daily allotment. */
  startTime: z.string().nullable(),
  startsAt: z.string(),
  capacity: z.number().int(),
  held: z.number().int(),
  sold: z.number().int(),
  /** capacity - held - sold, 0 when closed. */
  remaining: z.number().int(),
  closed: z.boolean(),
  /** Price per unit code on that date instead of the item's price. */
  priceOverrides: z.record(z.string(), z.number().int()),
});
export type AvailabilitySlot = z.infer<typeof availabilitySlotSchema>;

export const availabilityQuerySchema = z.object({ from: isoDateSchema, to: isoDateSchema });

/**
 * Calendar bulk edit: every date in [from, to] whose weekday is listed (0 = Sunday … 6 =
 * Saturday; all when omitted), every slot start time of the item (or the given ones). Fields left
 * out stay as they are; new rows need `capacity`. Lowering capacity below what is held and sold
 * is refused for the whole edit (`capacity_below_booked`).
 */
export const bulkAvailabilitySchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7).optional(),
    startTimes: z.array(timeOfDaySchema).max(24).optional(),
    capacity: z
      .number()
      .int()
      .min(0, { message: 'invalid_capacity' })
      .max(100_000, { message: 'invalid_capacity' })
      .optional(),
    closed: z.boolean().optional(),
    /** Unit code → price in minor units (any subset of the item's units); null clears the overrides. */
    priceOverrides: z.partialRecord(unitCodeSchema, minorSchema).nullable().optional(),
  })
  .refine((v) => v.from <= v.to, { message: 'invalid_date_range', path: ['to'] });
export type BulkAvailabilityInput = z.output<typeof bulkAvailabilitySchema>;

// ─── Packages ───────────────────────────────────────────────────────────────────────────

export const packageLineInputSchema = z.strictObject({
  itemId: z.string().uuid({ message: 'invalid_item' }),
  /** How many times the line is booked: rooms for a room item, rides/tickets per traveller for person items. */
  qty: z.number().int().min(1, { message: 'invalid_quantity' }).max(50, { message: 'invalid_quantity' }),
  /** Days after the package's start date (0 = the first day). */
  dayOffset: z.number().int().min(0).max(60).default(0),
  /** Consecutive days (nights) of a daily-allotment item; 1 for slot items. */
  days: z.number().int().min(1).max(30).default(1),
});
export type PackageLineInput = z.output<typeof packageLineInputSchema>;

/** Conditions that must all hold for a discount rule to apply. */
export const ruleConditionsSchema = z.strictObject({
  minDistinctItems: z.number().int().min(1).max(50).optional(),
  travelFrom: isoDateSchema.optional(),
  travelTo: isoDateSchema.optional(),
  /** Booked at least this many days before the start. */
  minDaysBefore: z.number().int().min(1).max(730).optional(),
  minAdults: z.number().int().min(1).max(50).optional(),
  minChildren: z.number().int().min(1).max(50).optional(),
});
export type RuleConditions = z.output<typeof ruleConditionsSchema>;

export const discountRuleSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      id: z.string().trim().min(1).max(40),
      type: z.literal('percentage'),
      /** Basis points of the subtotal (1000 = 10 %). */
      bps: basisPointsSchema,
      conditions: ruleConditionsSchema.default({}),
    }),
    z.strictObject({
      id: z.string().trim().min(1).max(40),
      type: z.literal('fixed'),
      amountMinor: minorSchema,
      conditions: ruleConditionsSchema.default({}),
    }),
  ],
  { message: 'invalid_rule' },
);
export type DiscountRule = z.output<typeof discountRuleSchema>;

/**
 * Cancellation tiers: cancelling at least `hoursBefore` hours before the start refunds
 * `refundPercent`. Ordered by hoursBefore descending, refunds not increasing; a booking
 * cancelled later than every tier gets nothing back.
 */
export const policyTierSchema = z.strictObject({
  hoursBefore: z
    .number()
    .int()
    .min(0)
    .max(24 * 365),
  refundPercent: z.number().int().min(0, { message: 'invalid_percent' }).max(100, { message: 'invalid_percent' }),
});
export const policySchema = z.strictObject({
  tiers: z
    .array(policyTierSchema)
    .min(1, { message: 'policy_required' })
    .max(10)
    .refine(
      (tiers) =>
        tiers.every(
          (t, i) =>
            i === 0 || (t.hoursBefore < tiers[i - 1]!.hoursBefore && t.refundPercent <= tiers[i - 1]!.refundPercent),
        ),
      { message: 'policy_tiers_unordered' },
    ),
});
export type CancellationPolicy = z.output<typeof policySchema>;

const packageShape = {
  translations: translationsSchema,
  lines: z.array(packageLineInputSchema).min(1, { message: 'items_required' }).max(20),
  discountRules: z.array(discountRuleSchema).max(10).default([]),
  policy: policySchema,
  tags: z.array(itemTagSchema).max(13).default([]),
  /** Optional sale window: the package can start only between these dates. */
  availableFrom: isoDateSchema.nullable().default(null),
  availableTo: isoDateSchema.nullable().default(null),
};
export const createPackageSchema = z.strictObject(packageShape);
export type CreatePackageInput = z.output<typeof createPackageSchema>;
/** A patch: fields left out stay as they are (no defaults here, or a title edit would clear rules, tags and the sale window). */
export const updatePackageSchema = z
  .strictObject({
    ...packageShape,
    discountRules: z.array(discountRuleSchema).max(10),
    tags: z.array(itemTagSchema).max(13),
    availableFrom: isoDateSchema.nullable(),
    availableTo: isoDateSchema.nullable(),
  })
  .partial();
export type UpdatePackageInput = z.output<typeof updatePackageSchema>;

export const partySchema = z
  .strictObject({
    adult: z.number().int().min(0).max(50).default(0),
    child: z.number().int().min(0).max(50).default(0),
    infant: z.number().int().min(0).max(20).default(0),
    senior: z.number().int().min(0).max(50).default(0),
  })
  .refine((p) => p.adult + p.senior >= 1, { message: 'party_needs_adult' });
export type Party = z.output<typeof partySchema>;

export const packageLineViewSchema = z.object({
  position: z.number().int(),
  itemId: z.string(),
  itemKind: itemKindSchema,
  title: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerVerified: z.boolean(),
  capacityModel: capacityModelSchema,
  qty: z.number().int(),
  dayOffset: z.number().int(),
  days: z.number().int(),
  /** The item belongs to another partner (bundled under its terms). */
  bundled: z.boolean(),
});

export const packageViewSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerVerified: z.boolean(),
  status: z.enum(catalogueStatuses),
  translations: z.record(z.string(), z.object({ title: z.string(), description: z.string() })),
  title: z.string(),
  description: z.string(),
  language: z.string(),
  currency: z.string(),
  /** Price for one adult on the cheapest open date, before rules that need a date or party. */
  basePriceMinor: z.number().int(),
  lines: z.array(packageLineViewSchema),
  discountRules: z.array(discountRuleSchema),
  policy: policySchema,
  tags: z.array(z.string()),
  destination: z
    .object({ place: z.string(), regionCode: z.string(), latitude: z.number(), longitude: z.number() })
    .nullable(),
  availableFrom: z.string().nullable(),
  availableTo: z.string().nullable(),
  images: z.array(itemImageSchema),
  durationDays: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type PackageView = z.infer<typeof packageViewSchema>;
export const packagePageSchema = pageSchema(packageViewSchema);

/** GET /api/packages, /api/packages/mine (status filters only the partner's own), /api/partners/:id/packages. */
export const listPackagesQuerySchema = z.object({
  lang: z.enum(locales).optional(),
  status: z.enum(catalogueStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const packageAvailabilityQuerySchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  adult: z.coerce.number().int().min(0).max(50).default(2),
  child: z.coerce.number().int().min(0).max(50).default(0),
  infant: z.coerce.number().int().min(0).max(20).default(0),
  senior: z.coerce.number().int().min(0).max(50).default(0),
});
/** Per start date: how many more parties of this composition fit (min over the lines). */
export const packageAvailabilitySchema = z.object({
  days: z.array(z.object({ date: z.string(), available: z.number().int(), bookable: z.boolean() })),
});

/**
 * The start times a traveller can choose on a start date: per timed line (slot items), that
 * line's slots on its day (start + dayOffset), with what is left and whether the party fits.
 * The quote and the booking take the choice as `slots` (line position → availabilityId).
 */
export const packageSlotsQuerySchema = z.object({
  date: isoDateSchema,
  adult: z.coerce.number().int().min(0).max(50).default(2),
  child: z.coerce.number().int().min(0).max(50).default(0),
  infant: z.coerce.number().int().min(0).max(20).default(0),
  senior: z.coerce.number().int().min(0).max(50).default(0),
});
export const packageSlotsSchema = z.object({
  date: z.string(),
  lines: z.array(
    z.object({
      position: z.number().int(),
      date: z.string(),
      slots: z.array(
        z.object({
          availabilityId: z.string(),
          startTime: z.string(),
          remaining: z.number().int(),
          /** Open, not past the cut-off, and enough left for the party. */
          fits: z.boolean(),
        }),
      ),
    }),
  ),
});
export type PackageSlots = z.infer<typeof packageSlotsSchema>;

// ─── Quotes and price breakdowns ────────────────────────────────────────────────────────

/** Chosen slot per line position for timed items with several slots that day. */
export const slotChoiceSchema = z.record(z.string().regex(/^\d+$/), z.string().uuid({ message: 'invalid_slot' }));

export const quoteRequestSchema = z.strictObject({
  date: isoDateSchema,
  party: partySchema,
  slots: slotChoiceSchema.default({}),
  couponCode: z.string().trim().min(1).max(40).optional(),
  affiliateCode: z.string().trim().min(1).max(40).optional(),
  lang: z.enum(locales).optional(),
});
export type QuoteRequest = z.output<typeof quoteRequestSchema>;

export const breakdownLineSchema = z.object({
  position: z.number().int(),
  itemId: z.string(),
  itemKind: itemKindSchema,
  title: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  /** The date (and slot) this line uses; one entry per day for multi-day lines. */
  dates: z.array(
    z.object({ date: z.string(), startTime: z.string().nullable(), availabilityId: z.string().nullable() }),
  ),
  units: z.array(z.object({ code: unitCodeSchema, quantity: z.number().int(), unitPriceMinor: z.number().int() })),
  grossMinor: z.number().int(),
  bundleDiscountMinor: z.number().int(),
  couponDiscountMinor: z.number().int(),
  netMinor: z.number().int(),
  /** What the item's partner is owed for this line (its net rate or price minus commission). */
  supplierShareMinor: z.number().int(),
});
export const breakdownPartnerSchema = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  partnerVerified: z.boolean(),
  /** What the traveller pays for this partner's lines. */
  netMinor: z.number().int(),
  /** What this partner is owed (its supplier shares, plus the seller's margin for the package's owner). */
  payableMinor: z.number().int(),
});
export const breakdownSchema = z.object({
  currency: z.string(),
  lines: z.array(breakdownLineSchema),
  partners: z.array(breakdownPartnerSchema),
  appliedRules: z.array(z.object({ ruleId: z.string(), amountMinor: z.number().int() })),
  subtotalMinor: z.number().int(),
  bundleDiscountMinor: z.number().int(),
  couponDiscountMinor: z.number().int(),
  totalMinor: z.number().int(),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

export const quoteViewSchema = z.object({
  packageId: z.string(),
  /** The package version priced (a booking records it; a later edit bumps the package's, not this price). */
  packageVersion: z.number().int().optional(),
  date: z.string(),
  party: z.record(z.string(), z.number().int()),
  breakdown: breakdownSchema,
  /** Refund if cancelled now, per the package's policy (percent). */
  refundPercentNow: z.number().int(),
});
export type QuoteView = z.infer<typeof quoteViewSchema>;

// ─── Bookings ───────────────────────────────────────────────────────────────────────────

export const bookingStatuses = ['pending_payment', 'confirmed', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export const bookRequestSchema = quoteRequestSchema;
export type BookRequest = z.output<typeof bookRequestSchema>;

export const bookingViewSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  packageTitle: z.string(),
  sellerPartnerId: z.string(),
  status: z.enum(bookingStatuses),
  startDate: z.string(),
  party: z.record(z.string(), z.number().int()),
  breakdown: breakdownSchema,
  pricePaidMinor: z.number().int(),
  currency: z.string(),
  holdExpiresAt: z.string().nullable(),
  paymentIntentId: z.string().nullable(),
  policy: policySchema,
  /** What cancelling now would refund (pending bookings: nothing was paid, nothing to refund). */
  refundNow: z.object({ percent: z.number().int(), amountMinor: z.number().int() }),
  refundMinor: z.number().int().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type BookingView = z.infer<typeof bookingViewSchema>;
export const bookingPageSchema = pageSchema(bookingViewSchema);

/** A partner's view of a booking that includes its items: its lines and its share only. */
export const partnerBookingViewSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  packageTitle: z.string(),
  status: z.enum(bookingStatuses),
  startDate: z.string(),
  party: z.record(z.string(), z.number().int()),
  currency: z.string(),
  lines: z.array(breakdownLineSchema),
  /** This partner's payable for the booking. */
  shareMinor: z.number().int(),
  isSeller: z.boolean(),
  createdAt: z.string(),
});
export type PartnerBookingView = z.infer<typeof partnerBookingViewSchema>;
export const partnerBookingPageSchema = pageSchema(partnerBookingViewSchema);

export const bookingsQuerySchema = z.object({
  status: z.enum(bookingStatuses).optional(),
  lang: z.enum(locales).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ─── AI Suggest Bundles ─────────────────────────────────────────────────────────────────

/** Who travels: drives the traveller-type fit of suggestions (inferred from the party when absent). */
export const travellerTypes = ['family', 'couple', 'solo', 'group'] as const;
export type TravellerType = (typeof travellerTypes)[number];

/**
 * Why a suggestion is offered, as stable codes the portal translates: items often booked
 * together (or with what the traveller is looking at), fit for the traveller type, booked in
 * this season, open on the traveller's dates, priced for every age band of the party, sold by
 * verified partners.
 */
export const suggestReasonCodes = [
  'often_booked_together',
  'matches_your_trip',
  'family_friendly',
  'couple_friendly',
  'solo_friendly',
  'group_friendly',
  'popular_this_season',
  'available_on_your_dates',
  'fits_your_party',
  'partner_verified',
] as const;
export type SuggestReason = (typeof suggestReasonCodes)[number];

const partyBands = { a: 'adult', c: 'child', i: 'infant', s: 'senior' } as const;
const partyLimits = { adult: 50, child: 50, infant: 20, senior: 50 } as const;

/** A party in a query string: "2a1c" = 2 adults and 1 child (a adult, c child, i infant, s senior; each once). */
export const partyCodeSchema = z
  .string()
  .trim()
  .regex(/^(?:\d{1,2}[acisACIS]){1,4}$/, { message: 'invalid_party' })
  .transform((code, ctx) => {
    const party = { adult: 0, child: 0, infant: 0, senior: 0 };
    const seen = new Set<string>();
    for (const [, count, letter] of code.toLowerCase().matchAll(/(\d{1,2})([acis])/g)) {
      const band = partyBands[letter as keyof typeof partyBands];
      const value = Number(count);
      if (seen.has(band) || value > partyLimits[band]) {
        ctx.addIssue({ code: 'custom', message: 'invalid_party' });
        return z.NEVER;
      }
      seen.add(band);
      party[band] = value;
    }
    if (party.adult + party.senior < 1) {
      ctx.addIssue({ code: 'custom', message: 'party_needs_adult' });
      return z.NEVER;
    }
    return party;
  });

/** The longest trip window suggestions look at, in days (from and to included). */
export const MAX_SUGGEST_DAYS = 31;

/**
 * GET /api/packages/suggest. `dest`: a place name (part of it), a region code ("IT-32") or a
 * country ("IT"). `from`/`to`: the trip (to = the last day; the stay's nights run from `from` to
 * the night before `to`); without them, the next days from tomorrow. `packageId`: the package the
 * traveller is looking at (its items become the context; it is not suggested itself).
 */
export const suggestQuerySchema = z
  .object({
    dest: z.string().trim().min(2, { message: 'too_short' }).max(80, { message: 'too_long' }).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    travellerType: z.enum(travellerTypes, { message: 'invalid_traveller_type' }).optional(),
    party: partyCodeSchema.optional(),
    packageId: z.uuid({ message: 'invalid_id' }).optional(),
    lang: z.enum(locales).optional(),
    limit: z.coerce.number().int().min(1).max(20).default(8),
  })
  .refine((q) => q.to === undefined || q.from !== undefined, { message: 'invalid_date_range', path: ['from'] })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'invalid_date_range', path: ['to'] })
  .refine(
    (q) =>
      !q.from ||
      !q.to ||
      (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000 < MAX_SUGGEST_DAYS,
    { message: 'range_too_long', path: ['to'] },
  );
export type SuggestQuery = z.output<typeof suggestQuerySchema>;

export const suggestionItemSchema = z.object({
  itemId: z.string(),
  kind: itemKindSchema,
  title: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerVerified: z.boolean(),
  place: z.string(),
  regionCode: z.string(),
  tags: z.array(z.string()),
  /** The days it is priced on (one per night for a stay). */
  dates: z.array(z.string()),
});

export const suggestionSchema = z.object({
  /** An existing package, or a bundle composed from items often booked together. */
  kind: z.enum(['package', 'composed']),
  /** Stable: the package id, or "items:" and the item ids sorted and joined by ",". */
  key: z.string(),
  packageId: z.string().nullable(),
  /** The package's title, or the items' titles joined by " + ". */
  title: z.string(),
  currency: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** What the party pays (a package with its discount rules; a composed bundle the sum of its items). */
  totalMinor: z.number().int(),
  breakdown: breakdownSchema,
  items: z.array(suggestionItemSchema),
  reasons: z.array(z.enum(suggestReasonCodes)),
  /** The engine's score (higher first); comparable within one answer only. */
  score: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestViewSchema = z.object({
  travellerType: z.enum(travellerTypes),
  /** True when the traveller type was not given and was read from the party. */
  travellerTypeInferred: z.boolean(),
  from: z.string(),
  to: z.string(),
  /** Whether the traveller gave the dates (only then do suggestions say "available on your dates"). */
  datesGiven: z.boolean(),
  party: z.object({
    adult: z.number().int(),
    child: z.number().int(),
    infant: z.number().int(),
    senior: z.number().int(),
  }),
  suggestions: z.array(suggestionSchema),
});
export type SuggestView = z.infer<typeof suggestViewSchema>;

// ─── Search and Discover ────────────────────────────────────────────────────────────────

export const searchKinds = ['package', 'item'] as const;
export type SearchKind = (typeof searchKinds)[number];
/** `rating`: accepted, but no ratings exist yet, so it ranks by relevance (`sortApplied` says so). */
export const searchSorts = ['relevance', 'price', 'rating', 'newest'] as const;
export type SearchSort = (typeof searchSorts)[number];
/** The widest start-date range a search looks at, in days (from and to included). */
export const MAX_SEARCH_DAYS = 31;

const queryBoolean = z
  .enum(['true', 'false', '1', '0'], { message: 'invalid_boolean' })
  .transform((value) => value === 'true' || value === '1');

/** "lat,lng" in decimal degrees ("45.88,10.84"). */
export const nearSchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,2}(\.\d+)?,\s*-?\d{1,3}(\.\d+)?$/, { message: 'invalid_near' })
  .transform((value, ctx) => {
    const [latitude, longitude] = value.split(',').map(Number) as [number, number];
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      ctx.addIssue({ code: 'custom', message: 'invalid_near' });
      return z.NEVER;
    }
    return { latitude, longitude };
  });

/** "family,lake": every listed tag (AND). */
const tagListSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const tags = [
      ...new Set(
        value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    if (tags.length > itemTags.length || tags.some((t) => !(itemTags as readonly string[]).includes(t))) {
      ctx.addIssue({ code: 'custom', message: 'invalid_tag' });
      return z.NEVER;
    }
    return tags as ItemTag[];
  });

const queryMinor = z.coerce
  .number({ message: 'invalid_amount' })
  .int({ message: 'invalid_amount' })
  .min(0, { message: 'invalid_amount' })
  .max(100_000_000_00, { message: 'invalid_amount' });

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * GET /api/packages/search. `q`: words in `lang` (stemmed with that language's dictionary,
 * typos corrected); `dest`: a place name, a region code ("IT-32") or a country ("IT"); `near` +
 * `radiusKm`: around coordinates. `date`, or `from` + `to` (start dates, ≤ 31 days): only what
 * is bookable then for `party` ("2a1c", default 2 adults), priced for it. Price bounds are minor
 * units of `currency` (default EUR; results in another currency are left out when a bound is set).
 */
export const searchQuerySchema = z
  .object({
    q: z.string().trim().max(200, { message: 'too_long' }).optional(),
    dest: z.string().trim().max(120, { message: 'too_long' }).optional(),
    near: nearSchema.optional(),
    radiusKm: z.coerce
      .number({ message: 'invalid_radius' })
      .min(1, { message: 'invalid_radius' })
      .max(500, { message: 'invalid_radius' })
      .optional(),
    date: isoDateSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    party: partyCodeSchema.optional(),
    kind: z.enum(searchKinds, { message: 'invalid_kind' }).optional(),
    itemKind: itemKindSchema.optional(),
    verifiedOnly: queryBoolean.optional(),
    priceMin: queryMinor.optional(),
    priceMax: queryMinor.optional(),
    currency: currencySchema.optional(),
    tags: tagListSchema.optional(),
    sort: z.enum(searchSorts, { message: 'invalid_sort' }).default('relevance'),
    lang: z.enum(locales, { message: 'invalid_lang' }).default('en'),
    page: z.coerce
      .number({ message: 'invalid_page' })
      .int({ message: 'invalid_page' })
      .min(1, { message: 'invalid_page' })
      .max(500, { message: 'invalid_page' })
      .default(1),
    pageSize: z.coerce
      .number({ message: 'invalid_page_size' })
      .int({ message: 'invalid_page_size' })
      .min(1, { message: 'invalid_page_size' })
      .max(50, { message: 'invalid_page_size' })
      .default(20),
  })
  .superRefine((q, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (q.date && (q.from || q.to)) issue('date', 'date_and_range');
    if ((q.from === undefined) !== (q.to === undefined)) issue(q.from ? 'to' : 'from', 'date_range_incomplete');
    if (q.from && q.to && q.to < q.from) issue('to', 'invalid_date_range');
    else if (q.from && q.to && daysBetween(q.from, q.to) >= MAX_SEARCH_DAYS) issue('to', 'range_too_long');
    if (q.priceMin !== undefined && q.priceMax !== undefined && q.priceMin > q.priceMax) {
      issue('priceMax', 'invalid_price_range');
    }
    if (q.radiusKm !== undefined && !q.near) issue('near', 'near_required');
  });
export type SearchQuery = z.output<typeof searchQuerySchema>;

export const searchResultSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  /** The description's first 280 characters. */
  summary: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerVerified: z.boolean(),
  /** Labelled "Sponsored" when true: placed by a campaign (README "Sponsored placement"). */
  sponsored: z.boolean(),
  /** The campaign of a sponsored result (the portal reports its click to POST /api/campaigns/:id/click). */
  campaignId: z.string().optional(),
  /** The item's kind, or the kinds of a package's lines. */
  itemKinds: z.array(itemKindSchema),
  tags: z.array(z.string()),
  destination: z.object({ place: z.string(), regionCode: z.string(), latitude: z.number(), longitude: z.number() }),
  /** From `near` to the closest of its destinations; null without `near`. */
  distanceKm: z.number().nullable(),
  durationMinutes: z.number().int().nullable(),
  durationDays: z.number().int().nullable(),
  imageUrl: z.string().nullable(),
  /**
   * `party`: what the party pays on `date` (with dates; a package with its discount rules, the
   * cheapest start date and slot of the range). `from`: without dates, a package's from-price (one
   * adult) or an item's adult / unit price.
   */
  price: z.object({
    currency: z.string(),
    amountMinor: z.number().int(),
    basis: z.enum(['party', 'from']),
    date: z.string().nullable(),
  }),
  /** No ratings exist yet. */
  rating: z.number().nullable(),
  publishedAt: z.string().nullable(),
  /** Text relevance (0 without `q` or `dest`); comparable within one answer only. */
  score: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

const countsOf = <const K extends readonly string[]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [P in K[number]]: z.ZodNumber });

/**
 * Per filter value, how many results there would be with it: kind, item kind and verified are
 * counted with every other filter applied but their own; tags with every filter (tags narrow: a
 * result has all the chosen tags).
 */
export const searchFacetsSchema = z.object({
  kind: countsOf(searchKinds),
  itemKind: countsOf(itemKinds),
  tags: countsOf(itemTags),
  verified: z.object({ verified: z.number().int(), all: z.number().int() }),
});
export type SearchFacets = z.infer<typeof searchFacetsSchema>;

export const searchPageSchema = z.object({
  items: z.array(searchResultSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  facets: searchFacetsSchema,
  /** Names this answer in interaction events (a click sends it back as `requestId`). */
  searchId: z.string(),
  lang: z.enum(locales),
  sortApplied: z.enum(['relevance', 'price', 'newest']),
  party: z.object({
    adult: z.number().int(),
    child: z.number().int(),
    infant: z.number().int(),
    senior: z.number().int(),
  }),
  /** Query words not in the catalogue's vocabulary and the close words also searched for. */
  corrections: z.array(z.object({ word: z.string(), alternatives: z.array(z.string()) })),
});
export type SearchPage = z.infer<typeof searchPageSchema>;

/** GET /api/discover. `near`: sections keep to what lies within 100 km of it. */
export const discoverQuerySchema = z.object({
  lang: z.enum(locales, { message: 'invalid_lang' }).default('en'),
  near: nearSchema.optional(),
});

export const discoverPartnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  partnerVerified: z.boolean(),
  /** Its published packages (within 100 km of `near` when given). */
  packageCount: z.number().int(),
});

export const discoverSchema = z.object({
  discoverId: z.string(),
  lang: z.enum(locales),
  /** Targets of approved campaigns running today with budget left, each `sponsored` (labelled). */
  sponsored: z.array(searchResultSchema),
  verifiedPartners: z.array(discoverPartnerSchema),
  /** Filled by the suggestion engine (not yet): empty. */
  packagesForYou: z.array(searchResultSchema),
  /** Most bookings held or confirmed in the last 7 days. */
  trending: z.array(searchResultSchema.extend({ bookingsLast7Days: z.number().int() })),
  /** Among the 100 most recently published: bookable for 2 adults on some day from today to the end of the month. */
  seasonal: z.array(searchResultSchema),
  /** Most recently published. */
  new: z.array(searchResultSchema),
});
export type DiscoverView = z.infer<typeof discoverSchema>;

export const interactionKinds = ['click', 'view', 'impression'] as const;
export const interactionSurfaces = ['search', 'discover'] as const;

/** What the portal reports (searches and served pages are recorded by the service itself). */
export const interactionInputSchema = z.strictObject({
  kind: z.enum(interactionKinds, { message: 'invalid_interaction' }),
  surface: z.enum(interactionSurfaces, { message: 'invalid_surface' }),
  /** The `searchId` / `discoverId` of the answer the result came from. */
  requestId: z.string().trim().min(1).max(128).optional(),
  targetKind: z.enum(searchKinds, { message: 'invalid_kind' }),
  targetId: z.uuid({ message: 'invalid_id' }),
  position: z.number().int().min(0).max(10_000).optional(),
  section: z.string().trim().min(1).max(40).optional(),
  sponsored: z.boolean().default(false),
});
export const interactionsRequestSchema = z.strictObject({
  events: z
    .array(interactionInputSchema)
    .min(1, { message: 'events_required' })
    .max(50, { message: 'too_many_events' }),
});
export type InteractionsRequest = z.output<typeof interactionsRequestSchema>;
