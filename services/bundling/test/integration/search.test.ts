import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, nextIp, startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { partnerEvents } from '../support/partner-events.ts';
import { openDates, packageBody, publishedPackage, romeDay, type TestItem } from './packages-builders.ts';
import { fieldCodes, idsOf, insertSearchItem, RIVA_DEL_GARDA } from './search-fixtures.ts';

// A small catalogue around Lake Garda, the Dolomites and Rome, in several languages, searched
// the way a traveller would: words in their language (with typos), a destination, dates and
// a party, filters and pages.
describe('GET /api/packages/search', () => {
  let h: BundlingHarness;
  let lago: GivenPartner;
  let hotel: GivenPartner;
  let suspended: GivenPartner;
  let walk: TestItem;
  let dolomites: TestItem;
  let room: TestItem;
  let trastevere: TestItem;
  let hidden: TestItem;
  let draft: TestItem;
  let pkg: { id: string };
  const day = (n: number) => romeDay(10 + n);

  const search = async (query: string) => {
    const res = await h.call('GET', `/api/packages/search?${query}`);
    if (res.status !== 200) throw new Error(`search ${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_search');
    [lago, hotel, suspended] = await Promise.all([
      givenPartner(h, { name: 'Lago Tours' }),
      givenPartner(h, { name: 'Hotel Malcesine', type: 'hotel' }),
      givenPartner(h, { name: 'Shady Trips' }),
    ]);
    walk = await insertSearchItem(h, lago.partnerId, {
      translations: {
        it: { title: 'Escursione guidata sopra Riva', description: 'Tre ore sul sentiero del Ponale' },
        en: { title: 'Guided hike above Riva', description: 'Three hours on the old Ponale road' },
        de: { title: 'Geführte Wanderung über Riva', description: 'Drei Stunden hoch über dem Gardasee' },
      },
      ...RIVA_DEL_GARDA,
      tags: ['nature', 'lake'],
      units: [
        { code: 'adult', priceMinor: 4500 },
        { code: 'child', priceMinor: 2500 },
      ],
    });
    dolomites = await insertSearchItem(h, lago.partnerId, {
      translations: {
        it: { title: 'Escursione nelle Dolomiti', description: 'Una giornata tra le Tre Cime' },
        en: { title: 'Dolomites day hike', description: 'A day around the Three Peaks' },
        fr: { title: 'Randonnée dans les Dolomites', description: 'Une journée autour des Trois Cimes' },
        es: { title: 'Excursión por los Dolomitas', description: 'Un día entre las Tres Cimas' },
      },
      place: "Cortina d'Ampezzo",
      regionCode: 'IT-34',
      latitude: 46.538,
      longitude: 12.137,
      tags: ['mountain', 'adventure'],
      units: [{ code: 'adult', priceMinor: 6000 }],
    });
    room = await insertSearchItem(h, hotel.partnerId, {
      kind: 'service',
      translations: { it: { title: 'Camera doppia vista lago', description: 'Colazione inclusa' } },
      place: 'Malcesine',
      regionCode: 'IT-34',
      latitude: 45.763,
      longitude: 10.809,
      tags: ['couple', 'lake'],
      units: [{ code: 'room', priceMinor: 12900, netRateMinor: 10000 }],
      capacityModel: 'daily',
      bundleTerms: { kind: 'net_rate' },
    });
    trastevere = await insertSearchItem(h, lago.partnerId, {
      translations: { en: { title: 'Trastevere food tour', description: 'Supplì, pizza and gelato' } },
      place: 'Roma',
      regionCode: 'IT-62',
      latitude: 41.889,
      longitude: 12.47,
      tags: ['food', 'culture'],
      units: [{ code: 'adult', priceMinor: 7000 }],
    });
    hidden = await insertSearchItem(h, suspended.partnerId, {
      translations: { it: { title: 'Escursione segreta sul Garda', description: '' } },
      ...RIVA_DEL_GARDA,
      tags: ['lake'],
    });
    draft = await insertSearchItem(h, lago.partnerId, {
      status: 'draft',
      translations: { it: { title: 'Escursione in bozza sul Garda', description: '' } },
      ...RIVA_DEL_GARDA,
    });
    await openDates(h, walk, day(0), day(5), { capacity: 10 });
    await openDates(h, dolomites, day(0), day(5), { capacity: 3 });
    await openDates(h, room, day(0), day(6), { capacity: 2 });
    await openDates(h, room, day(1), day(1), { capacity: 2, priceOverrides: { room: 15900 } });
    await openDates(h, trastevere, day(0), day(0), { capacity: 8 });
    await openDates(h, hidden, day(0), day(5), { capacity: 10 });
    // The package: two nights in the hotel room (bundled at its net rate) and the walk on day 2,
    // with a bundle rule and a children's rule.
    pkg = await publishedPackage(
      h,
      lago,
      packageBody(
        [
          { itemId: room.id, dayOffset: 0, days: 2 },
          { itemId: walk.id, dayOffset: 1 },
        ],
        {
          translations: {
            it: { title: 'Weekend in famiglia sul Garda', description: 'Due notti a Malcesine e una escursione' },
            en: { title: 'Garda family weekend', description: 'Two nights in Malcesine and a guided hike' },
            de: { title: 'Familienwochenende am Gardasee', description: 'Zwei Nächte in Malcesine' },
            fr: { title: 'Week-end en famille au lac de Garde', description: '' },
            es: { title: 'Fin de semana en familia en el Garda', description: '' },
          },
          tags: ['family', 'lake'],
          discountRules: [
            { id: 'bundle', type: 'percentage', bps: 1000, conditions: { minDistinctItems: 2 } },
            { id: 'kids', type: 'fixed', amountMinor: 1500, conditions: { minChildren: 1 } },
          ],
        },
      ),
    );
    await suspended.emit(partnerEvents.suspended);
  });

  afterAll(async () => h?.close());

  describe('words in the traveller language', () => {
    it('Italian: "escursioni" finds the excursions (escursione) by the Italian stem', async () => {
      const body = await search('q=escursioni&lang=it');
      expect(idsOf(body)).toEqual(expect.arrayContaining([walk.id, dolomites.id]));
      expect(idsOf(body)).not.toContain(trastevere.id);
      expect(body.items.find((r: { id: string }) => r.id === walk.id).title).toBe('Escursione guidata sopra Riva');
      expect(body.corrections).toEqual([]);
    });

    it('English: "hikes" finds the hiking tours, titled in English', async () => {
      const body = await search('q=hikes&lang=en');
      expect(idsOf(body)).toEqual(expect.arrayContaining([walk.id, dolomites.id, pkg.id]));
      expect(body.items.map((r: { title: string }) => r.title)).toContain('Dolomites day hike');
    });

    it('German: "Wanderungen" finds the Wanderung, and "Gardasee" what lies on the lake', async () => {
      const hikes = await search('q=Wanderungen&lang=de');
      expect(idsOf(hikes)).toContain(walk.id);
      expect(hikes.items[0].title).toBe('Geführte Wanderung über Riva');
      const lake = await search('q=Gardasee&lang=de');
      expect(idsOf(lake)).toEqual(expect.arrayContaining([walk.id, pkg.id]));
      expect(idsOf(lake)).not.toContain(dolomites.id);
    });

    it('French: "randonnées" finds the randonnée; Spanish: "excursiones" the excursión (accents optional)', async () => {
      expect(idsOf(await search('q=randonnées&lang=fr'))).toEqual([dolomites.id]);
      expect(idsOf(await search('q=randonnees&lang=fr'))).toEqual([dolomites.id]);
      expect(idsOf(await search('q=excursiones&lang=es'))).toContain(dolomites.id);
    });

    it('falls back to the default language when a result has no text in the asked one', async () => {
      const body = await search('q=camera&lang=fr');
      // The room, and the package that includes it (its lines' titles count too).
      expect(new Set(idsOf(body))).toEqual(new Set([room.id, pkg.id]));
      expect(body.items[0].id).toBe(room.id);
      expect(body.items[0].title).toBe('Camera doppia vista lago');
    });

    it('finds tags in the traveller language ("famiglia" → family)', async () => {
      expect(idsOf(await search('q=famiglia&lang=it'))).toEqual([pkg.id]);
    });
  });

  describe('typos', () => {
    it('"Dolomitti" finds the Dolomites tour and says what it searched for', async () => {
      const body = await search('q=Dolomitti&lang=it');
      expect(idsOf(body)).toContain(dolomites.id);
      expect(body.corrections).toEqual([{ word: 'dolomitti', alternatives: expect.arrayContaining(['dolomiti']) }]);
    });

    it('"Gardasee" in Italian finds Garda (the compound head), "escursoni" the excursions', async () => {
      expect(idsOf(await search('q=Gardasee&lang=it'))).toEqual(expect.arrayContaining([walk.id, pkg.id]));
      expect(idsOf(await search('q=escursoni&lang=it'))).toEqual(expect.arrayContaining([walk.id, dolomites.id]));
    });

    it('ranks the exact word above corrected ones and finds nothing for gibberish', async () => {
      expect((await search('q=Riva&lang=en')).items[0].id).toBe(walk.id);
      const none = await search('q=xqzwv&lang=en');
      expect(none.total).toBe(0);
      expect(none.items).toEqual([]);
    });
  });

  describe('destination', () => {
    it('by name, with typos and in another language (dest=Gardasee)', async () => {
      const byName = await search('dest=Malcesine&lang=en');
      expect(idsOf(byName)).toEqual(expect.arrayContaining([room.id, pkg.id]));
      expect(idsOf(byName)).not.toContain(walk.id);
      const byLake = await search('dest=Gardasee&lang=de');
      expect(idsOf(byLake)).toEqual(expect.arrayContaining([walk.id, pkg.id]));
      expect(idsOf(byLake)).not.toContain(trastevere.id);
    });

    it('by region code or country', async () => {
      expect(idsOf(await search('dest=IT-62'))).toEqual([trastevere.id]);
      // A package lies in every region one of its lines does.
      expect(new Set(idsOf(await search('dest=IT-34')))).toEqual(new Set([dolomites.id, room.id, pkg.id]));
      expect((await search('dest=IT')).total).toBe(5);
      expect((await search('dest=FR')).total).toBe(0);
    });

    it('by radius around coordinates, with the distance', async () => {
      const rome = await search('near=41.9,12.5&radiusKm=20');
      expect(idsOf(rome)).toEqual([trastevere.id]);
      expect(rome.items[0].distanceKm).toBeGreaterThan(0);
      expect(rome.items[0].distanceKm).toBeLessThan(5);
      const garda = await search('near=45.88,10.84&radiusKm=30&sort=relevance');
      expect(new Set(idsOf(garda))).toEqual(new Set([walk.id, room.id, pkg.id]));
      // Without words the nearest comes first (a package is as near as its nearest line).
      const distances = garda.items.map((r: { distanceKm: number }) => r.distanceKm);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(garda.items.find((r: { id: string }) => r.id === room.id).distanceKm).toBeGreaterThan(10);
    });
  });

  describe('availability and the price for the party', () => {
    it('only what is bookable on the date, priced for the party', async () => {
      const body = await search(`date=${day(2)}&party=2a1c&kind=item`);
      // No Trastevere that day; the Dolomites tour has no child price.
      expect(new Set(idsOf(body))).toEqual(new Set([walk.id, room.id]));
      const byId = Object.fromEntries(body.items.map((r: { id: string }) => [r.id, r]));
      expect(byId[walk.id].price).toEqual({
        currency: 'EUR',
        amountMinor: 2 * 4500 + 2500,
        basis: 'party',
        date: day(2),
      });
      expect(byId[room.id].price.amountMinor).toBe(12900);
      expect(body.party).toEqual({ adult: 2, child: 1, infant: 0, senior: 0 });
    });

    it('leaves out what has too few places left for the party', async () => {
      expect(idsOf(await search(`date=${day(2)}&party=3a&q=Dolomiti&lang=it`))).toEqual([dolomites.id]);
      expect(idsOf(await search(`date=${day(2)}&party=4a&q=Dolomiti&lang=it`))).toEqual([]);
      // Taken places count: sell two of the three.
      await openDates(h, dolomites, day(3), day(3), { capacity: 3, sold: 2 });
      expect(idsOf(await search(`date=${day(3)}&party=2a&q=Dolomiti&lang=it`))).toEqual([]);
      expect(idsOf(await search(`date=${day(3)}&party=1a&q=Dolomiti&lang=it`))).toEqual([dolomites.id]);
    });

    it('a place taken since the same search was answered is gone from the next answer at once', async () => {
      // Answers are reused only while nothing they are made of changed (answer-cache.ts).
      const query = `date=${day(4)}&party=3a&q=Dolomiti&lang=it`;
      expect(idsOf(await search(query))).toEqual([dolomites.id]);
      await openDates(h, dolomites, day(4), day(4), { capacity: 3, held: 1 });
      expect(idsOf(await search(query))).toEqual([]);
      await openDates(h, dolomites, day(4), day(4), { capacity: 3 });
      expect(idsOf(await search(query))).toEqual([dolomites.id]);
    });

    it('nothing on a date without availability; the cheapest start date over a range', async () => {
      expect((await search(`date=${day(20)}`)).total).toBe(0);
      const range = await search(`from=${day(0)}&to=${day(2)}&kind=item&dest=Malcesine`);
      // The room costs 15900 on day 1 and 12900 on the others: the range shows the cheapest.
      expect(range.items[0].price).toMatchObject({ amountMinor: 12900, basis: 'party', date: day(0) });
      const onlyDearDay = await search(`date=${day(1)}&kind=item&dest=Malcesine`);
      expect(onlyDearDay.items[0].price.amountMinor).toBe(15900);
    });

    it("prices a package for the party as the quote does (lines' days, net rates, discount rules)", async () => {
      for (const [date, party, body] of [
        [day(0), '2a1c', { adult: 2, child: 1 }],
        [day(0), '2a', { adult: 2 }],
        [day(1), '2a1c', { adult: 2, child: 1 }],
      ] as const) {
        const found = await search(`date=${date}&party=${party}&kind=package`);
        expect(idsOf(found)).toEqual([pkg.id]);
        const quote = await h.call('POST', `/api/packages/${pkg.id}/quote`, { body: { date, party: body } });
        expect(quote.status).toBe(200);
        expect(found.items[0].price).toEqual({
          currency: 'EUR',
          amountMinor: quote.body.breakdown.totalMinor,
          basis: 'party',
          date,
        });
      }
      // Nights 5 and 6 exist, the walk on day 6 does not: no package start on day 5.
      expect((await search(`date=${day(5)}&kind=package`)).total).toBe(0);
    });

    it('without dates: the from-price', async () => {
      const body = await search('kind=package');
      expect(body.items[0].price).toMatchObject({ basis: 'from', date: null });
      expect(body.items[0].price.amountMinor).toBeGreaterThan(0);
    });
  });

  describe('filters, facets, sort and pages', () => {
    it('counts every filter value beside the results', async () => {
      const body = await search('dest=IT');
      expect(body.facets.kind).toEqual({ package: 1, item: 4 });
      expect(body.facets.itemKind).toMatchObject({ tour: 4, service: 2, transport: 0, extra: 0 });
      expect(body.facets.tags).toMatchObject({ lake: 3, family: 1, food: 1, mountain: 1, couple: 1 });
      expect(body.facets.verified).toEqual({ verified: 5, all: 5 });
      // A kind filter narrows the results, not its own facet; tags narrow both.
      const packages = await search('dest=IT&kind=package&tags=lake');
      expect(idsOf(packages)).toEqual([pkg.id]);
      expect(packages.facets.kind).toEqual({ package: 1, item: 2 });
      expect(packages.facets.tags.lake).toBe(1);
      expect(packages.facets.tags.family).toBe(1);
    });

    it('with several filters and dates, each facet count is what choosing that value shows', async () => {
      const base = `dest=IT&date=${day(0)}&party=1a`;
      const chosen = { kind: 'item', itemKind: 'tour', tags: 'lake' };
      const qs = (filters: Record<string, string>) =>
        [base, ...Object.entries(filters).map(([key, value]) => `${key}=${value}`)].join('&');
      const body = await search(qs(chosen));
      expect((await search(qs({ ...chosen, kind: 'package' }))).total).toBe(body.facets.kind.package);
      expect((await search(qs({ ...chosen, itemKind: 'service' }))).total).toBe(body.facets.itemKind.service);
      expect(body.facets.kind.item).toBe(body.total);
      expect(body.facets.itemKind.tour).toBe(body.total);
      expect(body.facets.tags.lake).toBe(body.total);
      expect(body.facets.verified.all).toBe(body.total);
    });

    it('item kinds, tags and prices', async () => {
      expect(new Set(idsOf(await search('itemKind=service')))).toEqual(new Set([room.id, pkg.id]));
      expect(idsOf(await search('itemKind=service&kind=item'))).toEqual([room.id]);
      expect(new Set(idsOf(await search('tags=lake,couple')))).toEqual(new Set([room.id]));
      const cheap = await search(`date=${day(0)}&party=1a&priceMax=5000&kind=item`);
      expect(idsOf(cheap)).toEqual([walk.id]);
      const byPrice = await search(`date=${day(0)}&party=1a&kind=item&sort=price`);
      const prices = byPrice.items.map((r: { price: { amountMinor: number } }) => r.price.amountMinor);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      expect((await search('priceMin=1&currency=USD')).total).toBe(0);
    });

    it('verified only: every result carries the badge; a suspended partner is never shown', async () => {
      const body = await search('q=Garda&lang=it&verifiedOnly=true');
      expect(body.items.length).toBeGreaterThan(0);
      for (const result of body.items) {
        expect(result.partnerVerified).toBe(true);
        expect(result.sponsored).toBe(false);
      }
      expect(body.facets.verified.verified).toBe(body.total);
      for (const query of ['q=segreta&lang=it', 'q=bozza&lang=it', 'dest=IT-32']) {
        const ids = idsOf(await search(query));
        expect(ids).not.toContain(hidden.id);
        expect(ids).not.toContain(draft.id);
      }
    });

    it('pages through the results without repeating one', async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => search(`sort=newest&pageSize=2&page=${page}`)));
      expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
      const ids = pages.flatMap((p) => idsOf(p));
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
      expect(pages[2].items).toHaveLength(1);
      expect((await search('page=9&pageSize=2')).items).toEqual([]);
    });

    it('sort=rating: no ratings exist yet, so it ranks by relevance and says so', async () => {
      const body = await search('q=hike&sort=rating');
      expect(body.sortApplied).toBe('relevance');
      expect(body.items.every((r: { rating: number | null }) => r.rating === null)).toBe(true);
    });
  });

  describe('the index follows the catalogue', () => {
    it('publishing, editing and pausing through the API change what search finds, at once', async () => {
      const created = await h.call('POST', '/api/catalogue/items', {
        ...as(lago.owner),
        body: {
          kind: 'tour',
          translations: { it: { title: 'Giro in barca a vela', description: 'Sul lago al tramonto' } },
          destination: { place: 'Torbole', regionCode: 'IT-32', latitude: 45.87, longitude: 10.87 },
          durationMinutes: 120,
          tags: ['lake'],
          currency: 'EUR',
          units: [{ code: 'adult', priceMinor: 5500 }],
          capacityModel: 'slots',
          cutoffHours: 0,
          startTimes: ['17:00'],
        },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect(idsOf(await search('q=barca&lang=it'))).toEqual([]);
      expect((await h.call('POST', `/api/catalogue/items/${id}/publish`, as(lago.owner))).status).toBe(200);
      expect(idsOf(await search('q=barca&lang=it'))).toEqual([id]);
      const edited = await h.call('PATCH', `/api/catalogue/items/${id}`, {
        ...as(lago.owner),
        body: { translations: { it: { title: 'Regata in catamarano', description: '' } } },
      });
      expect(edited.status).toBe(200);
      expect(idsOf(await search('q=barca&lang=it'))).toEqual([]);
      expect(idsOf(await search('q=catamarano&lang=it'))).toEqual([id]);
      expect((await h.call('POST', `/api/catalogue/items/${id}/pause`, as(lago.owner))).status).toBe(200);
      expect(idsOf(await search('q=catamarano&lang=it'))).toEqual([]);
    });
  });

  describe('bad parameters', () => {
    it.each([
      ['date=2026-13-01', 'invalid_date'],
      [`from=${day(0)}`, 'date_range_incomplete'],
      [`from=${day(3)}&to=${day(1)}`, 'invalid_date_range'],
      [`from=${day(0)}&to=${day(40)}`, 'range_too_long'],
      [`date=${day(0)}&from=${day(0)}&to=${day(1)}`, 'date_and_range'],
      ['party=lots', 'invalid_party'],
      ['party=1c', 'party_needs_adult'],
      ['near=95,10', 'invalid_near'],
      ['near=here', 'invalid_near'],
      ['radiusKm=10', 'near_required'],
      ['near=45,10&radiusKm=5000', 'invalid_radius'],
      ['kind=hotel', 'invalid_kind'],
      ['itemKind=boat', 'invalid_item_kind'],
      ['tags=lake,beach', 'invalid_tag'],
      ['sort=cheapest', 'invalid_sort'],
      ['priceMin=500&priceMax=100', 'invalid_price_range'],
      ['priceMin=-1', 'invalid_amount'],
      ['priceMax=1.5', 'invalid_amount'],
      ['currency=euro', 'invalid_currency'],
      ['verifiedOnly=maybe', 'invalid_boolean'],
      ['lang=xx', 'invalid_lang'],
      ['page=0', 'invalid_page'],
      ['pageSize=500', 'invalid_page_size'],
      [`q=${'a'.repeat(201)}`, 'too_long'],
    ])('%s → 400 validation_failed with %s', async (query, code) => {
      const res = await h.call('GET', `/api/packages/search?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
      expect(fieldCodes(res.body)).toContain(code);
    });

    it('odd but valid input never fails the search', async () => {
      for (const q of ["'; DROP TABLE items; --", 'a & b | !c', '(((', ':*', 'the of and', '日本語', '%_\\']) {
        const res = await h.call(
          'GET',
          `/api/packages/search?q=${encodeURIComponent(q)}&dest=${encodeURIComponent(q)}`,
        );
        expect(res.status, q).toBe(200);
      }
    });
  });

  describe('rate limit and interactions', () => {
    it('limits each client to 120 searches a minute (429 rate_limited), others unaffected', async () => {
      const ip = nextIp();
      const statuses: number[] = [];
      for (let i = 0; i < 121; i += 1) {
        // Refused queries are cheap and count the same.
        statuses.push((await h.call('GET', '/api/packages/search?page=0', { ip })).status);
      }
      expect(statuses.slice(0, 120).every((s) => s === 400)).toBe(true);
      expect(statuses[120]).toBe(429);
      const limited = await h.call('GET', '/api/packages/search', { ip });
      expect(limited.body.code).toBe('rate_limited');
      expect((await h.call('GET', '/api/packages/search', { ip: nextIp() })).status).toBe(200);
    });

    it('records searches with their results, and the clicks the portal reports, as batched events', async () => {
      const found = await search('q=Trastevere&lang=en');
      expect(idsOf(found)).toEqual([trastevere.id]);
      const click = await h.call('POST', '/api/packages/search/interactions', {
        body: {
          events: [
            {
              kind: 'click',
              surface: 'search',
              requestId: found.searchId,
              targetKind: 'item',
              targetId: trastevere.id,
              position: 0,
            },
          ],
        },
      });
      expect(click.status).toBe(202);
      expect(click.body).toEqual({ accepted: 1 });
      const interactions = await waitFor(
        async () =>
          (await h.published('bundling.interactions.recorded.v1')).flatMap(
            (e) => (e.payload as { interactions: Record<string, unknown>[] }).interactions,
          ),
        (all) => all.some((i) => i.requestId === found.searchId && i.kind === 'click'),
      );
      const searched = interactions.find((i) => i.requestId === found.searchId && i.kind === 'search');
      expect(searched).toMatchObject({
        surface: 'search',
        query: 'Trastevere',
        lang: 'en',
        resultCount: 1,
        results: [{ kind: 'item', id: trastevere.id }],
      });
      const clicked = interactions.find((i) => i.requestId === found.searchId && i.kind === 'click');
      expect(clicked).toMatchObject({ surface: 'search', targetKind: 'item', targetId: trastevere.id });
      const bad = await h.call('POST', '/api/packages/search/interactions', {
        body: { events: [{ kind: 'purchase', surface: 'search', targetKind: 'item', targetId: 'x' }] },
      });
      expect(bad.status).toBe(400);
    });
  });
});
