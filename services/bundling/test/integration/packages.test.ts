import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, type BundlingHarness, startBundlingHarness } from '../support/harness.ts';
import { partnerEvents } from '../support/partner-events.ts';
import {
  createPackage,
  insertItem,
  openDates,
  packageBody,
  policy,
  romeDay,
  type TestItem,
} from './packages-builders.ts';

describe('packages: create, edit, publish, lists', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let supplier: GivenPartner;
  let unverified: GivenPartner;
  let tour: TestItem;
  let draftTour: TestItem;
  let room: TestItem;
  let bike: TestItem;
  let notBundleable: TestItem;
  let supplierDraft: TestItem;
  let unverifiedItem: TestItem;
  let dollarTour: TestItem;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_packages');
    [seller, supplier, unverified] = await Promise.all([
      givenPartner(h, { name: 'Lago Tours' }),
      givenPartner(h, { name: 'Hotel Malcesine', type: 'hotel' }),
      givenPartner(h, { verified: false }),
    ]);
    tour = await insertItem(h, seller.partnerId);
    draftTour = await insertItem(h, seller.partnerId, { status: 'draft', title: 'Sunset cruise' });
    dollarTour = await insertItem(h, seller.partnerId, { currency: 'USD' });
    room = await insertItem(h, supplier.partnerId, {
      kind: 'service',
      title: 'Lake-view double room',
      capacityModel: 'daily',
      units: [{ code: 'room', priceMinor: 12900, netRateMinor: 10000 }],
      bundleTerms: { kind: 'net_rate' },
    });
    bike = await insertItem(h, supplier.partnerId, {
      kind: 'extra',
      title: 'E-bike rental',
      capacityModel: 'daily',
      units: [{ code: 'unit', priceMinor: 3000 }],
      bundleTerms: { kind: 'commission', commissionBps: 2000 },
    });
    notBundleable = await insertItem(h, supplier.partnerId, { title: 'Private boat' });
    supplierDraft = await insertItem(h, supplier.partnerId, {
      status: 'draft',
      bundleTerms: { kind: 'commission', commissionBps: 1000 },
    });
    unverifiedItem = await insertItem(h, unverified.partnerId, { bundleTerms: { kind: 'net_rate' } });
    // The tour and the room are open for two weeks; the room is cheaper on days 8 and 9.
    await openDates(h, tour, romeDay(5), romeDay(20), { capacity: 10 });
    await openDates(h, room, romeDay(5), romeDay(20), { capacity: 5 });
    await openDates(h, room, romeDay(8), romeDay(9), { capacity: 5, priceOverrides: { room: 11000 } });
  });

  afterAll(async () => {
    await h?.close();
  });

  const counts = async () => {
    const [row] = await h.rows<{ packages: number; items: number; audit: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM bundling.packages) AS packages,
              (SELECT count(*)::int FROM bundling.package_items) AS items,
              (SELECT count(*)::int FROM bundling.audit_log) AS audit,
              (SELECT count(*)::int FROM bundling.event_outbox) AS outbox`,
    );
    return row!;
  };

  it('creates a draft mixing own and bundleable items, priced from the cheapest open date', async () => {
    const res = await h.call('POST', '/api/packages/create', {
      ...as(seller.owner),
      body: packageBody([{ itemId: tour.id }, { itemId: room.id, days: 2 }]),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = res.body;
    expect(view).toMatchObject({
      partnerId: seller.partnerId,
      partnerName: 'Lago Tours',
      partnerVerified: true,
      status: 'draft',
      currency: 'EUR',
      title: 'Garda family weekend',
      durationDays: 2,
      publishedAt: null,
    });
    // 1 adult on the tour (4500) + 2 nights at the day-8 price (2 × 11000).
    expect(view.basePriceMinor).toBe(4500 + 2 * 11000);
    expect(view.lines).toEqual([
      expect.objectContaining({ position: 0, itemId: tour.id, partnerId: seller.partnerId, bundled: false, qty: 1 }),
      expect.objectContaining({
        position: 1,
        itemId: room.id,
        partnerId: supplier.partnerId,
        partnerName: 'Hotel Malcesine',
        partnerVerified: true,
        bundled: true,
        days: 2,
        capacityModel: 'daily',
        title: 'Lake-view double room',
      }),
    ]);
    const index = await h.rows('SELECT item_id, item_partner_id FROM bundling.package_items WHERE package_id = $1', [
      view.id,
    ]);
    expect(index).toHaveLength(2);
    expect(index).toEqual(expect.arrayContaining([{ item_id: room.id, item_partner_id: supplier.partnerId }]));
    // The title in another language, and the first language as the fallback.
    const de = await h.call('GET', `/api/packages/${view.id}?lang=de`, as(seller.owner));
    expect(de.body.title).toBe('Familienwochenende am Gardasee');
    const fr = await h.call('GET', `/api/packages/${view.id}?lang=fr`, as(seller.owner));
    expect(fr.body).toMatchObject({ title: 'Garda family weekend', language: 'en' });
  });

  it('prices at the list prices when no date is open, and accepts POST /api/packages too', async () => {
    const view = await createPackage(h, seller, packageBody([{ itemId: draftTour.id }, { itemId: bike.id, qty: 2 }]));
    expect(view.basePriceMinor).toBe(4500 + 2 * 3000);
  });

  it('refuses each bad package with its code and writes nothing', async () => {
    const before = await counts();
    const cases: { body: Record<string, unknown>; status: number; code: string; errorCode?: string }[] = [
      { body: packageBody([{ itemId: randomUUID() }]), status: 422, code: 'item_not_found' },
      {
        body: packageBody([{ itemId: tour.id }, { itemId: notBundleable.id }]),
        status: 422,
        code: 'item_not_bundleable',
      },
      // Another partner's draft, or a verified-less partner's item, is not revealed.
      { body: packageBody([{ itemId: supplierDraft.id }]), status: 422, code: 'item_not_found' },
      { body: packageBody([{ itemId: unverifiedItem.id }]), status: 422, code: 'item_not_found' },
      { body: packageBody([{ itemId: tour.id }, { itemId: dollarTour.id }]), status: 422, code: 'currency_mismatch' },
      { body: packageBody([{ itemId: tour.id, days: 2 }]), status: 422, code: 'days_need_daily_item' },
      {
        body: packageBody([{ itemId: tour.id, qty: 0 }]),
        status: 400,
        code: 'validation_failed',
        errorCode: 'invalid_quantity',
      },
      {
        body: packageBody([{ itemId: tour.id, qty: -2 }]),
        status: 400,
        code: 'validation_failed',
        errorCode: 'invalid_quantity',
      },
      { body: packageBody([{ itemId: tour.id, dayOffset: 61 }]), status: 400, code: 'validation_failed' },
      { body: packageBody([]), status: 400, code: 'validation_failed', errorCode: 'items_required' },
      {
        // The seller keeps 4500 + 2 × (11000 − 10000) = 6500 at the from-price: 6600 off would eat the hotel's net rate.
        body: packageBody([{ itemId: tour.id }, { itemId: room.id, days: 2 }], {
          discountRules: [{ id: 'big', type: 'fixed', amountMinor: 6600 }],
        }),
        status: 422,
        code: 'discount_exceeds_margin',
      },
      {
        body: packageBody([{ itemId: tour.id }, { itemId: room.id, days: 2 }], {
          discountRules: [{ id: 'all', type: 'percentage', bps: 10_000 }],
        }),
        status: 422,
        code: 'discount_exceeds_margin',
      },
      {
        body: packageBody([{ itemId: tour.id }], {
          discountRules: [{ id: 'neg', type: 'fixed', amountMinor: -100 }],
        }),
        status: 400,
        code: 'validation_failed',
      },
      {
        body: packageBody([{ itemId: tour.id }], {
          policy: {
            tiers: [
              { hoursBefore: 48, refundPercent: 50 },
              { hoursBefore: 168, refundPercent: 100 },
            ],
          },
        }),
        status: 400,
        code: 'validation_failed',
        errorCode: 'policy_tiers_unordered',
      },
      {
        body: packageBody([{ itemId: tour.id }], { policy: { tiers: [{ hoursBefore: 24, refundPercent: 120 }] } }),
        status: 400,
        code: 'validation_failed',
        errorCode: 'invalid_percent',
      },
      {
        body: packageBody([{ itemId: tour.id }], { availableFrom: romeDay(30), availableTo: romeDay(10) }),
        status: 400,
        code: 'validation_failed',
        errorCode: 'invalid_date_range',
      },
      {
        body: packageBody([{ itemId: tour.id }], {
          discountRules: [
            { id: 'same', type: 'fixed', amountMinor: 100 },
            { id: 'same', type: 'fixed', amountMinor: 200 },
          ],
        }),
        status: 400,
        code: 'validation_failed',
        errorCode: 'duplicate_rule',
      },
    ];
    for (const c of cases) {
      const res = await h.call('POST', '/api/packages', { ...as(seller.owner), body: c.body });
      expect(res.status, `${c.code}: ${JSON.stringify(res.body)}`).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe(c.code);
      if (c.errorCode) expect(res.body.errors.map((e: { code: string }) => e.code)).toContain(c.errorCode);
    }
    // The line is named for the portal.
    const named = await h.call('POST', '/api/packages', {
      ...as(seller.owner),
      body: packageBody([{ itemId: tour.id }, { itemId: notBundleable.id }]),
    });
    expect(named.body.errors).toEqual([expect.objectContaining({ path: 'lines.1', code: 'item_not_bundleable' })]);
    expect(await counts()).toEqual(before);
  });

  it("answers create, edit and status changes in the language asked for, as the builder's cache keeps them", async () => {
    const created = await h.call('POST', '/api/packages?lang=it', {
      ...as(seller.owner),
      body: packageBody([{ itemId: tour.id }]),
    });
    expect(created.status).toBe(201);
    expect(created.body.lines.map((l: { title: string }) => l.title)).toEqual(['Passeggiata guidata sopra Riva (it)']);
    const edited = await h.call('PATCH', `/api/packages/${created.body.id}?lang=it`, {
      ...as(seller.owner),
      body: { tags: ['family'] },
    });
    expect(edited.body.lines[0].title).toBe('Passeggiata guidata sopra Riva (it)');
    const published = await h.call('POST', `/api/packages/${created.body.id}/publish?lang=it`, as(seller.owner));
    expect(published.body.lines[0].title).toBe('Passeggiata guidata sopra Riva (it)');
    // Without a language: the item's own first language.
    const plain = await h.call('POST', `/api/packages/${created.body.id}/pause`, as(seller.owner));
    expect(plain.body.lines[0].title).toBe('Guided walk above Riva');
  });

  it('accepts a discount the seller can fund', async () => {
    const view = await createPackage(
      h,
      seller,
      packageBody([{ itemId: tour.id }, { itemId: room.id, days: 2 }], {
        discountRules: [{ id: 'bundle', type: 'fixed', amountMinor: 6500 }],
      }),
    );
    expect(view.basePriceMinor).toBe(4500 + 2 * 11000 - 6500);
  });

  it('lets owners and managers write, viewers only read, non-members neither', async () => {
    const manager = await givenMember(h, seller, 'manager');
    const viewer = await givenMember(h, seller, 'viewer');
    const stranger = await h.user('traveller');
    const body = packageBody([{ itemId: tour.id }]);
    expect((await h.call('POST', '/api/packages', { ...as(manager), body })).status).toBe(201);
    const byViewer = await h.call('POST', '/api/packages', { ...as(viewer), body });
    expect([byViewer.status, byViewer.body.code]).toEqual([403, 'partner_role_forbidden']);
    const byStranger = await h.call('POST', '/api/packages', { ...as(stranger), body });
    expect([byStranger.status, byStranger.body.code]).toEqual([403, 'partner_membership_required']);
    const anonymous = await h.call('POST', '/api/packages', { body });
    expect(anonymous.status).toBe(401);
    const mine = await h.call('GET', '/api/packages/mine', as(viewer));
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((p: { partnerId: string }) => p.partnerId === seller.partnerId)).toBe(true);
  });

  it('edits: version +1 each time, lines and their index replaced, from-price recomputed', async () => {
    const created = await createPackage(h, seller, packageBody([{ itemId: tour.id }, { itemId: room.id, days: 2 }]));
    expect(created.basePriceMinor).toBe(26_500);
    const res = await h.call('PATCH', `/api/packages/${created.id}`, {
      ...as(seller.owner),
      body: {
        lines: [{ itemId: tour.id, qty: 2 }],
        translations: { it: { title: 'Weekend sul Garda', description: '' } },
        tags: ['family', 'lake', 'family'],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ basePriceMinor: 9000, title: 'Weekend sul Garda', tags: ['family', 'lake'] });
    expect(Object.keys(res.body.translations)).toEqual(['it']);
    const [row] = await h.rows<{ version: number }>('SELECT version FROM bundling.packages WHERE id = $1', [
      created.id,
    ]);
    expect(row!.version).toBe(2);
    const index = await h.rows('SELECT item_id FROM bundling.package_items WHERE package_id = $1', [created.id]);
    expect(index).toEqual([{ item_id: tour.id }]);
    await h.call('PATCH', `/api/packages/${created.id}`, { ...as(seller.owner), body: { tags: [] } });
    const [again] = await h.rows<{ version: number }>('SELECT version FROM bundling.packages WHERE id = $1', [
      created.id,
    ]);
    expect(again!.version).toBe(3);
    // A bad edit changes nothing.
    const bad = await h.call('PATCH', `/api/packages/${created.id}`, {
      ...as(seller.owner),
      body: { lines: [{ itemId: notBundleable.id, qty: 1 }] },
    });
    expect(bad.body.code).toBe('item_not_bundleable');
    const [after] = await h.rows<{ version: number }>('SELECT version FROM bundling.packages WHERE id = $1', [
      created.id,
    ]);
    expect(after!.version).toBe(3);
  });

  it('publishes through the status machine, with the event and the audit entry in the same transaction', async () => {
    const created = await createPackage(h, seller, packageBody([{ itemId: tour.id }, { itemId: room.id, days: 2 }]));
    const url = (action: string) => `/api/packages/${created.id}/${action}`;
    const pauseDraft = await h.call('POST', url('pause'), as(seller.owner));
    expect([pauseDraft.status, pauseDraft.body.code]).toEqual([409, 'invalid_status_transition']);

    const published = await h.call('POST', url('publish'), as(seller.owner));
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).not.toBeNull();
    const events = (await h.published('bundling.package.published.v1')).filter(
      (e) => (e.payload as { packageId: string }).packageId === created.id,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      packageId: created.id,
      partnerId: seller.partnerId,
      currency: 'EUR',
      basePriceMinor: '26500',
    });
    expect((events[0]!.payload as { itemPartnerIds: string[] }).itemPartnerIds.sort()).toEqual(
      [seller.partnerId, supplier.partnerId].sort(),
    );
    const audit = await h.rows<{ action: string }>(
      `SELECT action FROM bundling.audit_log WHERE entity_type = 'package' AND entity_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['package.created', 'package.published']);

    expect((await h.call('POST', url('pause'), as(seller.owner))).body.status).toBe('paused');
    expect((await h.call('POST', url('pause'), as(seller.owner))).body.code).toBe('invalid_status_transition');
    expect((await h.call('POST', url('publish'), as(seller.owner))).body.status).toBe('published');
    expect((await h.call('POST', url('archive'), as(seller.owner))).body.status).toBe('archived');
    const republish = await h.call('POST', url('publish'), as(seller.owner));
    expect([republish.status, republish.body.code]).toEqual([409, 'invalid_status_transition']);
    const edit = await h.call('PATCH', `/api/packages/${created.id}`, { ...as(seller.owner), body: { tags: [] } });
    expect([edit.status, edit.body.code]).toEqual([409, 'package_archived']);
  });

  it('publishes only with every line on sale, naming the lines that are not', async () => {
    const created = await createPackage(h, seller, packageBody([{ itemId: tour.id }, { itemId: draftTour.id }]));
    const before = await counts();
    const res = await h.call('POST', `/api/packages/${created.id}/publish`, as(seller.owner));
    expect([res.status, res.body.code]).toEqual([409, 'package_item_unavailable']);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'lines.1', code: 'package_item_unavailable' })]);
    expect(await counts()).toEqual(before);
  });

  it('refuses to publish for a partner that is not verified', async () => {
    const own = await insertItem(h, unverified.partnerId);
    const created = await createPackage(h, unverified, packageBody([{ itemId: own.id }]));
    const res = await h.call('POST', `/api/packages/${created.id}/publish`, as(unverified.owner));
    expect([res.status, res.body.code]).toEqual([409, 'partner_not_verified']);
    const viewerRes = await h.call(
      'POST',
      `/api/packages/${created.id}/publish`,
      as(await givenMember(h, unverified, 'viewer')),
    );
    expect([viewerRes.status, viewerRes.body.code]).toEqual([403, 'partner_role_forbidden']);
  });

  it("lists published packages of verified partners publicly, newest first, and a partner's own", async () => {
    const other = await givenPartner(h);
    const otherTour = await insertItem(h, other.partnerId);
    const first = await createPackage(h, other, packageBody([{ itemId: otherTour.id }]));
    const second = await createPackage(h, other, packageBody([{ itemId: otherTour.id }]));
    const draft = await createPackage(h, other, packageBody([{ itemId: otherTour.id }]));
    for (const p of [first, second]) {
      expect((await h.call('POST', `/api/packages/${p.id}/publish`, as(other.owner))).status).toBe(200);
    }
    const publicList = await h.call('GET', `/api/partners/${other.partnerId}/packages?lang=it`);
    expect(publicList.status).toBe(200);
    expect(publicList.body.items.map((p: { id: string }) => p.id)).toEqual([second.id, first.id]);
    expect(publicList.body.total).toBe(2);
    const all = await h.call('GET', '/api/packages?pageSize=100');
    const ids = all.body.items.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(ids).not.toContain(draft.id);
    expect(all.body.items.every((p: { status: string }) => p.status === 'published')).toBe(true);

    const drafts = await h.call('GET', '/api/packages/mine?status=draft', as(other.owner));
    expect(drafts.body.items.map((p: { id: string }) => p.id)).toEqual([draft.id]);

    // A partner that loses its badge leaves the public lists (its packages are not sold).
    await other.emit(partnerEvents.suspended);
    const afterSuspension = await h.call('GET', `/api/partners/${other.partnerId}/packages`);
    expect(afterSuspension.body).toMatchObject({ items: [], total: 0 });
  });

  it('keeps the sale window and rules as sent', async () => {
    const view = await createPackage(
      h,
      seller,
      packageBody([{ itemId: tour.id }], {
        availableFrom: romeDay(3),
        availableTo: romeDay(90),
        discountRules: [
          { id: 'early', type: 'percentage', bps: 1000, conditions: { minDaysBefore: 30 } },
          { id: 'family', type: 'fixed', amountMinor: 500, conditions: { minAdults: 2, minChildren: 1 } },
        ],
        policy,
      }),
    );
    expect(view).toMatchObject({ availableFrom: romeDay(3), availableTo: romeDay(90), policy });
    expect(view.discountRules.map((r: { id: string }) => r.id)).toEqual(['early', 'family']);
    // Date- and party-bound rules stay out of the from-price.
    expect(view.basePriceMinor).toBe(4500);
  });

  it('a PATCH with only translations keeps rules, tags, policy, sale window and lines', async () => {
    const rules = [
      { id: 'early', type: 'percentage', bps: 1000, conditions: { minDaysBefore: 30 } },
      { id: 'bundle', type: 'fixed', amountMinor: 500, conditions: {} },
    ];
    const lenient = { tiers: [{ hoursBefore: 24, refundPercent: 100 }] };
    const created = await createPackage(
      h,
      seller,
      packageBody([{ itemId: tour.id }, { itemId: room.id, days: 2 }], {
        availableFrom: romeDay(3),
        availableTo: romeDay(90),
        discountRules: rules,
        tags: ['family', 'lake'],
        policy: lenient,
      }),
    );
    const res = await h.call('PATCH', `/api/packages/${created.id}`, {
      ...as(seller.owner),
      body: { translations: { en: { title: 'Garda weekend for families' } } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Garda weekend for families',
      discountRules: rules,
      tags: ['family', 'lake'],
      policy: lenient,
      availableFrom: romeDay(3),
      availableTo: romeDay(90),
      basePriceMinor: created.basePriceMinor,
    });
    expect(res.body.lines).toEqual(created.lines);
    expect(Object.keys(res.body.translations)).toEqual(['en']);
    const index = await h.rows<{ item_id: string }>(
      'SELECT item_id FROM bundling.package_items WHERE package_id = $1 ORDER BY item_id',
      [created.id],
    );
    expect(index.map((r) => r.item_id)).toEqual([tour.id, room.id].sort());
    // Clearing the sale window is still possible by sending null.
    const cleared = await h.call('PATCH', `/api/packages/${created.id}`, {
      ...as(seller.owner),
      body: { availableFrom: null, availableTo: null },
    });
    expect(cleared.body).toMatchObject({ availableFrom: null, availableTo: null, tags: ['family', 'lake'] });
    expect(cleared.body.discountRules).toEqual(rules);
  });
});
