import { randomUUID } from 'node:crypto';
import type { BundleTerms, DiscountRule, ItemTag, ItemUnit, Party } from '@tourconnect/contracts/http';
import type { EventEnvelope } from '@tourconnect/events';
import { testEnvelope } from '@tourconnect/service-kit/testing';
import { availability, items, packageBookings, packageItems, packages } from '../../src/db/schema.ts';
import { addDays, zonedDate, zonedInstant } from '../../src/domain/local-time.ts';
import type { BundlingHarness } from '../support/harness.ts';

// Catalogue rows, packages and a booking history for the AI Suggest Bundles tests, inserted
// directly (these tests are about what is suggested, not about the catalogue's routes).

const ZONE = 'Europe/Rome';

export function romeDay(days: number): string {
  return addDays(zonedDate(new Date(), ZONE), days);
}

export interface SuggestItemSpec {
  title: string;
  kind?: 'tour' | 'service' | 'transport' | 'extra';
  status?: 'draft' | 'published' | 'paused' | 'archived';
  place?: string;
  regionCode?: string;
  tags?: ItemTag[];
  units: { code: ItemUnit['code']; priceMinor: number; netRateMinor?: number | null }[];
  capacityModel?: 'slots' | 'daily';
  bundleTerms?: BundleTerms | null;
  /** Rows from `from` for `days` days (default: tomorrow for 45 days), `capacity` each. */
  from?: string;
  days?: number;
  capacity?: number;
  sold?: number;
}

export interface SuggestTestItem {
  id: string;
  partnerId: string;
  title: string;
}

/** A published item with a row on every day of its range (09:00 slots, or a daily allotment). */
export async function insertSuggestItem(
  h: BundlingHarness,
  partnerId: string,
  spec: SuggestItemSpec,
): Promise<SuggestTestItem> {
  const id = randomUUID();
  const capacityModel = spec.capacityModel ?? 'slots';
  const time = capacityModel === 'slots' ? '09:00' : '';
  await h.database.db.insert(items).values({
    id,
    partnerId,
    kind: spec.kind ?? (capacityModel === 'daily' ? 'service' : 'tour'),
    status: spec.status ?? 'published',
    translations: {
      en: { title: spec.title, description: '' },
      it: { title: `${spec.title} (it)`, description: '' },
    },
    defaultLanguage: 'en',
    place: spec.place ?? 'Riva del Garda',
    regionCode: spec.regionCode ?? 'IT-32',
    latitude: 45.885,
    longitude: 10.841,
    durationMinutes: capacityModel === 'daily' ? 1440 : 180,
    tags: spec.tags ?? [],
    currency: 'EUR',
    units: spec.units.map((u) => ({ code: u.code, priceMinor: u.priceMinor, netRateMinor: u.netRateMinor ?? null })),
    capacityModel,
    cutoffHours: 0,
    startTimes: time ? [time] : [],
    timeZone: ZONE,
    bundleTerms: spec.bundleTerms ?? null,
    publishedAt: new Date(),
  });
  const from = spec.from ?? romeDay(1);
  const rows = Array.from({ length: spec.days ?? 45 }, (_, k) => {
    const date = addDays(from, k);
    return {
      id: randomUUID(),
      itemId: id,
      date,
      startTime: time,
      startsAt: zonedInstant(date, time || '00:00', ZONE),
      capacity: spec.capacity ?? 20,
      sold: spec.sold ?? 0,
    };
  });
  await h.database.db.insert(availability).values(rows);
  return { id, partnerId, title: spec.title };
}

export interface PackageSpec {
  title: string;
  status?: 'draft' | 'published' | 'paused' | 'archived';
  lines: { item: SuggestTestItem; qty?: number; dayOffset?: number; days?: number }[];
  discountRules?: DiscountRule[];
}

/** A package of `sellerId` (published unless told) over these lines. */
export async function insertSuggestPackage(h: BundlingHarness, sellerId: string, spec: PackageSpec): Promise<string> {
  const id = randomUUID();
  await h.database.db.insert(packages).values({
    id,
    partnerId: sellerId,
    status: spec.status ?? 'published',
    translations: { en: { title: spec.title, description: '' }, it: { title: `${spec.title} (it)`, description: '' } },
    defaultLanguage: 'en',
    items: spec.lines.map((l) => ({
      itemId: l.item.id,
      qty: l.qty ?? 1,
      dayOffset: l.dayOffset ?? 0,
      days: l.days ?? 1,
    })),
    currency: 'EUR',
    discountRules: spec.discountRules ?? [],
    policy: { tiers: [{ hoursBefore: 48, refundPercent: 100 }] },
    publishedAt: new Date(),
  });
  const distinct = new Map(spec.lines.map((l) => [l.item.id, l.item.partnerId]));
  await h.database.db
    .insert(packageItems)
    .values([...distinct].map(([itemId, itemPartnerId]) => ({ packageId: id, itemId, itemPartnerId })));
  return id;
}

