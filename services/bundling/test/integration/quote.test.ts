import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceBundle } from '../../src/domain/pricing/index.ts';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, type BundlingHarness, startBundlingHarness } from '../support/harness.ts';
import { partnerEvents } from '../support/partner-events.ts';
import {
  createPackage,
  insertItem,
  openDates,
  packageBody,
  publishedPackage,
  romeDay,
  type TestItem,
} from './packages-builders.ts';

// A multi-partner package: the seller's guided walk, and a hotel room (net rate), a ferry seat
// and an e-bike rental (commissions) of a second partner.
describe('quotes and the availability calendar', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let supplier: GivenPartner;
  let tour: TestItem;
  let room: TestItem;
  let ferry: TestItem;
  let bike: TestItem;
  let pkg: { id: string };
  let tourSlots: Map<string, string>;
  const D = romeDay(10);
  const day = (n: number) => romeDay(10 + n);
  const family = { adult: 2, child: 1, infant: 0, senior: 0 };

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_quotes');
    [seller, supplier] = await Promise.all([
      givenPartner(h, { name: 'Lago Tours' }),
      givenPartner(h, { name: 'Garda Stays & Rides' }),
    ]);
    tour = await insertItem(h, seller.partnerId, {
      title: 'Guided walk above Riva',
      startTimes: ['09:00', '14:00'],
      cutoffHours: 12,
    });
    room = await insertItem(h, supplier.partnerId, {
      kind: 'service',
      title: 'Lake-view double room',
      capacityModel: 'daily',
      units: [{ code: 'room', priceMinor: 12900, netRateMinor: 10000 }],
      bundleTerms: { kind: 'net_rate' },
    });
    ferry = await insertItem(h, supplier.partnerId, {
      kind: 'transport',
      title: 'Ferry Riva–Malcesine',
      startTimes: ['10:00'],
      units: [
        { code: 'adult', priceMinor: 1200 },
        { code: 'child', priceMinor: 600 },
        { code: 'infant', priceMinor: 0 },
      ],
      bundleTerms: { kind: 'commission', commissionBps: 1500 },
    });
    bike = await insertItem(h, supplier.partnerId, {
      kind: 'extra',
      title: 'E-bike rental',
      capacityModel: 'daily',
      units: [{ code: 'unit', priceMinor: 3000 }],
      bundleTerms: { kind: 'commission', commissionBps: 2000 },
    });
    tourSlots = await openDates(h, tour, day(0), day(5), { capacity: 10 });
    await openDates(h, room, day(0), day(5), { capacity: 3 });
    await openDates(h, ferry, day(0), day(5), { capacity: 40 });
    await openDates(h, bike, day(0), day(5), { capacity: 6 });
    pkg = await publishedPackage(
      h,
      seller,
      packageBody(
        [
          { itemId: room.id, days: 2 },
          { itemId: ferry.id },
          { itemId: tour.id, dayOffset: 1 },
          { itemId: bike.id, dayOffset: 1, qty: 2 },
        ],
        {
          discountRules: [
            { id: 'bundle', type: 'fixed', amountMinor: 1000 },
            { id: 'family', type: 'percentage', bps: 500, conditions: { minChildren: 1 } },
          ],
        },
      ),
    );
  });

  afterAll(async () => {
    await h?.close();
  });

  const quote = (body: Record<string, unknown>, token?: string) =>
    h.call('POST', `/api/packages/${pkg.id}/quote`, { body, token });
  const heldTotal = async () =>
    (await h.rows<{ held: number }>('SELECT coalesce(sum(held), 0)::int AS held FROM bundling.availability'))[0]!.held;

  it("prices a family's weekend exactly as the engine does, named, summing to the cent, holding nothing", async () => {
    const heldBefore = await heldTotal();
    const slot = tourSlots.get(`${day(1)}|09:00`)!;
    const res = await quote({ date: D, party: family, slots: { '2': slot }, lang: 'it' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { breakdown } = res.body;

    const engine = priceBundle({
      currency: 'EUR',
      sellerPartnerId: seller.partnerId,
      lines: [
        {
          position: 0,
          itemId: room.id,
          itemKind: 'service',
          partnerId: supplier.partnerId,
          units: [{ code: 'room', quantity: 2, unitPriceMinor: 12900 }],
          supplier: { kind: 'net_rate', netRateMinor: 20000 },
        },
        {
          position: 1,
          itemId: ferry.id,
          itemKind: 'transport',
          partnerId: supplier.partnerId,
          units: [
            { code: 'adult', quantity: 2, unitPriceMinor: 1200 },
            { code: 'child', quantity: 1, unitPriceMinor: 600 },
          ],
          supplier: { kind: 'commission', commissionBps: 1500 },
        },
        {
          position: 2,
          itemId: tour.id,
          itemKind: 'tour',
          partnerId: seller.partnerId,
          units: [
            { code: 'adult', quantity: 2, unitPriceMinor: 4500 },
            { code: 'child', quantity: 1, unitPriceMinor: 2500 },
          ],
          supplier: { kind: 'own' },
        },
        {
          position: 3,
          itemId: bike.id,
          itemKind: 'extra',
          partnerId: supplier.partnerId,
          units: [{ code: 'unit', quantity: 2, unitPriceMinor: 3000 }],
          supplier: { kind: 'commission', commissionBps: 2000 },
        },
      ],
      rules: [
        { id: 'bundle', type: 'fixed', amountMinor: 1000, conditions: {} },
        { id: 'family', type: 'percentage', bps: 500, conditions: { minChildren: 1 } },
      ],
      context: { travelDate: D, bookingDate: romeDay(0), party: family },
    });
    expect(breakdown.subtotalMinor).toBe(25_800 + 3000 + 11_500 + 6000);
    expect(breakdown).toMatchObject({
      currency: 'EUR',
      subtotalMinor: engine.subtotalMinor,
      bundleDiscountMinor: engine.bundleDiscountMinor,
      couponDiscountMinor: 0,
      totalMinor: engine.totalMinor,
      appliedRules: engine.appliedRules.map((r) => ({ ...r })),
    });
    expect(
      breakdown.lines.map((l: Record<string, unknown>) => [l.grossMinor, l.netMinor, l.supplierShareMinor]),
    ).toEqual(engine.lines.map((l) => [l.grossMinor, l.netMinor, l.supplierShareMinor]));
    // Exact sums: lines to the total, partners to the total; the supplier gets its terms untouched.
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(breakdown.lines.map((l: { netMinor: number }) => l.netMinor))).toBe(breakdown.totalMinor);
    expect(sum(breakdown.partners.map((p: { payableMinor: number }) => p.payableMinor))).toBe(breakdown.totalMinor);
    const supplierShare = breakdown.partners.find((p: { partnerId: string }) => p.partnerId === supplier.partnerId);
    expect(supplierShare).toMatchObject({
      partnerName: 'Garda Stays & Rides',
      partnerVerified: true,
      payableMinor: 20_000 + (3000 - 450) + (6000 - 1200),
    });
    // Names and dates for the traveller.
    expect(breakdown.lines[0]).toMatchObject({
      title: 'Lake-view double room (it)',
      partnerName: 'Garda Stays & Rides',
      dates: [
        { date: day(0), startTime: null, availabilityId: expect.any(String) },
        { date: day(1), startTime: null, availabilityId: expect.any(String) },
      ],
    });
    expect(breakdown.lines[2].dates).toEqual([{ date: day(1), startTime: '09:00', availabilityId: slot }]);
    expect(res.body).toMatchObject({ packageId: pkg.id, packageVersion: 1, date: D, refundPercentNow: 100 });
    expect(await heldTotal()).toBe(heldBefore);
  });

  it('refuses what cannot be booked, each with its code', async () => {
    const slot = tourSlots.get(`${day(1)}|09:00`)!;
    const otherDaySlot = tourSlots.get(`${day(3)}|09:00`)!;
    const cases: { body: Record<string, unknown>; status: number; code: string; path?: string }[] = [
      { body: { date: D, party: family }, status: 422, code: 'slot_required', path: 'lines.2' },
      { body: { date: D, party: family, slots: { '2': otherDaySlot } }, status: 422, code: 'slot_not_found' },
      {
        body: { date: D, party: { ...family, infant: 1 }, slots: { '2': slot } },
        status: 422,
        code: 'unit_not_offered',
        path: 'lines.2',
      },
      { body: { date: romeDay(-1), party: family }, status: 422, code: 'date_in_past' },
      { body: { date: romeDay(60), party: family }, status: 422, code: 'no_availability', path: 'lines.0' },
      {
        body: { date: D, party: { adult: 11 }, slots: { '2': slot } },
        status: 422,
        code: 'party_too_large',
        path: 'lines.2',
      },
      { body: { date: D, party: { adult: 0, child: 2 } }, status: 400, code: 'validation_failed' },
      { body: { date: '2026-02-30', party: family }, status: 400, code: 'validation_failed' },
      {
        body: { date: D, party: family, slots: { '2': slot }, couponCode: 'SUMMER' },
        status: 422,
        code: 'coupon_not_found',
      },
    ];
    for (const c of cases) {
      const res = await quote(c.body);
      expect(res.status, `${c.code}: ${JSON.stringify(res.body)}`).toBe(c.status);
      expect(res.body.code).toBe(c.code);
      if (c.path) expect(res.body.errors[0].path).toBe(c.path);
    }
  });

  it('says sold out when too few units are left or the day is closed, and past the cut-off', async () => {
    const slot = tourSlots.get(`${day(1)}|09:00`)!;
    await h.rows(`UPDATE bundling.availability SET held = 2, sold = 1 WHERE item_id = $1 AND date = $2`, [room.id, D]);
    const full = await quote({ date: D, party: family, slots: { '2': slot } });
    expect([full.status, full.body.code, full.body.errors[0].path]).toEqual([409, 'sold_out', 'lines.0']);
    await h.rows(`UPDATE bundling.availability SET held = 0, sold = 0 WHERE item_id = $1 AND date = $2`, [room.id, D]);
    await h.rows(`UPDATE bundling.availability SET closed = true WHERE item_id = $1 AND date = $2`, [bike.id, day(1)]);
    const closed = await quote({ date: D, party: family, slots: { '2': slot } });
    expect([closed.status, closed.body.code, closed.body.errors[0].path]).toEqual([409, 'sold_out', 'lines.3']);
    await h.rows(`UPDATE bundling.availability SET closed = false WHERE item_id = $1 AND date = $2`, [bike.id, day(1)]);

    // Tomorrow's walk closes 48 hours before it starts.
    const early = await insertItem(h, seller.partnerId, { cutoffHours: 48 });
    await openDates(h, early, romeDay(1), romeDay(1), { capacity: 10 });
    const late = await publishedPackage(h, seller, packageBody([{ itemId: early.id }]));
    const res = await h.call('POST', `/api/packages/${late.id}/quote`, { body: { date: romeDay(1), party: family } });
    expect([res.status, res.body.code]).toEqual([422, 'past_cutoff']);
  });

  it('keeps to the sale window, and prices a draft only for its own partner (the builder preview)', async () => {
    const windowed = await publishedPackage(
      h,
      seller,
      packageBody([{ itemId: ferry.id }], { availableFrom: day(2), availableTo: day(4) }),
    );
    const before = await h.call('POST', `/api/packages/${windowed.id}/quote`, { body: { date: D, party: family } });
    expect([before.status, before.body.code]).toEqual([422, 'outside_sale_window']);
    const inside = await h.call('POST', `/api/packages/${windowed.id}/quote`, {
      body: { date: day(2), party: family },
    });
    expect(inside.status).toBe(200);

    const draft = await createPackage(h, seller, packageBody([{ itemId: ferry.id }]));
    const anonymous = await h.call('POST', `/api/packages/${draft.id}/quote`, { body: { date: D, party: family } });
    expect([anonymous.status, anonymous.body.code]).toEqual([404, 'package_not_found']);
    const viewer = await givenMember(h, seller, 'viewer');
    const preview = await h.call('POST', `/api/packages/${draft.id}/quote`, {
      ...as(viewer),
      body: { date: D, party: family },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.breakdown.totalMinor).toBe(2 * 1200 + 600);
  });

  it('stops selling a package once a partner in it is no longer verified', async () => {
    const other = await givenPartner(h, { name: 'Soon suspended' });
    const boat = await insertItem(h, other.partnerId, { bundleTerms: { kind: 'commission', commissionBps: 1000 } });
    await openDates(h, boat, day(0), day(0), { capacity: 5 });
    const mixed = await publishedPackage(h, seller, packageBody([{ itemId: ferry.id }, { itemId: boat.id }]));
    const body = { date: D, party: family };
    expect((await h.call('POST', `/api/packages/${mixed.id}/quote`, { body })).status).toBe(200);
    await other.emit(partnerEvents.suspended);
    const res = await h.call('POST', `/api/packages/${mixed.id}/quote`, { body });
    expect([res.status, res.body.code]).toEqual([409, 'package_unavailable']);
  });

  it('answers per start date how many parties still fit: the minimum over the lines and their days', async () => {
    // Day 2: only 4 bikes (2 per party) → starting on day 1, 2 parties fit.
    await h.rows(`UPDATE bundling.availability SET capacity = 4 WHERE item_id = $1 AND date = $2`, [bike.id, day(2)]);
    // Day 3: the 09:00 walk is almost full, 14:00 still has 10 → the better slot counts (3 parties).
    await h.rows(
      `UPDATE bundling.availability SET sold = 8 WHERE item_id = $1 AND date = $2 AND start_time = '09:00'`,
      [tour.id, day(3)],
    );
    // Day 4: both walks closed → starting on day 3 nothing fits.
    await h.rows(`UPDATE bundling.availability SET closed = true WHERE item_id = $1 AND date = $2`, [tour.id, day(4)]);
    const res = await h.call(
      'GET',
      `/api/packages/${pkg.id}/availability?from=${romeDay(9)}&to=${day(5)}&adult=2&child=1`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.days).toEqual([
      { date: romeDay(9), available: 0, bookable: false }, // the room is not on sale that night
      { date: day(0), available: 3, bookable: true }, // room 3, ferry 13, walk 3, bikes 3
      { date: day(1), available: 2, bookable: true },
      { date: day(2), available: 3, bookable: true },
      { date: day(3), available: 0, bookable: false },
      { date: day(4), available: 3, bookable: true },
      { date: day(5), available: 0, bookable: false }, // the second night is beyond the calendar
    ]);
    // Two adults alone: the room still fits 3, bikes 3, walks 5.
    const couple = await h.call('GET', `/api/packages/${pkg.id}/availability?from=${day(0)}&to=${day(0)}`);
    expect(couple.body.days).toEqual([{ date: day(0), available: 3, bookable: true }]);
    // Infants are not priced on the walk: no party of that composition fits.
    const infants = await h.call(
      'GET',
      `/api/packages/${pkg.id}/availability?from=${day(0)}&to=${day(1)}&adult=2&infant=1`,
    );
    expect(infants.body.days.every((d: { bookable: boolean }) => !d.bookable)).toBe(true);
    const reversed = await h.call('GET', `/api/packages/${pkg.id}/availability?from=${day(3)}&to=${day(1)}`);
    expect([reversed.status, reversed.body.code]).toEqual([400, 'validation_failed']);
    const noAdult = await h.call('GET', `/api/packages/${pkg.id}/availability?from=${day(0)}&to=${day(1)}&adult=0`);
    expect([noAdult.status, noAdult.body.code]).toEqual([400, 'validation_failed']);
    await h.rows(`UPDATE bundling.availability SET closed = false WHERE item_id = $1 AND date = $2`, [tour.id, day(4)]);
  });

  it("editing the package's prices gives new quotes a new version and leaves a booking's price alone", async () => {
    const slot = tourSlots.get(`${day(1)}|14:00`)!;
    const body = { date: D, party: family, slots: { '2': slot } };
    const first = await quote(body);
    expect(first.body.packageVersion).toBe(1);
    // A booking made at version 1 stores its breakdown and price (as the bookings' use case does).
    const bookingId = randomUUID();
    await h.rows(
      `INSERT INTO bundling.package_bookings (id, package_id, package_version, seller_partner_id, user_id, start_date,
         party, currency, price_paid, breakdown, policy, hold_expires_at)
       VALUES ($1, $2, 1, $3, $4, $5, $6, 'EUR', $7, $8, $9, now() + interval '15 minutes')`,
      [
        bookingId,
        pkg.id,
        seller.partnerId,
        randomUUID(),
        D,
        JSON.stringify(family),
        first.body.breakdown.totalMinor,
        JSON.stringify(first.body.breakdown),
        JSON.stringify({ tiers: [{ hoursBefore: 0, refundPercent: 0 }] }),
      ],
    );
    const edited = await h.call('PATCH', `/api/packages/${pkg.id}`, {
      ...as(seller.owner),
      body: { discountRules: [{ id: 'bundle', type: 'fixed', amountMinor: 2000 }] },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const second = await quote(body);
    expect(second.body.packageVersion).toBe(2);
    expect(second.body.breakdown.totalMinor).not.toBe(first.body.breakdown.totalMinor);
    expect(second.body.breakdown.appliedRules).toEqual([{ ruleId: 'bundle', amountMinor: 2000 }]);
    const [booking] = await h.rows<{ price_paid: string; package_version: number }>(
      'SELECT price_paid, package_version FROM bundling.package_bookings WHERE id = $1',
      [bookingId],
    );
    expect(booking).toEqual({ price_paid: String(first.body.breakdown.totalMinor), package_version: 1 });
  });
});
