import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  book,
  bookingRow,
  eventsFor,
  givenPackage,
  givenTour,
  romeDay,
  slot,
  type EventJson,
  type GivenTour,
} from '../support/booking-fixtures.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { startBundlingHarness, type BundlingHarness } from '../support/harness.ts';

describe('POST /api/packages/:id/book', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let supplier: GivenPartner;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_book', { SWEEPER_INTERVAL_SECONDS: '0' });
    seller = await givenPartner(h, { name: 'Garda Family Travel' });
    supplier = await givenPartner(h, { name: 'Navigazione Lago' });
  });
  afterAll(async () => h?.close());

  /** The seller's hotel (2 nights) + the supplier's ferry bundled at a net rate. */
  async function familyWeekend(date = romeDay(40)) {
    const hotel = await givenTour(h, seller.partnerId, {
      date,
      days: 2,
      capacityModel: 'daily',
      units: [{ code: 'room', priceMinor: 12000 }],
      capacity: 5,
    });
    const ferry = await givenTour(h, supplier.partnerId, {
      date,
      kind: 'transport',
      units: [
        { code: 'adult', priceMinor: 1500, netRateMinor: 1200 },
        { code: 'child', priceMinor: 800, netRateMinor: 600 },
      ],
      bundleTerms: { kind: 'net_rate' },
      capacity: 40,
    });
    const packageId = await givenPackage(h, seller.partnerId, [
      { item: hotel, days: 2 },
      { item: ferry, dayOffset: 1 },
    ]);
    // The ferry goes on the second day: its row for that date.
    const ferryDay2 = await givenTourRow(ferry, date);
    return { hotel, ferry, ferryRow: ferryDay2, packageId, date };
  }

  async function givenTourRow(item: GivenTour, date: string): Promise<string> {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const day2 = next.toISOString().slice(0, 10);
    const [row] = await h.rows<{ id: string }>(
      `INSERT INTO bundling.availability (id, item_id, date, start_time, starts_at, capacity)
       SELECT $1, item_id, $2::date, start_time, starts_at + interval '1 day', capacity FROM bundling.availability WHERE id = $3
       RETURNING id`,
      [randomUUID(), day2, item.availabilityId],
    );
    return row!.id;
  }

  it('holds every line’s units in one go and answers the pending booking with its hold expiry', async () => {
    const trip = await familyWeekend();
    const traveller = await h.user('traveller');
    const res = await book(h, traveller, trip.packageId, { date: trip.date, party: { adult: 2, child: 1 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = res.body;
    expect(view).toMatchObject({
      packageId: trip.packageId,
      status: 'pending_payment',
      sellerPartnerId: seller.partnerId,
    });
    expect(view.packageTitle).toBe('Garda family weekend');
    // 2 nights × 1 room at 120 + the ferry: 2 adults at 15 and a child at 8.
    expect(view.pricePaidMinor).toBe(2 * 12000 + 2 * 1500 + 800);
    expect(view.breakdown.totalMinor).toBe(view.pricePaidMinor);
    expect(Date.parse(view.holdExpiresAt) - Date.parse(view.createdAt)).toBe(15 * 60_000);
    expect(view.refundNow).toEqual({ percent: 0, amountMinor: 0 });

    for (const night of trip.hotel.rows.values()) expect((await slot(h, night)).held).toBe(1);
    expect((await slot(h, trip.ferryRow)).held).toBe(3);
    expect((await slot(h, trip.ferry.availabilityId)).held).toBe(0);
    expect((await bookingRow(h, view.id)).status).toBe('pending_payment');
  });

  it('publishes bundling.booking.held.v1 with per-line, per-partner amounts billing can split', async () => {
    const trip = await familyWeekend(romeDay(41));
    const traveller = await h.user('traveller');
    const view = (
      await book(h, traveller, trip.packageId, { date: trip.date, party: { adult: 2, child: 1 }, lang: 'de' })
    ).body;
    const [event] = await eventsFor(h, 'bundling.booking.held.v1', view.id);
    expect(event!.audience).toEqual([traveller.id]);
    const held = event!.payload;
    expect(held).toMatchObject({
      packageId: trip.packageId,
      userId: traveller.id,
      sellerPartnerId: seller.partnerId,
      currency: 'EUR',
      totalMinor: String(view.pricePaidMinor),
      holdExpiresAt: view.holdExpiresAt.replace(/\.\d+Z$/, (ms: string) => (ms === '.000Z' ? 'Z' : ms)),
      packageTitle: 'Familienwochenende am Gardasee',
    });
    const items = held.items as EventJson[];
    const ferryItems = items.filter((i) => i.partnerId === supplier.partnerId);
    expect(ferryItems.map((i) => [i.quantity, i.unitPriceMinor, i.grossMinor])).toEqual([
      [2, '1500', '3000'],
      [1, '800', '800'],
    ]);
    // The ferry is owed its net rates for the line (2 × 12 + 6), split over the unit types by gross.
    expect(ferryItems.reduce((acc, i) => acc + Number(i.supplierShareMinor), 0)).toBe(2 * 1200 + 600);
    expect(ferryItems.every((i) => i.availabilityId === trip.ferryRow && i.position === 1)).toBe(true);
    const sum = (key: string) => items.reduce((acc, i) => acc + Number(i[key] ?? 0), 0);
    expect(sum('netMinor')).toBe(view.pricePaidMinor);
    expect(sum('grossMinor')).toBe(Number(held.subtotalMinor));
  });

  it('audits the hold once from its event, however often the event is delivered', async () => {
    const tour = await givenTour(h, seller.partnerId, { capacity: 4 });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
    const traveller = await h.user('traveller');
    const view = (await book(h, traveller, packageId, { date: tour.date })).body;
    await h.settle();
    const [envelope] = (await h.published('bundling.booking.held.v1')).filter(
      (e) => (e.payload as EventJson).bookingId === view.id,
    );
    await h.deliver(envelope!, 2);
    const entries = await h.rows<{ actor_id: string; data: EventJson }>(
      "SELECT actor_id, data FROM bundling.audit_log WHERE action = 'booking.held' AND entity_id = $1",
      [view.id],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor_id: traveller.id,
      data: { packageId, totalMinor: 4500, currency: 'EUR' },
    });
  });

  it('refuses a traveller whose e-mail is not verified, holding nothing', async () => {
    const tour = await givenTour(h, seller.partnerId, { capacity: 4 });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
    const token = await h.tokens.sign({ emailVerified: false });
    const res = await h.call('POST', `/api/packages/${packageId}/book`, {
      token,
      body: { date: tour.date, party: { adult: 1 } },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('email_unverified');
    expect(await slot(h, tour.availabilityId)).toMatchObject({ held: 0 });
  });

  it('asks for sign-in, and answers an unknown package 404 and a draft one as not on sale', async () => {
    const tour = await givenTour(h, seller.partnerId);
    const draft = await givenPackage(h, seller.partnerId, [{ item: tour }], { status: 'draft' });
    const anon = await h.call('POST', `/api/packages/${draft}/book`, {
      body: { date: tour.date, party: { adult: 1 } },
    });
    expect(anon.status).toBe(401);
    const traveller = await h.user('traveller');
    expect((await book(h, traveller, randomUUID(), { date: tour.date })).status).toBe(404);
    const res = await book(h, traveller, draft, { date: tour.date });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('package_unavailable');
    expect(await slot(h, tour.availabilityId)).toMatchObject({ held: 0 });
  });

  it('answers sold_out when a line has too few places left, holding nothing on the other lines', async () => {
    const date = romeDay(45);
    const roomy = await givenTour(h, seller.partnerId, { date, capacity: 20 });
    const nearlyFull = await givenTour(h, supplier.partnerId, {
      date,
      capacity: 10,
      sold: 9,
      bundleTerms: { kind: 'commission', commissionBps: 1500 },
    });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: roomy }, { item: nearlyFull }]);
    const res = await book(h, await h.user('traveller'), packageId, { date, party: { adult: 2 } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('sold_out');
    expect(await slot(h, roomy.availabilityId)).toMatchObject({ held: 0 });
    const rows = await h.rows('SELECT 1 FROM bundling.package_bookings WHERE package_id = $1', [packageId]);
    expect(rows).toHaveLength(0);
  });

  it('documents the booking routes in /openapi.json, the Idempotency-Key header included', async () => {
    const doc = (await h.call('GET', '/openapi.json')).body;
    const bookRoute = doc.paths['/api/packages/{id}/book'].post;
    expect(bookRoute.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key');
    for (const path of ['/api/bookings/me', '/api/bookings/{id}', '/api/packages/bookings']) {
      expect(doc.paths[path].get.responses['200']).toBeDefined();
    }
    expect(doc.paths['/api/bookings/{id}/cancel'].post.responses['200']).toBeDefined();
  });

  describe('Idempotency-Key', () => {
    it('answers the same booking for the same key and request, holding once', async () => {
      const tour = await givenTour(h, seller.partnerId, { capacity: 10 });
      const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
      const traveller = await h.user('traveller');
      const key = `checkout-${randomUUID()}`;
      const first = await book(h, traveller, packageId, { date: tour.date, party: { adult: 2 } }, key);
      const again = await book(h, traveller, packageId, { date: tour.date, party: { adult: 2 }, lang: 'it' }, key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      expect(await slot(h, tour.availabilityId)).toMatchObject({ held: 2 });
    });

    it('refuses the key with a different request (409 idempotency_key_reused)', async () => {
      const tour = await givenTour(h, seller.partnerId, { capacity: 10 });
      const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
      const traveller = await h.user('traveller');
      const key = randomUUID();
      expect((await book(h, traveller, packageId, { date: tour.date, party: { adult: 2 } }, key)).status).toBe(201);
      const changed = await book(h, traveller, packageId, { date: tour.date, party: { adult: 3 } }, key);
      expect(changed.status).toBe(409);
      expect(changed.body.code).toBe('idempotency_key_reused');
      expect(await slot(h, tour.availabilityId)).toMatchObject({ held: 2 });
    });

    it('keeps keys per traveller: another traveller’s same key books anew', async () => {
      const tour = await givenTour(h, seller.partnerId, { capacity: 10 });
      const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
      const key = 'same-key';
      const a = await book(h, await h.user('a'), packageId, { date: tour.date }, key);
      const b = await book(h, await h.user('b'), packageId, { date: tour.date }, key);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).not.toBe(b.body.id);
    });

    it('resolves concurrent duplicates to one booking (the unique index decides)', async () => {
      const tour = await givenTour(h, seller.partnerId, { capacity: 10 });
      const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
      const traveller = await h.user('traveller');
      const key = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => book(h, traveller, packageId, { date: tour.date }, key)),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await slot(h, tour.availabilityId)).toMatchObject({ held: 1 });
      expect(await eventsFor(h, 'bundling.booking.held.v1', answers[0]!.body.id)).toHaveLength(1);
    });

    it('refuses a malformed key as a validation problem', async () => {
      const tour = await givenTour(h, seller.partnerId);
      const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
      const res = await book(h, await h.user('t'), packageId, { date: tour.date }, 'x'.repeat(201));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    });
  });
});
