import { randomUUID } from 'node:crypto';
import type { BundleTerms, ItemUnit, Translations } from '@tourconnect/contracts/http';
import { items } from '../../src/db/schema.ts';
import type { BundlingHarness } from '../support/harness.ts';
import type { TestItem } from './packages-builders.ts';

// Catalogue rows for the search and Discover tests, inserted directly (as packages-builders
// does): the search index follows them through its triggers, whoever writes the rows.

export interface SearchItemSpec {
  translations: Translations;
  place: string;
  regionCode: string;
  latitude: number;
  longitude: number;
  kind?: 'tour' | 'service' | 'transport' | 'extra';
  status?: 'draft' | 'published' | 'paused' | 'archived';
  tags?: string[];
  currency?: string;
  units?: { code: ItemUnit['code']; priceMinor: number; netRateMinor?: number | null }[];
  capacityModel?: 'slots' | 'daily';
  startTimes?: string[];
  cutoffHours?: number;
  bundleTerms?: BundleTerms | null;
}

/** Riva del Garda, where most test items are. */
export const RIVA_DEL_GARDA = { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.885, longitude: 10.841 };

/** An item of `partnerId` (published unless told), a person-priced tour at 09:00 unless told. */
export async function insertSearchItem(h: BundlingHarness, partnerId: string, spec: SearchItemSpec): Promise<TestItem> {
  const capacityModel = spec.capacityModel ?? 'slots';
  const startTimes = capacityModel === 'slots' ? (spec.startTimes ?? ['09:00']) : [];
  const status = spec.status ?? 'published';
  const id = randomUUID();
  await h.database.db.insert(items).values({
    id,
    partnerId,
    kind: spec.kind ?? 'tour',
    status,
    translations: spec.translations,
    defaultLanguage: Object.keys(spec.translations)[0]!,
    place: spec.place,
    regionCode: spec.regionCode,
    latitude: spec.latitude,
    longitude: spec.longitude,
    durationMinutes: 180,
    tags: spec.tags ?? [],
    currency: spec.currency ?? 'EUR',
    units: (spec.units ?? [{ code: 'adult', priceMinor: 4500 }]).map((u) => ({
      code: u.code,
      priceMinor: u.priceMinor,
      netRateMinor: u.netRateMinor ?? null,
    })),
    capacityModel,
    cutoffHours: spec.cutoffHours ?? 0,
    startTimes,
    timeZone: 'Europe/Rome',
    bundleTerms: spec.bundleTerms ?? null,
    publishedAt: status === 'published' ? new Date() : null,
  });
  return { id, partnerId, startTimes, capacityModel };
}

/** The ids of a search answer's results, in order. */
export const idsOf = (body: { items: { id: string }[] }) => body.items.map((r) => r.id);

/** The problem's field codes (400 validation_failed). */
export const fieldCodes = (body: { errors?: { code: string }[] }) => (body.errors ?? []).map((e) => e.code);
