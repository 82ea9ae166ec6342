import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { monthEnd } from '../../src/domain/search/discover.ts';
import { addDays, zonedDate } from '../../src/domain/local-time.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { partnerEvents } from '../support/partner-events.ts';
import { openDates, packageBody, publishedPackage, type TestItem } from './packages-builders.ts';
import { fieldCodes, idsOf, insertSearchItem } from './search-fixtures.ts';

// Discover's sections from what exists: no sample data, an empty section when nothing qualifies.
describe('GET /api/discover', () => {
  let h: BundlingHarness;
  const today = zonedDate(new Date(), 'Europe/Rome');
  const endOfMonth = monthEnd(today);

  const discover = async (query = '') => {
    const res = await h.call('GET', `/api/discover${query}`);
    if (res.status !== 200) throw new Error(`discover ${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_discover');
  });
  afterAll(async () => h?.close());

  it('answers every section empty when nothing is published', async () => {
    const body = await discover('?lang=it');
    expect(body).toMatchObject({
      lang: 'it',
      sponsored: [],
      verifiedPartners: [],
      packagesForYou: [],
      trending: [],
      seasonal: [],
      new: [],
    });
    expect(typeof body.discoverId).toBe('string');
  });

  it('refuses bad parameters with their codes', async () => {
    for (const [query, code] of [
      ['?lang=xx', 'invalid_lang'],
      ['?near=somewhere', 'invalid_near'],
      ['?near=91,10', 'invalid_near'],
    ]) {
      const res = await h.call('GET', `/api/discover${query}`);
      expect(res.status, query).toBe(400);
      expect(fieldCodes(res.body), query).toContain(code);
    }
  });

  describe('with a catalogue', () => {
    let lago: GivenPartner;
    let roma: GivenPartner;
    let idle: GivenPartner;
    let shady: GivenPartner;
    let lakeTour: { id: string };
    let sunsetCruise: { id: string };
    let foodTour: { id: string };
    let paused: { id: string };
    let shadyPackage: { id: string };
    let walkItem: TestItem;

    /** A published one-line package of `partner` around `item`, titled `title` in Italian and English. */
    const packageOf = (partner: GivenPartner, item: TestItem, title: string) =>
      publishedPackage(
        h,
        partner,
        packageBody([{ itemId: item.id }], {
          translations: { it: { title: `${title} (it)`, description: '' }, en: { title, description: '' } },
        }),
      );

    const bookings = async (packageId: string, sellerId: string, count: number, status: string, daysAgo = 0) => {
      for (let i = 0; i < count; i += 1) {
        await h.rows(
          `INSERT INTO bundling.package_bookings (id, package_id, package_version, seller_partner_id, user_id, status,
             start_date, party, currency, price_paid, breakdown, policy, hold_expires_at, created_at)
           VALUES ($1, $2, 1, $3, $4, $5, $6, '{"adult":2}', 'EUR', 9000, '{}', '{"tiers":[]}',
             now() + interval '15 minutes', now() - make_interval(days => $7))`,
          [randomUUID(), packageId, sellerId, randomUUID(), status, addDays(today, 20), daysAgo],
        );
      }
    };

    beforeAll(async () => {
      [lago, roma, idle, shady] = await Promise.all([
        givenPartner(h, { name: 'Lago Tours' }),
        givenPartner(h, { name: 'Roma Food Walks' }),
        givenPartner(h, { name: 'Idle Partner' }),
        givenPartner(h, { name: 'Shady Trips' }),
      ]);
      const garda = { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.885, longitude: 10.841 };
      const rome = { place: 'Roma', regionCode: 'IT-62', latitude: 41.889, longitude: 12.47 };
      // A 23:59 slot with no cut-off: still bookable today, whatever the hour the test runs.
      const late = { startTimes: ['23:59'], cutoffHours: 0 };
      const walk = await insertSearchItem(h, lago.partnerId, {
        ...garda,
        ...late,
        translations: { en: { title: 'Guided hike above Riva', description: '' } },
      });
      const cruise = await insertSearchItem(h, lago.partnerId, {
        ...garda,
        ...late,
        translations: { en: { title: 'Sunset cruise', description: '' } },
      });
      const food = await insertSearchItem(h, roma.partnerId, {
        ...rome,
        ...late,
        translations: { en: { title: 'Trastevere food tour', description: '' } },
      });
      const shadyItem = await insertSearchItem(h, shady.partnerId, {
        ...garda,
        ...late,
        translations: { en: { title: 'Secret tour', description: '' } },
      });
      // The walk is open all month; the cruise and the food tour only next month.
      await openDates(h, walk, today, endOfMonth, { capacity: 10 });
      await openDates(h, cruise, addDays(endOfMonth, 3), addDays(endOfMonth, 5), { capacity: 10 });
      await openDates(h, food, addDays(endOfMonth, 3), addDays(endOfMonth, 5), { capacity: 10 });
      await openDates(h, shadyItem, today, endOfMonth, { capacity: 10 });
      walkItem = walk;
      lakeTour = await packageOf(lago, walk, 'Lake hike day');
      paused = await packageOf(lago, walk, 'Paused hike');
      foodTour = await packageOf(roma, food, 'Rome food evening');
      sunsetCruise = await packageOf(lago, cruise, 'Sunset on the lake');
      shadyPackage = await packageOf(shady, shadyItem, 'Secret day');
      expect((await h.call('POST', `/api/packages/${paused.id}/pause`, as(lago.owner))).status).toBe(200);
      await shady.emit(partnerEvents.suspended);
      await bookings(foodTour.id, roma.partnerId, 3, 'confirmed');
      await bookings(lakeTour.id, lago.partnerId, 1, 'pending_payment');
      // Not counted: expired or cancelled, older than 7 days, a paused package, a suspended partner.
      await bookings(lakeTour.id, lago.partnerId, 4, 'expired');
      await bookings(lakeTour.id, lago.partnerId, 2, 'cancelled');
      await bookings(sunsetCruise.id, lago.partnerId, 5, 'confirmed', 8);
      await bookings(paused.id, lago.partnerId, 6, 'confirmed');
      await bookings(shadyPackage.id, shady.partnerId, 7, 'confirmed');
    });

    it('verified partners with published packages, most packages first', async () => {
      const body = await discover('?lang=en');
      expect(body.verifiedPartners).toEqual([
        { id: lago.partnerId, name: 'Lago Tours', type: 'agency', partnerVerified: true, packageCount: 2 },
        { id: roma.partnerId, name: 'Roma Food Walks', type: 'agency', partnerVerified: true, packageCount: 1 },
      ]);
      const shown = body.verifiedPartners.map((p: { id: string }) => p.id);
      expect(shown).not.toContain(idle.partnerId);
      expect(shown).not.toContain(shady.partnerId);
    });

    it('trending: most bookings held or confirmed in the last 7 days', async () => {
      const body = await discover('?lang=en');
      expect(body.trending.map((r: { id: string; bookingsLast7Days: number }) => [r.id, r.bookingsLast7Days])).toEqual([
        [foodTour.id, 3],
        [lakeTour.id, 1],
      ]);
      expect(body.trending[0]).toMatchObject({ kind: 'package', partnerVerified: true, sponsored: false });
    });

    it('seasonal: bookable for two adults on some day left this month', async () => {
      const body = await discover('?lang=en');
      expect(idsOf({ items: body.seasonal })).toEqual([lakeTour.id]);
      expect(body.seasonal[0].price).toMatchObject({ basis: 'party', amountMinor: 9000, currency: 'EUR' });
      expect(body.seasonal[0].price.date >= today && body.seasonal[0].price.date <= endOfMonth).toBe(true);
    });

    it('new: the most recently published first, in the asked language', async () => {
      const body = await discover('?lang=it');
      expect(idsOf({ items: body.new })).toEqual([sunsetCruise.id, foodTour.id, lakeTour.id]);
      expect(body.new[0].title).toBe('Sunset on the lake (it)');
      expect(body.sponsored).toEqual([]);
    });

    it("packages for you: the suggestion engine's, bookable in the next two weeks, priced for the party", async () => {
      const tomorrow = addDays(today, 1);
      const lastDay = addDays(tomorrow, 13);
      // The walk stays open over the whole fortnight, whatever the day of the month the test runs.
      await openDates(h, walkItem, tomorrow, lastDay, { capacity: 10 });
      const body = await discover('?lang=en');
      const ids = idsOf({ items: body.packagesForYou });
      expect(ids).toContain(lakeTour.id);
      expect(ids).not.toContain(paused.id);
      expect(ids).not.toContain(shadyPackage.id);
      for (const card of body.packagesForYou) {
        expect(card).toMatchObject({ kind: 'package', partnerVerified: true, sponsored: false });
        expect(card.price.basis).toBe('party');
        expect(card.price.date >= tomorrow && card.price.date <= lastDay).toBe(true);
      }
      expect(body.packagesForYou.find((c: { id: string }) => c.id === lakeTour.id).price.amountMinor).toBe(9000);

      // A traveller whose last booking was for a family: the walk has no child price, so it is not offered.
      const parent = await h.user('parent');
      await h.rows(
        `INSERT INTO bundling.package_bookings (id, package_id, package_version, seller_partner_id, user_id, status,
           start_date, party, currency, price_paid, breakdown, policy, hold_expires_at)
         VALUES ($1, $2, 1, $3, $4, 'expired', $5, '{"adult":2,"child":1}', 'EUR', 9000, '{}', '{"tiers":[]}', now())`,
        [randomUUID(), foodTour.id, roma.partnerId, parent.id, addDays(today, 20)],
      );
      const res = await h.call('GET', '/api/discover?lang=en', as(parent));
      expect(res.status).toBe(200);
      expect(idsOf({ items: res.body.packagesForYou })).not.toContain(lakeTour.id);
    });

    it('near: keeps every section to what lies within 100 km', async () => {
      const body = await discover('?lang=en&near=41.9,12.5');
      expect(idsOf({ items: body.new })).toEqual([foodTour.id]);
      expect(idsOf({ items: body.trending })).toEqual([foodTour.id]);
      expect(body.seasonal).toEqual([]);
      expect(body.verifiedPartners.map((p: { id: string }) => p.id)).toEqual([roma.partnerId]);
      expect(body.new[0].distanceKm).toBeLessThan(5);
    });

    it('records what each section showed, for analytics', async () => {
      const body = await discover('?lang=en');
      const impressions = await waitFor(
        async () =>
          (await h.published('bundling.interactions.recorded.v1'))
            .flatMap((e) => (e.payload as { interactions: Record<string, unknown>[] }).interactions)
            .filter((i) => i.requestId === body.discoverId),
        (found) => found.length > 0,
      );
      const sections = Object.fromEntries(impressions.map((i) => [i.section, i]));
      expect(Object.keys(sections).sort()).toEqual([
        'new',
        'packages_for_you',
        'seasonal',
        'trending',
        'verified_partners',
      ]);
      expect(sections.new).toMatchObject({ kind: 'impression', surface: 'discover', resultCount: 3 });
      expect((sections.trending!.results as { id: string }[]).map((r) => r.id)).toEqual([foodTour.id, lakeTour.id]);
    });
  });
});