export interface HistoricBooking {
  id: string;
  packageId: string;
  itemIds: string[];
  envelope: EventEnvelope;
}

/**
 * A confirmed booking of `packageId` as the bookings flow leaves it (the row, status confirmed)
 * and the event bundling published for it; deliver the envelope to have it learned.
 */
export async function insertConfirmedBooking(
  h: BundlingHarness,
  input: { packageId: string; sellerId: string; items: SuggestTestItem[]; startDate: string; party: Partial<Party> },
): Promise<HistoricBooking> {
  const id = randomUUID();
  const userId = randomUUID();
  const party = { adult: 0, child: 0, infant: 0, senior: 0, ...input.party };
  const lines = input.items.map((item, position) => ({
    position,
    itemId: item.id,
    itemKind: 'tour' as const,
    title: item.title,
    partnerId: item.partnerId,
    partnerName: '',
    dates: [],
    units: [],
    grossMinor: 1000,
    bundleDiscountMinor: 0,
    couponDiscountMinor: 0,
    netMinor: 1000,
    supplierShareMinor: 1000,
  }));
  const total = 1000 * lines.length;
  await h.database.db.insert(packageBookings).values({
    id,
    packageId: input.packageId,
    packageVersion: 1,
    sellerPartnerId: input.sellerId,
    userId,
    status: 'confirmed',
    startDate: input.startDate,
    party,
    currency: 'EUR',
    pricePaid: total,
    breakdown: {
      currency: 'EUR',
      lines,
      partners: [],
      appliedRules: [],
      subtotalMinor: total,
      bundleDiscountMinor: 0,
      couponDiscountMinor: 0,
      totalMinor: total,
    },
    policy: { tiers: [] },
    paymentIntentId: `pi_${id.slice(0, 8)}`,
    holdExpiresAt: new Date(),
    confirmedAt: new Date(),
  });
  const envelope = testEnvelope('bundling.booking.confirmed.v1', {
    bookingId: id,
    packageId: input.packageId,
    userId,
    sellerPartnerId: input.sellerId,
    items: input.items.map((item, position) => ({
      itemId: item.id,
      itemType: 'tour',
      partnerId: item.partnerId,
      quantity: 1,
      position,
      grossMinor: 1000n,
      netMinor: 1000n,
      supplierShareMinor: 1000n,
    })),
    currency: 'EUR',
    totalMinor: BigInt(total),
    paymentIntentId: `pi_${id.slice(0, 8)}`,
    packageTitle: 'History',
  });
  return { id, packageId: input.packageId, itemIds: input.items.map((i) => i.id), envelope };
}

/** bundling's cancellation event for a booking that had been paid. */
export function cancelledEnvelope(booking: HistoricBooking, sellerId: string): EventEnvelope {
  return testEnvelope('bundling.booking.cancelled.v1', {
    bookingId: booking.id,
    packageId: booking.packageId,
    userId: randomUUID(),
    sellerPartnerId: sellerId,
    items: booking.itemIds.map((itemId, position) => ({
      itemId,
      itemType: 'tour',
      partnerId: sellerId,
      quantity: 1,
      position,
    })),
    currency: 'EUR',
    totalMinor: 1000n,
    refundMinor: 1000n,
    refundBps: 10_000,
    reason: 'traveller_requested',
    paymentIntentId: `pi_${booking.id.slice(0, 8)}`,
    packageTitle: 'History',
  });
}

/** The model's tables as plain rows, in a stable order (for comparing two states). */
export async function modelSnapshot(h: BundlingHarness) {
  const stats = await h.rows(
    'SELECT subject_kind, subject_id, bookings, months, types FROM bundling.suggest_stats WHERE bookings > 0 ORDER BY 1, 2',
  );
  const pairs = await h.rows(
    'SELECT item_a, item_b, bookings FROM bundling.suggest_pairs WHERE bookings > 0 ORDER BY 1, 2',
  );
  const ledger = await h.rows(
    'SELECT booking_id, package_id, item_ids, month, traveller_type, state FROM bundling.suggest_bookings ORDER BY 1',
  );
  return { stats, pairs, ledger };
}

/** The `all` row's learned bookings. */
export async function learnedTotal(h: BundlingHarness): Promise<number> {
  const [row] = await h.rows<{ bookings: number }>(
    "SELECT bookings FROM bundling.suggest_stats WHERE subject_kind = 'all'",
  );
  return row?.bookings ?? 0;
}
