import { randomUUID } from 'node:crypto';
import { eventContracts } from '@tourconnect/contracts';
import type { BundleTerms, CancellationPolicy, ItemUnit } from '@tourconnect/contracts/http';
import { createDatabase, type Database } from '@tourconnect/db';
import { createEventBus, createInProcessTransport, createPublisher, type EventEnvelope } from '@tourconnect/events';
import { silentTestLogger, testEnvelope } from '@tourconnect/service-kit/testing';
import { availability, items, packageItems, packages } from '../../src/db/schema.ts';
import type { BundlingSettings } from '../../src/config.ts';
import { serviceTables } from '../../src/db/service-tables.ts';
import type { BundlingContext } from '../../src/domain/context.ts';
import { addDays, zonedDate, zonedInstant } from '../../src/domain/local-time.ts';
import { as, type ApiResponse, type BundlingHarness, type TestUser } from './harness.ts';

// Catalogue rows and packages for the bookings tests, inserted directly (the bookings tests do
// not depend on the catalogue's or packages' routes); bookings themselves go through the API.

const ZONE = 'Europe/Rome';

/** Today's calendar date in Rome plus `days`. */
export function romeDay(days: number): string {
  return addDays(zonedDate(new Date(), ZONE), days);
}

/** 100 % up to 7 days before, 50 % up to 48 h, nothing after. */
export const tieredPolicy: CancellationPolicy = {
  tiers: [
    { hoursBefore: 168, refundPercent: 100 },
    { hoursBefore: 48, refundPercent: 50 },
  ],
};

export interface TourSpec {
  date?: string;
  time?: string;
  capacity?: number;
  held?: number;
  sold?: number;
  closed?: boolean;
  units?: { code: ItemUnit['code']; priceMinor: number; netRateMinor?: number | null }[];
  bundleTerms?: BundleTerms | null;
  capacityModel?: 'slots' | 'daily';
  kind?: 'tour' | 'service' | 'transport' | 'extra';
  /** Consecutive days from `date` with a row each (a hotel's nights). */
  days?: number;
}

export interface GivenTour {
  itemId: string;
  partnerId: string;
  /** The first day's row. */
  availabilityId: string;
  /** Every row, by date. */
  rows: Map<string, string>;
  date: string;
  startsAt: Date;
}

/** A published item of `partnerId` with availability (a 09:00 tour: adult 4500, child 2500, 10 places, 30 days ahead). */
export async function givenTour(h: BundlingHarness, partnerId: string, spec: TourSpec = {}): Promise<GivenTour> {
  const capacityModel = spec.capacityModel ?? 'slots';
  const time = capacityModel === 'slots' ? (spec.time ?? '09:00') : '';
  const date = spec.date ?? romeDay(30);
  const itemId = randomUUID();
  await h.database.db.insert(items).values({
    id: itemId,
    partnerId,
    kind: spec.kind ?? (capacityModel === 'daily' ? 'service' : 'tour'),
    status: 'published',
    translations: {
      en: { title: 'Guided walk above Riva', description: '' },
      it: { title: 'Passeggiata a Riva', description: '' },
    },
    defaultLanguage: 'en',
    place: 'Riva del Garda',
    regionCode: 'IT-32',
    latitude: 45.885,
    longitude: 10.841,
    durationMinutes: 180,
    currency: 'EUR',
    units: (
      spec.units ?? [
        { code: 'adult', priceMinor: 4500 },
        { code: 'child', priceMinor: 2500 },
      ]
    ).map((u) => ({ code: u.code, priceMinor: u.priceMinor, netRateMinor: u.netRateMinor ?? null })),
    capacityModel,
    startTimes: time ? [time] : [],
    timeZone: ZONE,
    bundleTerms: spec.bundleTerms ?? null,
    publishedAt: new Date(),
  });
  const rows = new Map<string, string>();
  for (let k = 0; k < (spec.days ?? 1); k += 1) {
    const day = addDays(date, k);
    const id = randomUUID();
    rows.set(day, id);
    await h.database.db.insert(availability).values({
      id,
      itemId,
      date: day,
      startTime: time,
      startsAt: zonedInstant(day, time || '00:00', ZONE),
      capacity: spec.capacity ?? 10,
      held: spec.held ?? 0,
      sold: spec.sold ?? 0,
      closed: spec.closed ?? false,
    });
  }
  return {
    itemId,
    partnerId,
    availabilityId: rows.get(date)!,
    rows,
    date,
    startsAt: zonedInstant(date, time || '00:00', ZONE),
  };
}

export interface LineSpec {
  item: Pick<GivenTour, 'itemId' | 'partnerId'>;
  qty?: number;
  dayOffset?: number;
  days?: number;
}

