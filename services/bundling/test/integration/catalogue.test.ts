import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { createItem, publishedItem, roomBody, tourBody } from '../support/items.ts';
import { partnerEvents } from '../support/partner-events.ts';

describe('catalogue items', () => {
  let h: BundlingHarness;
  let a: GivenPartner;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_catalogue');
    a = await givenPartner(h, { name: 'Garda Walks' });
  });
  afterAll(() => h?.close());

  const problem = (res: { status: number; body: { code: string; errors?: { path: string; code: string }[] } }) => ({
    status: res.status,
    code: res.body.code,
    fields: (res.body.errors ?? []).map((e) => `${e.path}:${e.code}`),
  });

  it('creates a draft item and reads it back with its partner, translations and the requested language', async () => {
    const created = await createItem(h, a, tourBody());
    expect(created).toMatchObject({
      partnerId: a.partnerId,
      partnerName: 'Garda Walks',
      partnerVerified: true,
      kind: 'tour',
      status: 'draft',
      title: 'Guided walk above Riva',
      language: 'en',
      startTimes: ['09:00', '14:00'],
      units: [
        { code: 'adult', priceMinor: 4500, netRateMinor: null },
        { code: 'child', priceMinor: 2500, netRateMinor: null },
      ],
      bundleTerms: null,
      images: [],
    });
    const italian = await h.call('GET', `/api/catalogue/items/${created.id}?lang=it`, as(a.owner));
    expect(italian.body).toMatchObject({ title: 'Passeggiata guidata sopra Riva', language: 'it' });
    // No German: the item's first language.
    const german = await h.call('GET', `/api/catalogue/items/${created.id}?lang=de`, as(a.owner));
    expect(german.body).toMatchObject({ title: 'Guided walk above Riva', language: 'en' });
    const room = await createItem(h, a, roomBody());
    const roomInGerman = await h.call('GET', `/api/catalogue/items/${room.id}?lang=de`, as(a.owner));
    expect(roomInGerman.body).toMatchObject({ title: 'Camera doppia vista lago', language: 'it', startTimes: [] });
  });

  it('patches only what is sent; the start times and bundle terms stay', async () => {
    const item = await createItem(h, a, tourBody({ bundleTerms: { kind: 'commission', commissionBps: 1500 } }));
    const res = await h.call('PATCH', `/api/catalogue/items/${item.id}`, {
      ...as(a.owner),
      body: { durationMinutes: 240, tags: ['family', 'family', 'nature'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      durationMinutes: 240,
      tags: ['family', 'nature'],
      startTimes: ['09:00', '14:00'],
      bundleTerms: { kind: 'commission', commissionBps: 1500 },
    });
    const times = await h.call('PATCH', `/api/catalogue/items/${item.id}`, {
      ...as(a.owner),
      body: { startTimes: ['16:00', '08:30'] },
    });
    expect(times.body.startTimes).toEqual(['08:30', '16:00']);
  });

  it('walks the status machine: draft → published ⇄ paused → archived, and refuses the rest', async () => {
    const item = await createItem(h, a);
    const step = (t: string) => h.call('POST', `/api/catalogue/items/${item.id}/${t}`, as(a.owner));
    expect(problem(await step('pause'))).toMatchObject({ status: 409, code: 'invalid_status_transition' });
    expect((await step('publish')).body.status).toBe('published');
    expect(problem(await step('publish'))).toMatchObject({ status: 409, code: 'invalid_status_transition' });
    expect((await step('pause')).body.status).toBe('paused');
    expect((await step('publish')).body.status).toBe('published');
    expect((await step('archive')).body.status).toBe('archived');
    expect(problem(await step('publish'))).toMatchObject({ status: 409, code: 'invalid_status_transition' });
    const edit = await h.call('PATCH', `/api/catalogue/items/${item.id}`, { ...as(a.owner), body: { tags: [] } });
    expect(problem(edit)).toMatchObject({ status: 409, code: 'item_archived' });
  });

  it('publishes only for a verified partner (409 partner_not_verified), and again once verified', async () => {
    const draft = await givenPartner(h, { verified: false });
    const item = await createItem(h, draft);
    const publish = () => h.call('POST', `/api/catalogue/items/${item.id}/publish`, as(draft.owner));
    expect(problem(await publish())).toMatchObject({ status: 409, code: 'partner_not_verified' });
    await draft.emit(partnerEvents.submitted);
    await draft.emit(partnerEvents.verified);
    expect((await publish()).body.status).toBe('published');
  });

  it('lists the caller partner’s items with paging and filters, newest first', async () => {
    const p = await givenPartner(h);
    const made = [];
    for (let i = 0; i < 5; i += 1) made.push(await createItem(h, p, i % 2 ? roomBody() : tourBody()));
    const page1 = await h.call('GET', '/api/catalogue/items?pageSize=2', as(p.owner));
    expect(page1.body).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([made[4].id, made[3].id]);
    const page3 = await h.call('GET', '/api/catalogue/items?pageSize=2&page=3', as(p.owner));
    expect(page3.body.items.map((i: { id: string }) => i.id)).toEqual([made[0].id]);
    const services = await h.call('GET', '/api/catalogue/items?kind=service&lang=de', as(p.owner));
    expect(services.body.total).toBe(2);
    expect(services.body.items[0]).toMatchObject({ kind: 'service', language: 'it' });
    const published = await h.call('GET', '/api/catalogue/items?status=published', as(p.owner));
    expect(published.body).toMatchObject({ total: 0, items: [] });
  });

  it('shows other verified partners’ published bundleable items, never its own, drafts, unbundleable or unverified ones', async () => {
    const seller = await givenPartner(h);
    const supplier = await givenPartner(h, { name: 'Ferry Co' });
    const terms = { bundleTerms: { kind: 'commission', commissionBps: 1000 } };
    const offered = await publishedItem(h, supplier, roomBody(terms));
    await publishedItem(h, supplier, roomBody()); // not bundleable
    await createItem(h, supplier, roomBody(terms)); // draft
    await publishedItem(h, seller, roomBody(terms)); // the seller's own
    const list = await h.call('GET', '/api/catalogue/bundleable', as(seller.owner));
    const ids = list.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(offered.id);
    expect(list.body.items.every((i: { partnerId: string }) => i.partnerId !== seller.partnerId)).toBe(true);
    expect(list.body.items.every((i: { bundleTerms: unknown }) => i.bundleTerms !== null)).toBe(true);
    // The seller reads the offered item (its terms are the deal between them).
    const read = await h.call('GET', `/api/catalogue/items/${offered.id}`, as(seller.owner));
    expect(read.body).toMatchObject({ partnerName: 'Ferry Co', bundleTerms: { kind: 'commission' } });
    // The supplier suspended: no longer offered, no longer readable.
    await supplier.emit(partnerEvents.suspended);
    const after = await h.call('GET', '/api/catalogue/bundleable', as(seller.owner));
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(offered.id);
    expect((await h.call('GET', `/api/catalogue/items/${offered.id}`, as(seller.owner))).status).toBe(404);
  });

  describe('bad input: 400 with a field code, nothing written', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'mixed person and booking units',
        tourBody({
          units: [
            { code: 'adult', priceMinor: 1 },
            { code: 'room', priceMinor: 1 },
          ],
        }),
        'body.units:mixed_units',
      ],
      [
        'two booking units',
        roomBody({
          units: [
            { code: 'room', priceMinor: 1 },
            { code: 'vehicle', priceMinor: 1 },
          ],
        }),
        'body.units:mixed_units',
      ],
      [
        'a unit twice',
        tourBody({
          units: [
            { code: 'adult', priceMinor: 1 },
            { code: 'adult', priceMinor: 2 },
          ],
        }),
        'body.units:duplicate_unit',
      ],
      ['no unit', tourBody({ units: [] }), 'body.units:units_required'],
      [
        'a negative price',
        tourBody({ units: [{ code: 'adult', priceMinor: -1 }] }),
        'body.units.0.priceMinor:negative_amount',
      ],
      [
        'a decimal price',
        tourBody({ units: [{ code: 'adult', priceMinor: 45.5 }] }),
        'body.units.0.priceMinor:invalid_amount',
      ],
      ['an unknown unit', tourBody({ units: [{ code: 'dog', priceMinor: 1 }] }), 'body.units.0.code:invalid_unit'],
      ['no translation', tourBody({ translations: {} }), 'body.translations:translation_required'],
      ['a bad currency', tourBody({ currency: 'EURO' }), 'body.currency:invalid_currency'],
      [
        'a bad region',
        tourBody({ destination: { place: 'Riva', regionCode: 'XX-99', latitude: 1, longitude: 1 } }),
        'body.destination.regionCode',
      ],
      [
        'coordinates off the globe',
        tourBody({ destination: { place: 'Riva', regionCode: 'IT', latitude: 91, longitude: 1 } }),
        'body.destination.latitude:invalid_coordinates',
      ],
      ['a bad start time', tourBody({ startTimes: ['25:00'] }), 'body.startTimes.0:invalid_time'],
      ['a timed item without start times', tourBody({ startTimes: [] }), 'startTimes:start_times_required'],
      ['a start time twice', tourBody({ startTimes: ['09:00', '09:00'] }), 'startTimes:duplicate_start_time'],
      [
        'net-rate terms without net rates',
        tourBody({
          bundleTerms: { kind: 'net_rate' },
          units: [
            { code: 'adult', priceMinor: 4500, netRateMinor: 3000 },
            { code: 'child', priceMinor: 2500 },
          ],
        }),
        'units.1.netRateMinor:net_rate_required',
      ],
      [
        'a net rate above the price',
        tourBody({
          bundleTerms: { kind: 'net_rate' },
          units: [{ code: 'adult', priceMinor: 4500, netRateMinor: 4501 }],
        }),
        'units.0.netRateMinor:net_rate_above_price',
      ],
      [
        'a commission over 100 %',
        tourBody({ bundleTerms: { kind: 'commission', commissionBps: 10001 } }),
        'body.bundleTerms.commissionBps:invalid_bps',
      ],
      ['an unknown field', { ...tourBody(), colour: 'red' }, 'body'],
      ['an unknown tag', tourBody({ tags: ['spooky'] }), 'body.tags.0:invalid_tag'],
      ['a negative cut-off', tourBody({ cutoffHours: -1 }), 'body.cutoffHours:invalid_cutoff'],
    ];
    it.each(cases)('%s', async (_label, body, field) => {
      const before = await h.rows('SELECT count(*)::int AS n FROM bundling.items');
      const res = await h.call('POST', '/api/catalogue/items', { ...as(a.owner), body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(
        problem(res).fields.some((f) => f.startsWith(field)),
        JSON.stringify(res.body.errors),
      ).toBe(true);
      expect(await h.rows('SELECT count(*)::int AS n FROM bundling.items')).toEqual(before);
    });

    it('an edit that would break the rules is refused too (net-rate terms on units without net rates)', async () => {
      const item = await createItem(h, a);
      const res = await h.call('PATCH', `/api/catalogue/items/${item.id}`, {
        ...as(a.owner),
        body: { bundleTerms: { kind: 'net_rate' } },
      });
      expect(problem(res)).toMatchObject({
        status: 400,
        fields: ['units.0.netRateMinor:net_rate_required', 'units.1.netRateMinor:net_rate_required'],
      });
      expect((await h.call('GET', `/api/catalogue/items/${item.id}`, as(a.owner))).body.bundleTerms).toBeNull();
    });

    it('net rates are kept under net-rate terms only', async () => {
      const item = await createItem(
        h,
        a,
        tourBody({
          bundleTerms: { kind: 'net_rate' },
          units: [{ code: 'adult', priceMinor: 4500, netRateMinor: 4500 }],
        }),
      );
      expect(item.units).toEqual([{ code: 'adult', priceMinor: 4500, netRateMinor: 4500 }]);
      const res = await h.call('PATCH', `/api/catalogue/items/${item.id}`, {
        ...as(a.owner),
        body: { bundleTerms: null },
      });
      expect(res.body.units).toEqual([{ code: 'adult', priceMinor: 4500, netRateMinor: null }]);
    });

    it('malformed JSON, a bad id and a bad page answer 400 problem+json', async () => {
      const raw = await h.call('POST', '/api/catalogue/items', {
        ...as(a.owner),
        raw: { payload: '{"kind":', contentType: 'application/json' },
      });
      expect(problem(raw)).toMatchObject({ status: 400, code: 'malformed_json' });
      expect((await h.call('GET', '/api/catalogue/items/not-a-uuid', as(a.owner))).status).toBe(400);
      expect((await h.call('GET', '/api/catalogue/items?page=0', as(a.owner))).status).toBe(400);
      expect((await h.call('GET', '/api/catalogue/items?pageSize=1000', as(a.owner))).status).toBe(400);
    });
  });

  it('a manager writes; a viewer reads but may not write (403 partner_role_forbidden)', async () => {
    const manager = await givenMember(h, a, 'manager');
    const viewer = await givenMember(h, a, 'viewer');
    const item = await createItem(h, manager);
    expect((await h.call('GET', `/api/catalogue/items/${item.id}`, as(viewer))).status).toBe(200);
    const res = await h.call('POST', '/api/catalogue/items', { ...as(viewer), body: tourBody() });
    expect(problem(res)).toMatchObject({ status: 403, code: 'partner_role_forbidden' });
  });
});
