import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditTable } from '@tourconnect/audit';
import {
  bookingStatuses,
  capacityModels,
  catalogueStatuses,
  itemKinds,
  type BundleTerms,
  type Breakdown,
  type CancellationPolicy,
  type DiscountRule,
  type ItemUnit,
  type Translations,
} from '@tourconnect/contracts/http';
import { eventTables } from '@tourconnect/events';

/** bundling's own PostgreSQL schema; no other service reads it. */
export const SCHEMA_NAME = 'bundling';
export const bundlingSchema = pgSchema(SCHEMA_NAME);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const minor = (name: string) => bigint(name, { mode: 'number' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// ─── Projections of partners' events ─────────────────────────────────────────────────────

/**
 * Partners as bundling knows them from partners' events: name for display, status for the
 * publish rule (only a verified partner's items and packages are sold) and the badge.
 */
export const partners = bundlingSchema.table('partners', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  status: text('status').notNull(),
  verified: boolean('verified').notNull().default(false),
  updatedAt: at('updated_at').notNull().defaultNow(),
  /**
   * billing.partner_account.updated.v1 said the partner's Stripe account can receive transfers
   * (status enabled): with BOOKING_REQUIRES_PAYOUT_ACCOUNTS, a package sells only when its seller
   * and every item's partner are ready. `payouts_updated_at` orders billing's events.
   */
  payoutsReady: boolean('payouts_ready').notNull().default(false),
  payoutsUpdatedAt: at('payouts_updated_at'),
});

/** Who acts for which partner (a user belongs to at most one), from partners' member events. */
export const members = bundlingSchema.table(
  'members',
  {
    userId: uuid('user_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    role: text('role').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('members_partner_idx').on(t.partnerId)],
);

// ─── Catalogue ───────────────────────────────────────────────────────────────────────────

export const items = bundlingSchema.table(
  'items',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    kind: text('kind', { enum: itemKinds }).notNull(),
    status: text('status', { enum: catalogueStatuses }).notNull().default('draft'),
    translations: jsonb('translations').$type<Translations>().notNull(),
    /** The language travellers read when theirs is missing: the first one the partner wrote. */
    defaultLanguage: text('default_language').notNull(),
    place: text('place').notNull(),
    regionCode: text('region_code').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    currency: text('currency').notNull(),
    units: jsonb('units').$type<ItemUnit[]>().notNull(),
    capacityModel: text('capacity_model', { enum: capacityModels }).notNull(),
    cutoffHours: integer('cutoff_hours').notNull().default(0),
    startTimes: text('start_times')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** IANA zone the dates and start times are in (cut-off and slot instants). */
    timeZone: text('time_zone').notNull().default('Europe/Rome'),
    /** Null: not bundleable by other partners. */
    bundleTerms: jsonb('bundle_terms').$type<BundleTerms | null>(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    publishedAt: at('published_at'),
  },
  (t) => [
    index('items_partner_idx').on(t.partnerId, t.createdAt),
    index('items_bundleable_idx')
      .on(t.status)
      .where(sql`${t.bundleTerms} IS NOT NULL`),
    check('items_kind_ck', sql`${t.kind} IN (${inList(itemKinds)})`),
    check('items_status_ck', sql`${t.status} IN (${inList(catalogueStatuses)})`),
    check('items_capacity_model_ck', sql`${t.capacityModel} IN (${inList(capacityModels)})`),
    check('items_cutoff_ck', sql`${t.cutoffHours} >= 0`),
  ],
);

/** Item and package images; bytes live in the blob store under `storage_key`. */
export const images = bundlingSchema.table(
  'images',
  {
    id: uuid('id').primaryKey(),
    /** Exactly one of item_id / package_id is set. */
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'cascade' }),
    packageId: uuid('package_id').references(() => packages.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('images_item_idx').on(t.itemId, t.position),
    index('images_package_idx').on(t.packageId, t.position),
    check('images_owner_ck', sql`(${t.itemId} IS NULL) <> (${t.packageId} IS NULL)`),
  ],
);

/**
 * Units on sale per item and date (daily allotment: start_time null) or slot. The CHECKs make
 * overselling impossible even by a bug: every hold is a conditional UPDATE that PostgreSQL
 * refuses when held + sold would pass capacity.
 */
export const availability = bundlingSchema.table(
  'availability',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    /** "09:00" for a timed slot; '' for a daily allotment (so the unique key holds). */
    startTime: text('start_time').notNull().default(''),
    startsAt: at('starts_at').notNull(),
    capacity: integer('capacity').notNull(),
    held: integer('held').notNull().default(0),
    sold: integer('sold').notNull().default(0),
    closed: boolean('closed').notNull().default(false),
    priceOverrides: jsonb('price_overrides')
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('availability_item_slot_uq').on(t.itemId, t.date, t.startTime),
    index('availability_date_idx').on(t.date),
    check('availability_capacity_ck', sql`${t.capacity} >= 0`),
    check('availability_held_ck', sql`${t.held} >= 0`),
    check('availability_sold_ck', sql`${t.sold} >= 0`),
    check('availability_no_oversell_ck', sql`${t.held} + ${t.sold} <= ${t.capacity}`),
  ],
);

// ─── Packages ────────────────────────────────────────────────────────────────────────────

export interface PackageLine {
  itemId: string;
  qty: number;
  dayOffset: number;
  days: number;
}

/** The seed's `packages` table plus translations, status, currency and the sale window. */
export const packages = bundlingSchema.table(
  'packages',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    status: text('status', { enum: catalogueStatuses }).notNull().default('draft'),
    translations: jsonb('translations').$type<Translations>().notNull(),
    defaultLanguage: text('default_language').notNull(),
    /** The seed's `items[{type,id,qty}]`, here with day offsets (lines in order). */
    items: jsonb('items').$type<PackageLine[]>().notNull(),
    currency: text('currency').notNull(),
    /** From-price: one adult on the cheapest open date, before date- or party-bound rules. */
    basePrice: minor('base_price').notNull().default(0),
    discountRules: jsonb('discount_rules')
      .$type<DiscountRule[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    policy: jsonb('policy').$type<CancellationPolicy>().notNull(),
    /** The seed's `availability`: the optional sale window { from, to }. */
    availability: jsonb('availability')
      .$type<{ from: string | null; to: string | null }>()
      .notNull()
      .default(sql`'{"from":null,"to":null}'::jsonb`),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Bumped on every change; a booking records the version it was priced at. */
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    publishedAt: at('published_at'),
  },
  (t) => [
    index('packages_partner_idx').on(t.partnerId, t.createdAt),
    index('packages_status_idx').on(t.status, t.publishedAt),
    check('packages_status_ck', sql`${t.status} IN (${inList(catalogueStatuses)})`),
    check('packages_base_price_ck', sql`${t.basePrice} >= 0`),
  ],
);

/** Which items a package uses, for "which packages include my item" and the IDOR checks. */
export const packageItems = bundlingSchema.table(
  'package_items',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    itemPartnerId: uuid('item_partner_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'package_items_pk', columns: [t.packageId, t.itemId] }),
    index('package_items_item_idx').on(t.itemId),
  ],
);

// ─── Bookings ────────────────────────────────────────────────────────────────────────────

/** The seed's `package_bookings` plus the priced breakdown, the hold and the policy snapshot. */
export const packageBookings = bundlingSchema.table(
  'package_bookings',
  {
    id: uuid('id').primaryKey(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => packages.id),
    packageVersion: integer('package_version').notNull(),
    sellerPartnerId: uuid('seller_partner_id').notNull(),
    userId: uuid('user_id').notNull(),
    status: text('status', { enum: bookingStatuses }).notNull().default('pending_payment'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    party: jsonb('party').$type<Record<string, number>>().notNull(),
    currency: text('currency').notNull(),
    /** What the traveller is charged (the breakdown's total). */
    pricePaid: minor('price_paid').notNull(),
    breakdown: jsonb('breakdown').$type<Breakdown>().notNull(),
    policy: jsonb('policy').$type<CancellationPolicy>().notNull(),
    couponCode: text('coupon_code'),
    affiliateCode: text('affiliate_code'),
    paymentIntentId: text('payment_intent_id'),
    holdExpiresAt: at('hold_expires_at').notNull(),
    /** Same user + same Idempotency-Key → the same booking. */
    idempotencyKey: text('idempotency_key'),
    refundMinor: minor('refund_minor'),
    cancelReason: text('cancel_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
    confirmedAt: at('confirmed_at'),
    cancelledAt: at('cancelled_at'),
    expiredAt: at('expired_at'),
  },
  (t) => [
    index('package_bookings_user_idx').on(t.userId, t.createdAt),
    index('package_bookings_package_idx').on(t.packageId),
    // The sweeper's scan: pending bookings by expiry.
    index('package_bookings_expiry_idx')
      .on(t.holdExpiresAt)
      .where(sql`${t.status} = 'pending_payment'`),
    uniqueIndex('package_bookings_idempotency_uq').on(t.userId, t.idempotencyKey),
    check('package_bookings_status_ck', sql`${t.status} IN (${inList(bookingStatuses)})`),
    check('package_bookings_price_ck', sql`${t.pricePaid} >= 0`),
  ],
);

/**
 * The units a booking holds (pending) or bought (confirmed), one row per availability row:
 * releasing or selling a booking walks these rows. A multi-night line has one row per night.
 */
export const bookingHolds = bundlingSchema.table(
  'booking_holds',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => packageBookings.id, { onDelete: 'cascade' }),
    availabilityId: uuid('availability_id')
      .notNull()
      .references(() => availability.id),
    itemId: uuid('item_id').notNull(),
    itemPartnerId: uuid('item_partner_id').notNull(),
    position: integer('position').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ name: 'booking_holds_pk', columns: [t.bookingId, t.position, t.availabilityId] }),
    index('booking_holds_partner_idx').on(t.itemPartnerId),
    check('booking_holds_quantity_ck', sql`${t.quantity} > 0`),
  ],
);

