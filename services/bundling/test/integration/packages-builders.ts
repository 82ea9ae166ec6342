import { randomUUID } from 'node:crypto';
import type { BundleTerms, ItemUnit } from '@tourconnect/contracts/http';
import { availability, items } from '../../src/db/schema.ts';
import { addDays, zonedDate, zonedInstant } from '../../src/domain/local-time.ts';
import type { GivenPartner } from '../support/builders.ts';
import { as, type ApiResponse, type BundlingHarness } from '../support/harness.ts';

// Catalogue rows for the package tests, inserted directly (the package tests do not depend on
// the catalogue's routes): items of a partner and their availability.

export interface ItemSpec {
  kind?: 'tour' | 'service' | 'transport' | 'extra';
  status?: 'draft' | 'published' | 'paused' | 'archived';
  title?: string;
  currency?: string;
  units?: { code: ItemUnit['code']; priceMinor: number; netRateMinor?: number | null }[];
  capacityModel?: 'slots' | 'daily';
  cutoffHours?: number;
  startTimes?: string[];
  bundleTerms?: BundleTerms | null;
}

export interface TestItem {
  id: string;
  partnerId: string;
  startTimes: string[];
  capacityModel: 'slots' | 'daily';
}

/** An item of `partnerId`; published, a person-priced tour at 09:00 (adult 4500, child 2500) unless told. */
export async function insertItem(h: BundlingHarness, partnerId: string, spec: ItemSpec = {}): Promise<TestItem> {
  const capacityModel = spec.capacityModel ?? 'slots';
  const startTimes = capacityModel === 'slots' ? (spec.startTimes ?? ['09:00']) : [];
  const status = spec.status ?? 'published';
  const id = randomUUID();
  await h.database.db.insert(items).values({
    id,
    partnerId,
    kind: spec.kind ?? 'tour',
    status,
    translations: {
      en: { title: spec.title ?? 'Guided walk above Riva', description: '' },
      it: { title: `${spec.title ?? 'Passeggiata guidata sopra Riva'} (it)`, description: '' },
    },
    defaultLanguage: 'en',
    place: 'Riva del Garda',
    regionCode: 'IT-32',
    latitude: 45.885,
    longitude: 10.841,
    durationMinutes: 180,
    currency: spec.currency ?? 'EUR',
    units: (
      spec.units ?? [
        { code: 'adult', priceMinor: 4500 },
        { code: 'child', priceMinor: 2500 },
      ]
    ).map((u) => ({ code: u.code, priceMinor: u.priceMinor, netRateMinor: u.netRateMinor ?? null })),
    capacityModel,
    cutoffHours: spec.cutoffHours ?? 0,
    startTimes,
    timeZone: 'Europe/Rome',
    bundleTerms: spec.bundleTerms ?? null,
    publishedAt: status === 'published' ? new Date() : null,
  });
  return { id, partnerId, startTimes, capacityModel };
}

export interface OpenSpec {
  capacity: number;
  held?: number;
  sold?: number;
  closed?: boolean;
  priceOverrides?: Record<string, number>;
  /** Only these slot times (default: every start time of the item). */
  startTimes?: string[];
}

/** Availability rows for every date in [from, to] (every slot of a timed item); their ids by date and time. */
export async function openDates(
  h: BundlingHarness,
  item: TestItem,
  from: string,
  to: string,
  spec: OpenSpec,
): Promise<Map<string, string>> {
  const times = item.capacityModel === 'slots' ? (spec.startTimes ?? item.startTimes) : [''];
  const ids = new Map<string, string>();
  const rows = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const time of times) {
      const id = randomUUID();
      ids.set(`${date}|${time}`, id);
      rows.push({
        id,
        itemId: item.id,
        date,
        startTime: time,
        startsAt: zonedInstant(date, time || '00:00', 'Europe/Rome'),
        capacity: spec.capacity,
        held: spec.held ?? 0,
        sold: spec.sold ?? 0,
        closed: spec.closed ?? false,
        priceOverrides: spec.priceOverrides ?? {},
      });
    }
  }
  if (rows.length > 0) {
    await h.database.db
      .insert(availability)
      .values(rows)
      .onConflictDoUpdate({
        target: [availability.itemId, availability.date, availability.startTime],
        set: {
          capacity: spec.capacity,
          held: spec.held ?? 0,
          sold: spec.sold ?? 0,
          closed: spec.closed ?? false,
          priceOverrides: spec.priceOverrides ?? {},
        },
      });
  }
  return ids;
}

/** Today's calendar date in Rome plus `days`. */
export function romeDay(days: number): string {
  return addDays(zonedDate(new Date(), 'Europe/Rome'), days);
}

export const policy = {
  tiers: [
    { hoursBefore: 168, refundPercent: 100 },
    { hoursBefore: 48, refundPercent: 50 },
  ],
};

/** A valid create body with these lines (and overrides). */
export function packageBody(
  lines: { itemId: string; qty?: number; dayOffset?: number; days?: number }[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    translations: {
      en: { title: 'Garda family weekend', description: 'Hotel, ferry and a guided walk' },
      de: { title: 'Familienwochenende am Gardasee', description: '' },
    },
    lines: lines.map((line) => ({ qty: 1, dayOffset: 0, days: 1, ...line })),
    policy,
    ...overrides,
  };
}

function orFail(res: ApiResponse, status: number, what: string): ApiResponse {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** Creates a package as the partner's owner; its view. */
export async function createPackage(h: BundlingHarness, partner: GivenPartner, body: Record<string, unknown>) {
  return orFail(await h.call('POST', '/api/packages', { ...as(partner.owner), body }), 201, 'create package').body;
}

/** Creates and publishes a package as the partner's owner; its view. */
export async function publishedPackage(h: BundlingHarness, partner: GivenPartner, body: Record<string, unknown>) {
  const created = await createPackage(h, partner, body);
  const res = await h.call('POST', `/api/packages/${created.id}/publish`, as(partner.owner));
  return orFail(res, 200, 'publish package').body;
}