/** A published package of `sellerId` over these lines (tiered policy, no rules unless told). */
export async function givenPackage(
  h: BundlingHarness,
  sellerId: string,
  lines: LineSpec[],
  options: { policy?: CancellationPolicy; status?: 'draft' | 'published' } = {},
): Promise<string> {
  const id = randomUUID();
  await h.database.db.insert(packages).values({
    id,
    partnerId: sellerId,
    status: options.status ?? 'published',
    translations: {
      en: { title: 'Garda family weekend', description: '' },
      de: { title: 'Familienwochenende am Gardasee', description: '' },
    },
    defaultLanguage: 'en',
    items: lines.map((l) => ({
      itemId: l.item.itemId,
      qty: l.qty ?? 1,
      dayOffset: l.dayOffset ?? 0,
      days: l.days ?? 1,
    })),
    currency: 'EUR',
    policy: options.policy ?? tieredPolicy,
    publishedAt: new Date(),
  });
  const distinct = new Map(lines.map((l) => [l.item.itemId, l.item.partnerId]));
  await h.database.db
    .insert(packageItems)
    .values([...distinct].map(([itemId, itemPartnerId]) => ({ packageId: id, itemId, itemPartnerId })));
  return id;
}

export interface BookBody {
  date: string;
  party?: Record<string, number>;
  slots?: Record<string, string>;
  lang?: string;
  couponCode?: string;
}

/** POST /api/packages/:id/book as `traveller` (one adult unless told). */
export function book(
  h: BundlingHarness,
  traveller: TestUser,
  packageId: string,
  body: BookBody,
  idempotencyKey?: string,
): Promise<ApiResponse> {
  return h.call('POST', `/api/packages/${packageId}/book`, {
    ...as(traveller),
    body: { party: { adult: 1 }, ...body },
    ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
  });
}

/** A booking that must succeed; its view. */
export async function booked(
  h: BundlingHarness,
  traveller: TestUser,
  packageId: string,
  body: BookBody,
): Promise<{ id: string; pricePaidMinor: number; [key: string]: unknown }> {
  const res = await book(h, traveller, packageId, body);
  if (res.status !== 201) throw new Error(`book: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function slot(h: BundlingHarness, availabilityId: string) {
  const [row] = await h.rows<{ capacity: number; held: number; sold: number }>(
    'SELECT capacity, held, sold FROM bundling.availability WHERE id = $1',
    [availabilityId],
  );
  return row!;
}

export async function bookingRow(h: BundlingHarness, id: string) {
  const [row] = await h.rows<{ status: string; refund_minor: string | null; payment_intent_id: string | null }>(
    'SELECT status, refund_minor, payment_intent_id, cancel_reason FROM bundling.package_bookings WHERE id = $1',
    [id],
  );
  return row!;
}

/** The hold ran out a minute ago (as if HOLD_MINUTES had passed). */
export async function expireHold(h: BundlingHarness, bookingId: string): Promise<void> {
  await h.rows("UPDATE bundling.package_bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = $1", [
    bookingId,
  ]);
}

/** The booking's first start moves to `startsAt` (to land in a given policy tier). */
export async function moveStart(h: BundlingHarness, availabilityId: string, startsAt: Date): Promise<void> {
  await h.rows('UPDATE bundling.availability SET starts_at = $2 WHERE id = $1', [availabilityId, startsAt]);
}

/** billing's event for a paid booking. */
export function paymentSucceeded(
  booking: { id: string; pricePaidMinor: number; packageId?: unknown },
  userId: string,
  intent = `pi_${randomUUID().slice(0, 12)}`,
): EventEnvelope {
  return testEnvelope('billing.payment.succeeded.v1', {
    paymentId: randomUUID(),
    bookingId: booking.id,
    packageId: String(booking.packageId ?? randomUUID()),
    userId,
    amountMinor: BigInt(booking.pricePaidMinor),
    currency: 'EUR',
    paymentIntentId: intent,
    chargeId: `ch_${randomUUID().slice(0, 12)}`,
  });
}

/**
 * Another bundling instance's context on the same database (its own pool and outbox writer), to
 * run domain jobs such as the sweeper side by side with the app's.
 */
export async function instanceContext(
  h: BundlingHarness,
  settings: Partial<BundlingSettings> = {},
): Promise<{ ctx: BundlingContext; close(): Promise<void> }> {
  const database: Database = createDatabase({ url: h.testDb.url, schema: 'bundling', max: 2 });
  const transport = createInProcessTransport();
  const bus = createEventBus({
    service: 'bundling',
    database,
    tables: serviceTables,
    transport,
    logger: silentTestLogger,
    registry: eventContracts,
  });
  return {
    ctx: {
      db: database.db,
      publish: createPublisher(bus, 'bundling'),
      settings: { ...h.settings, ...settings },
    } as BundlingContext,
    async close() {
      await transport.close();
      await database.close();
    },
  };
}

/** An event payload as proto3 JSON (int64 amounts as strings). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventJson = Record<string, any>;

/** The events bundling wrote under `subject` about one booking, oldest first. */
export async function eventsFor(
  h: BundlingHarness,
  subject: string,
  bookingId: string,
): Promise<{ audience: string[]; payload: EventJson }[]> {
  const all = await h.published(subject);
  return all
    .map((e) => ({ audience: e.audience ?? [], payload: e.payload as EventJson }))
    .filter((e) => e.payload.bookingId === bookingId);
}