// ─── AI Suggest Bundles: counts learned from confirmed bookings ─────────────────────────────

/**
 * Each booking the suggestion model has learned (`learned`) or must not learn (`forgotten`: it
 * was cancelled after confirmation, or its cancellation arrived first). The row is the
 * idempotency guard of the counts below: a redelivered event finds it and changes nothing.
 */
export const suggestBookings = bundlingSchema.table(
  'suggest_bookings',
  {
    bookingId: uuid('booking_id').primaryKey(),
    packageId: uuid('package_id').notNull(),
    itemIds: uuid('item_ids').array().notNull(),
    /** Travel month of the start date, 1–12. */
    month: smallint('month').notNull(),
    /** family / couple / solo / group from the party; null when unknown. */
    travellerType: text('traveller_type'),
    state: text('state', { enum: ['learned', 'forgotten'] }).notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('suggest_bookings_month_ck', sql`${t.month} BETWEEN 1 AND 12`),
    check('suggest_bookings_state_ck', sql`${t.state} IN ('learned', 'forgotten')`),
  ],
);

/**
 * Learned bookings per subject: `all` (one row, the zero uuid), each `item` and each `package`;
 * by travel month (12 entries, January first) and traveller type (family, couple, solo, group).
 */
export const suggestStats = bundlingSchema.table(
  'suggest_stats',
  {
    subjectKind: text('subject_kind', { enum: ['all', 'item', 'package'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    bookings: integer('bookings').notNull(),
    months: integer('months').array().notNull(),
    types: integer('types').array().notNull(),
  },
  (t) => [
    primaryKey({ name: 'suggest_stats_pk', columns: [t.subjectKind, t.subjectId] }),
    index('suggest_stats_popular_idx').on(t.subjectKind, t.bookings),
    check('suggest_stats_kind_ck', sql`${t.subjectKind} IN ('all', 'item', 'package')`),
    check('suggest_stats_bookings_ck', sql`${t.bookings} >= 0`),
  ],
);

/** Learned bookings with both items, once per unordered pair (item_a < item_b). */
export const suggestPairs = bundlingSchema.table(
  'suggest_pairs',
  {
    itemA: uuid('item_a').notNull(),
    itemB: uuid('item_b').notNull(),
    bookings: integer('bookings').notNull(),
  },
  (t) => [
    primaryKey({ name: 'suggest_pairs_pk', columns: [t.itemA, t.itemB] }),
    index('suggest_pairs_b_idx').on(t.itemB),
    check('suggest_pairs_order_ck', sql`${t.itemA} < ${t.itemB}`),
    check('suggest_pairs_bookings_ck', sql`${t.bookings} >= 0`),
  ],
);

export const { outbox, inbox, deadLetters } = eventTables(bundlingSchema);
export const auditLog = auditTable(bundlingSchema);

// ─── Search index (Search and Discover, src/domain/search) ───────────────────────────────

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One search document per published package and published item and per language (en, it, de,
 * fr, es): the text in that language (else the default one) weighted title A, destinations B,
 * tags and line titles C, description D, analysed with that language's dictionary (unaccented
 * snowball configurations `bundling.search_<lang>`). Written only by the triggers on `items`
 * and `packages` (migration 0002), in the transaction that publishes, edits or pauses.
 */
export const searchDocuments = bundlingSchema.table(
  'search_documents',
  {
    kind: text('kind', { enum: ['package', 'item'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    lang: text('lang').notNull(),
    partnerId: uuid('partner_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** The first line's (or the item's) destination, for display and distance. */
    place: text('place').notNull(),
    regionCode: text('region_code').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** Every line's destination, for the region and radius filters. */
    regionCodes: text('region_codes').array().notNull(),
    latitudes: doublePrecision('latitudes').array().notNull(),
    longitudes: doublePrecision('longitudes').array().notNull(),
    /** The item's kind, or the kinds of a package's lines. */
    itemKinds: text('item_kinds').array().notNull(),
    tags: text('tags').array().notNull(),
    currency: text('currency').notNull(),
    /** Package: its from-price (base_price); item: its adult (or booking-unit) price. */
    fromPrice: minor('from_price').notNull(),
    durationMinutes: integer('duration_minutes'),
    durationDays: integer('duration_days'),
    publishedAt: at('published_at'),
    document: tsvector('document').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'search_documents_pk', columns: [t.lang, t.kind, t.entityId] }),
    index('search_documents_document_idx').using('gin', t.document),
    index('search_documents_entity_idx').on(t.kind, t.entityId),
    index('search_documents_published_idx').on(t.lang, t.publishedAt),
    check('search_documents_kind_ck', sql`${t.kind} IN ('package', 'item')`),
  ],
);

/** Words of published titles and places (lower case, unaccented), for typo correction with pg_trgm. */
export const searchTerms = bundlingSchema.table('search_terms', { term: text('term').primaryKey() }, (t) => [
  index('search_terms_trgm_idx').using('gin', t.term.op('gin_trgm_ops')),
]);

// ─── Sponsored placement (src/domain/campaigns, README "Sponsored placement") ───────────────

export const campaignStatuses = ['pending_review', 'approved', 'rejected', 'paused', 'ended'] as const;

/**
 * A partner's paid placement of one of its own published packages or items in search and
 * Discover: what it targets (keywords, destinations), when (dates, the platform's day in
 * Europe/Rome), what a click costs and how much a day may cost at most. An admin approves it.
 */
export const campaigns = bundlingSchema.table(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    targetKind: text('target_kind', { enum: ['package', 'item'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title'),
    /** Lower-cased, unaccented words; a query with one of them matches. */
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Region codes ("IT-32", "IT") or place names (lower case). */
    destinations: text('destinations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    cpcMinor: minor('cpc_minor').notNull(),
    dailyBudgetMinor: minor('daily_budget_minor').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: campaignStatuses }).notNull().default('pending_review'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_partner_idx').on(t.partnerId, t.createdAt),
    index('campaigns_status_idx').on(t.status, t.startsOn, t.endsOn),
    index('campaigns_target_idx').on(t.targetKind, t.targetId),
    check('campaigns_status_ck', sql`${t.status} IN (${inList(campaignStatuses)})`),
    check('campaigns_target_kind_ck', sql`${t.targetKind} IN ('package', 'item')`),
    check('campaigns_cpc_ck', sql`${t.cpcMinor} > 0`),
    check('campaigns_budget_ck', sql`${t.dailyBudgetMinor} >= ${t.cpcMinor}`),
    check('campaigns_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * A campaign's spend, clicks and impressions per day. A click is charged only by one
 * conditional UPDATE (spent + cpc ≤ daily budget), so spend never passes the budget, even
 * with concurrent clicks; impressions are added in batches by the interaction recorder.
 */
export const campaignDailySpend = bundlingSchema.table(
  'campaign_daily_spend',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    spentMinor: minor('spent_minor').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    impressions: integer('impressions').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'campaign_daily_spend_pk', columns: [t.campaignId, t.day] }),
    check('campaign_daily_spend_spent_ck', sql`${t.spentMinor} >= 0`),
  ],
);

/** Every click on a sponsored result, once per visitor and day; `charged` when it cost the partner. */
export const campaignClicks = bundlingSchema.table(
  'campaign_clicks',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** sha256 of the visitor (user id, else the portal's visitor id) and the day: no raw identifier stored. */
    visitorKey: text('visitor_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    charged: boolean('charged').notNull(),
    amountMinor: minor('amount_minor').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_clicks_visitor_uq').on(t.campaignId, t.visitorKey, t.day),
    check('campaign_clicks_amount_ck', sql`${t.amountMinor} >= 0`),
  ],
);
