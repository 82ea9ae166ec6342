import { randomUUID } from 'node:crypto';
import { waitFor } from '@tourconnect/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSuggestModel } from '../../src/db/suggest.repository.ts';
import { booked, paymentSucceeded } from '../support/booking-fixtures.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import {
  cancelledEnvelope,
  insertConfirmedBooking,
  insertSuggestItem,
  insertSuggestPackage,
  learnedTotal,
  modelSnapshot,
  romeDay,
  type HistoricBooking,
  type SuggestTestItem,
} from './suggest-fixtures.ts';

// AI Suggest Bundles on the real PostgreSQL: a small catalogue at Riva del Garda, a booking
// history learned through bundling's own booking events, and GET /api/packages/suggest.

interface SuggestionJson {
  kind: 'package' | 'composed';
  key: string;
  packageId: string | null;
  title: string;
  totalMinor: number;
  currency: string;
  startDate: string;
  endDate: string;
  reasons: string[];
  items: { itemId: string; title: string; partnerVerified: boolean; dates: string[] }[];
  breakdown: { totalMinor: number; subtotalMinor: number; bundleDiscountMinor: number; lines: { netMinor: number }[] };
}

describe('AI Suggest Bundles', () => {
  let h: BundlingHarness;
  let hotelier: GivenPartner;
  let skipper: GivenPartner;
  let chef: GivenPartner;
  let venetian: GivenPartner;
  let unverified: GivenPartner;
  const item: Record<string, SuggestTestItem> = {};
  let lakeWeekend: string;
  let draftPackage: string;
  const trip = romeDay(30);
  const history: HistoricBooking[] = [];

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_suggest', { SWEEPER_INTERVAL_SECONDS: '0' });
    hotelier = await givenPartner(h, { name: 'Hotel Lago' });
    skipper = await givenPartner(h, { name: 'Navigazione Riva' });
    chef = await givenPartner(h, { name: 'Trattoria del Porto' });
    venetian = await givenPartner(h, { name: 'Gondole Venezia' });
    unverified = await givenPartner(h, { name: 'Not Yet Verified', verified: false });

    const bundleable = { kind: 'commission', commissionBps: 1500 } as const;
    item.hotel = await insertSuggestItem(h, hotelier.partnerId, {
      title: 'Lake view double room',
      capacityModel: 'daily',
      tags: ['couple', 'lake'],
      units: [{ code: 'room', priceMinor: 12000, netRateMinor: 10000 }],
      bundleTerms: { kind: 'net_rate' },
    });
    item.boat = await insertSuggestItem(h, skipper.partnerId, {
      title: 'Sunset boat trip',
      tags: ['family', 'lake'],
      units: [
        { code: 'adult', priceMinor: 3000 },
        { code: 'child', priceMinor: 1500 },
      ],
      bundleTerms: bundleable,
    });
    item.dinner = await insertSuggestItem(h, chef.partnerId, {
      title: 'Lakeside tasting dinner',
      tags: ['couple', 'food'],
      units: [{ code: 'adult', priceMinor: 5000 }],
      bundleTerms: bundleable,
    });
    item.bike = await insertSuggestItem(h, skipper.partnerId, {
      title: 'Family bike ride',
      tags: ['family', 'nature'],
      units: [
        { code: 'adult', priceMinor: 2000 },
        { code: 'child', priceMinor: 1000 },
      ],
      bundleTerms: bundleable,
    });
    item.canyoning = await insertSuggestItem(h, skipper.partnerId, {
      title: 'Canyoning in the Sarca',
      tags: ['adventure', 'group'],
      units: [{ code: 'adult', priceMinor: 8000 }],
      bundleTerms: bundleable,
    });
    // Never suggested: not verified, paused, sold out, elsewhere.
    item.unverified = await insertSuggestItem(h, unverified.partnerId, {
      title: 'Unverified kayak tour',
      tags: ['couple'],
      units: [{ code: 'adult', priceMinor: 1000 }],
      bundleTerms: bundleable,
    });
    item.paused = await insertSuggestItem(h, skipper.partnerId, {
      title: 'Paused ferry',
      status: 'paused',
      units: [{ code: 'adult', priceMinor: 1000 }],
      bundleTerms: bundleable,
    });
    item.soldOut = await insertSuggestItem(h, chef.partnerId, {
      title: 'Sold out cooking class',
      units: [{ code: 'adult', priceMinor: 4000 }],
      bundleTerms: bundleable,
      capacity: 10,
      sold: 10,
    });
    item.gondola = await insertSuggestItem(h, venetian.partnerId, {
      title: 'Gondola ride',
      place: 'Venezia',
      regionCode: 'IT-34',
      tags: ['couple'],
      units: [{ code: 'adult', priceMinor: 9000 }],
      bundleTerms: bundleable,
    });

    // The packages on sale: the hotelier's lake weekend (2 nights + the boat on day 2, 10 % off).
    lakeWeekend = await insertSuggestPackage(h, hotelier.partnerId, {
      title: 'Garda lake weekend',
      lines: [
        { item: item.hotel, days: 2 },
        { item: item.boat, dayOffset: 1 },
      ],
      discountRules: [{ id: 'weekend', type: 'percentage', bps: 1000, conditions: {} }],
    });
    draftPackage = await insertSuggestPackage(h, hotelier.partnerId, {
      title: 'Draft dinner weekend',
      status: 'draft',
      lines: [{ item: item.hotel }, { item: item.dinner }],
    });

    // The history: archived packages travellers booked (the same month as the trip).
    const past = async (items: SuggestTestItem[], times: number, party: Record<string, number>) => {
      const packageId = await insertSuggestPackage(h, hotelier.partnerId, {
        title: 'Past package',
        status: 'archived',
        lines: items.map((i) => ({ item: i })),
      });
      for (let k = 0; k < times; k += 1) {
        history.push(
          await insertConfirmedBooking(h, { packageId, sellerId: hotelier.partnerId, items, startDate: trip, party }),
        );
      }
    };
    await past([item.hotel!, item.boat!, item.dinner!], 8, { adult: 2 });
    await past([item.bike!, item.boat!], 6, { adult: 2, child: 1 });
    await past([item.canyoning!, item.dinner!], 4, { adult: 4 });
    await past([item.hotel!, item.unverified!], 3, { adult: 2 });
    for (const booking of history) await h.deliver(booking.envelope);
  });
  afterAll(async () => h?.close());

  const get = (query: string) => h.call('GET', `/api/packages/suggest?${query}`);
  const riva = `dest=Riva&from=${trip}&to=${romeDayAfter(trip, 2)}`;

  function romeDayAfter(date: string, days: number): string {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function byItems(list: SuggestionJson[], ...items: SuggestTestItem[]): SuggestionJson | undefined {
    const wanted = items.map((i) => i.id).sort();
    return list.find((s) => s.kind === 'composed' && [...s.items.map((i) => i.itemId)].sort().join() === wanted.join());
  }

  describe('learning from booking events', () => {
    it('learned the seeded history: every confirmed booking once', async () => {
      expect(await learnedTotal(h)).toBe(history.length);
      const [pair] = await h.rows<{ bookings: number }>(
        'SELECT bookings FROM bundling.suggest_pairs WHERE item_a = least($1::uuid, $2::uuid) AND item_b = greatest($1::uuid, $2::uuid)',
        [item.hotel!.id, item.dinner!.id],
      );
      expect(pair!.bookings).toBe(8);
      const [family] = await h.rows<{ types: number[] }>(
        "SELECT types FROM bundling.suggest_stats WHERE subject_kind = 'item' AND subject_id = $1",
        [item.bike!.id],
      );
      expect(family!.types).toEqual([6, 0, 0, 0]);
    });

    it('counts a booking once however often its event is delivered, even re-sent under a new event id', async () => {
      const packageId = await insertSuggestPackage(h, skipper.partnerId, {
        title: 'Once',
        status: 'archived',
        lines: [{ item: item.boat! }, { item: item.canyoning! }],
      });
      const booking = await insertConfirmedBooking(h, {
        packageId,
        sellerId: skipper.partnerId,
        items: [item.boat!, item.canyoning!],
        startDate: trip,
        party: { adult: 1 },
      });
      const before = await learnedTotal(h);
      await h.deliver(booking.envelope, 3);
      await h.deliver({ ...booking.envelope, id: randomUUID() });
      expect(await learnedTotal(h)).toBe(before + 1);
      const [row] = await h.rows<{ state: string; traveller_type: string }>(
        'SELECT state, traveller_type FROM bundling.suggest_bookings WHERE booking_id = $1',
        [booking.id],
      );
      expect(row).toEqual({ state: 'learned', traveller_type: 'solo' });

      // Cancelled after it was paid: taken out once, however often the cancellation arrives.
      await h.rows("UPDATE bundling.package_bookings SET status = 'cancelled', cancelled_at = now() WHERE id = $1", [
        booking.id,
      ]);
      await h.deliver(cancelledEnvelope(booking, skipper.partnerId), 2);
      expect(await learnedTotal(h)).toBe(before);
      // A late redelivery of the confirmation does not bring it back.
      await h.deliver({ ...booking.envelope, id: randomUUID() });
      expect(await learnedTotal(h)).toBe(before);
    });

    it('keeps counts equal to a recount over the bookings that stand', async () => {
      const incremental = await modelSnapshot(h);
      await h.database.db.transaction((tx) => rebuildSuggestModel(tx));
      const recounted = await modelSnapshot(h);
      expect(recounted.stats).toEqual(incremental.stats);
      expect(recounted.pairs).toEqual(incremental.pairs);
      expect(recounted.ledger.map((r) => [r.booking_id, r.state])).toEqual(
        incremental.ledger.map((r) => [r.booking_id, r.state]),
      );
    });

    it('learns a booking paid through the API from bundling’s own confirmed event on the bus', async () => {
      const traveller = await h.user('traveller');
      const date = romeDay(20);
      const booking = await booked(h, traveller, lakeWeekend, { date, party: { adult: 2, child: 1 } });
      const before = await learnedTotal(h);
      await h.deliver(paymentSucceeded({ ...booking, packageId: lakeWeekend }, traveller.id));
      const rows = await waitFor(
        () =>
          h.rows<{ state: string; traveller_type: string; month: number }>(
            'SELECT state, traveller_type, month FROM bundling.suggest_bookings WHERE booking_id = $1',
            [booking.id],
          ),
        (found) => found.length === 1,
      );
      expect(rows[0]).toEqual({ state: 'learned', traveller_type: 'family', month: Number(date.slice(5, 7)) });
      expect(await learnedTotal(h)).toBe(before + 1);
    });
  });

  describe('GET /api/packages/suggest', () => {
    it('suggests the package on sale and bundles of items often booked together, priced for the party, with reasons', async () => {
      const res = await get(`${riva}&travellerType=couple&party=2a&lang=en`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ travellerType: 'couple', travellerTypeInferred: false, datesGiven: true });
      const list: SuggestionJson[] = res.body.suggestions;

      // The package, priced with its own rule exactly as its quote.
      const pkg = list.find((s) => s.packageId === lakeWeekend)!;
      expect(pkg).toMatchObject({ kind: 'package', title: 'Garda lake weekend', startDate: trip });
      const quote = await h.call('POST', `/api/packages/${lakeWeekend}/quote`, {
        body: { date: trip, party: { adult: 2 } },
      });
      expect(quote.status).toBe(200);
      expect(pkg.breakdown).toEqual(quote.body.breakdown);
      expect(pkg.totalMinor).toBe(quote.body.breakdown.totalMinor);
      expect(pkg.breakdown.bundleDiscountMinor).toBeGreaterThan(0);

      // Composed: the room for both nights + the boat + the dinner, the sum of their prices, no rule.
      const trio = byItems(list, item.hotel!, item.boat!, item.dinner!)!;
      expect(trio).toBeDefined();
      expect(trio.packageId).toBeNull();
      expect(trio.totalMinor).toBe(2 * 12000 + 2 * 3000 + 2 * 5000);
      expect(trio.breakdown.bundleDiscountMinor).toBe(0);
      expect(trio.breakdown.lines.reduce((sum, l) => sum + l.netMinor, 0)).toBe(trio.totalMinor);
      expect(trio.items.find((i) => i.itemId === item.hotel!.id)!.dates).toEqual([trip, romeDayAfter(trip, 1)]);
      expect(trio.reasons).toEqual(
        expect.arrayContaining([
          'often_booked_together',
          'couple_friendly',
          'available_on_your_dates',
          'partner_verified',
        ]),
      );
      expect(trio.reasons).not.toContain('fits_your_party');

      // Only what is on sale, open and at the destination.
      const offered = list.flatMap((s) => s.items.map((i) => i.itemId));
      for (const never of [item.unverified, item.paused, item.soldOut, item.gondola]) {
        expect(offered).not.toContain(never!.id);
      }
      expect(list.every((s) => s.items.every((i) => i.partnerVerified))).toBe(true);
      // Never the draft package.
      expect(list.map((s) => s.packageId)).not.toContain(draftPackage);
    });

    it('for a family: items that price children, family reasons, and the party read from "2a1c"', async () => {
      const res = await get(`${riva}&party=2a1c`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        travellerType: 'family',
        travellerTypeInferred: true,
        party: { adult: 2, child: 1, infant: 0, senior: 0 },
      });
      const list: SuggestionJson[] = res.body.suggestions;
      const bikes = byItems(list, item.bike!, item.boat!)!;
      expect(bikes).toBeDefined();
      expect(bikes.totalMinor).toBe(2 * 2000 + 1000 + 2 * 3000 + 1500);
      expect(bikes.reasons).toEqual(
        expect.arrayContaining(['often_booked_together', 'family_friendly', 'fits_your_party']),
      );
      // The dinner has no child price: never offered to this party.
      expect(list.flatMap((s) => s.items.map((i) => i.itemId))).not.toContain(item.dinner!.id);
      expect(list[0]!.reasons).toContain('family_friendly');
    });

    it('answers the same order every time, and honours the limit', async () => {
      const first = await get(`${riva}&travellerType=couple&party=2a`);
      const again = await get(`${riva}&travellerType=couple&party=2a`);
      expect(again.body).toEqual(first.body);
      const two = await get(`${riva}&travellerType=couple&party=2a&limit=2`);
      expect(two.body.suggestions).toEqual(first.body.suggestions.slice(0, 2));
    });

    it('finds the destination by region or country code, and suggests nothing elsewhere', async () => {
      const byRegion = await get(`dest=it-32&from=${trip}&party=2a`);
      expect(byRegion.body.suggestions.length).toBeGreaterThan(0);
      const venice = await get(`dest=Venezia&from=${trip}&party=2a`);
      expect(venice.status).toBe(200);
      // One item alone makes no bundle, and no package sells the gondola.
      expect(venice.body.suggestions).toEqual([]);
      const nowhere = await get(`dest=Atlantis&party=2a`);
      expect(nowhere.body.suggestions).toEqual([]);
    });

    it('without dates: the next two weeks, and no "available on your dates"', async () => {
      const res = await get('dest=Riva&party=2a');
      expect(res.status).toBe(200);
      expect(res.body.datesGiven).toBe(false);
      expect(res.body.from).toBe(romeDay(1));
      expect(res.body.to).toBe(romeDay(14));
      expect(res.body.suggestions.length).toBeGreaterThan(0);
      expect(res.body.suggestions.flatMap((s: SuggestionJson) => s.reasons)).not.toContain('available_on_your_dates');
    });

    it('on a package page: what goes with it, not the package itself', async () => {
      const res = await get(`${riva}&party=2a&packageId=${lakeWeekend}`);
      expect(res.status).toBe(200);
      const list: SuggestionJson[] = res.body.suggestions;
      expect(list.map((s) => s.packageId)).not.toContain(lakeWeekend);
      const composed = list.filter((s) => s.kind === 'composed');
      expect(composed.length).toBeGreaterThan(0);
      for (const s of composed) {
        expect(s.items.map((i) => i.itemId)).not.toContain(item.hotel!.id);
        expect(s.items.map((i) => i.itemId)).not.toContain(item.boat!.id);
      }
      expect(composed.some((s) => s.reasons.includes('matches_your_trip'))).toBe(true);

      const unknown = await get(`party=2a&packageId=${randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('package_not_found');
      const draft = await get(`party=2a&packageId=${draftPackage}`);
      expect(draft.status).toBe(404);
    });

    it('refuses a malformed query with problem+json and a code per parameter', async () => {
      const cases: [string, string, string][] = [
        ['party=2x', 'party', 'invalid_party'],
        ['party=2a3a', 'party', 'invalid_party'],
        ['party=99a', 'party', 'invalid_party'],
        ['party=0a1c', 'party', 'party_needs_adult'],
        ['travellerType=pirate', 'travellerType', 'invalid_traveller_type'],
        [`from=${trip}&to=${romeDay(29)}`, 'to', 'invalid_date_range'],
        [`to=${trip}`, 'from', 'invalid_date_range'],
        [`from=${trip}&to=${romeDay(70)}`, 'to', 'range_too_long'],
        ['from=2027-02-30', 'from', 'invalid_date'],
        ['packageId=nope', 'packageId', 'invalid_id'],
        ['dest=x', 'dest', 'too_short'],
        ['lang=xx', 'lang', 'invalid_value'],
      ];
      for (const [query, path, code] of cases) {
        const res = await get(query);
        expect(res.status, query).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body.code, query).toBe('validation_failed');
        expect(res.body.errors, query).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: `querystring.${path}`, code })]),
        );
      }
      expect((await get('limit=0')).status).toBe(400);
      expect((await get('limit=21')).status).toBe(400);
    });
  });
});
