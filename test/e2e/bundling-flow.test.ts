import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { as, call, signIn, signUp, type TestUser } from './support/api-client.ts';
import { verifiedPartner } from './support/partners.ts';
import { ADMIN, startPlatform, type Platform } from './support/platform.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const START = day(30);
const GARDA = { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.8856, longitude: 10.8406 };

/**
 * A multi-partner package end to end through the gateway, on real PostgreSQL and NATS
 * JetStream: a hotel sells rooms to other partners at a net rate; an agency bundles one with
 * its own tour, publishes the package; a traveller quotes and books it (units held in both
 * partners' calendars), each partner sees only its share, and cancelling releases the units.
 */
describe('a traveller books a package mixing two partners’ items', () => {
  let p: Platform;
  let admin: TestUser;
  let hotel: { owner: TestUser; partnerId: string };
  let agency: { owner: TestUser; partnerId: string };
  let traveller: TestUser;
  let roomId: string;
  let tourId: string;
  let packageId: string;
  let bookingId: string;

  const remaining = async (owner: TestUser, itemId: string, date: string) => {
    const res = await call(
      p.base,
      'GET',
      `/api/catalogue/items/${itemId}/availability?from=${date}&to=${date}`,
      as(owner),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.slots.reduce((sum: number, s: { remaining: number }) => sum + s.remaining, 0);
  };

  /** bundling learns of the approval by event; publishing waits for it as the portal would retry. */
  const publish = (owner: TestUser, path: string) =>
    waitFor(
      () => call(p.base, 'POST', path, as(owner)),
      (res) => res.status === 200,
      15_000,
    );

  beforeAll(async () => {
    p = await startPlatform('e2e_bundling');
    admin = await signIn(p.base, ADMIN.email, ADMIN.password);
    hotel = await verifiedPartner(p.base, admin, 'hotel', 'Albergo Sole');
    agency = await verifiedPartner(p.base, admin, 'agency', 'Lago Avventure');
    traveller = await signUp(p.base, 'traveller');
  }, 120_000);
  afterAll(() => p?.close());

  it('the hotel lists a bundleable room with a net rate and a calendar', async () => {
    const created = await waitFor(
      () =>
        call(p.base, 'POST', '/api/catalogue/items', {
          ...as(hotel.owner),
          body: {
            kind: 'service',
            translations: { it: { title: 'Camera doppia', description: 'Vista lago' } },
            destination: GARDA,
            durationMinutes: 1440,
            tags: ['couple'],
            currency: 'EUR',
            units: [{ code: 'room', priceMinor: 12000, netRateMinor: 10000 }],
            capacityModel: 'daily',
            cutoffHours: 24,
            bundleTerms: { kind: 'net_rate' },
          },
        }),
      (res) => res.status !== 403,
      15_000,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    roomId = created.body.id;
    const calendar = await call(p.base, 'PUT', `/api/catalogue/items/${roomId}/availability`, {
      ...as(hotel.owner),
      body: { from: day(1), to: day(60), capacity: 2 },
    });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
    expect((await publish(hotel.owner, `/api/catalogue/items/${roomId}/publish`)).body.status).toBe('published');
    expect(await remaining(hotel.owner, roomId, START)).toBe(2);
  });

  it('the agency bundles the room with its own tour and publishes the package', async () => {
    const tour = await waitFor(
      () =>
        call(p.base, 'POST', '/api/catalogue/items', {
          ...as(agency.owner),
          body: {
            kind: 'tour',
            translations: { en: { title: 'Sunset kayak tour', description: 'Two hours on the lake' } },
            destination: GARDA,
            durationMinutes: 120,
            tags: ['adventure'],
            currency: 'EUR',
            units: [
              { code: 'adult', priceMinor: 4500 },
              { code: 'child', priceMinor: 2500 },
            ],
            capacityModel: 'slots',
            cutoffHours: 2,
            startTimes: ['18:00'],
          },
        }),
      (res) => res.status !== 403,
      15_000,
    );
    expect(tour.status, JSON.stringify(tour.body)).toBe(201);
    tourId = tour.body.id;
    const calendar = await call(p.base, 'PUT', `/api/catalogue/items/${tourId}/availability`, {
      ...as(agency.owner),
      body: { from: day(1), to: day(60), capacity: 10 },
    });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
    await publish(agency.owner, `/api/catalogue/items/${tourId}/publish`);

    const bundleable = await call(p.base, 'GET', '/api/catalogue/bundleable', as(agency.owner));
    expect(bundleable.body.items.map((i: { id: string }) => i.id)).toContain(roomId);

    const created = await call(p.base, 'POST', '/api/packages', {
      ...as(agency.owner),
      body: {
        translations: { en: { title: 'Lake weekend', description: 'A night by the lake and a kayak at sunset' } },
        lines: [
          { itemId: roomId, qty: 1, dayOffset: 0, days: 1 },
          { itemId: tourId, qty: 1, dayOffset: 0 },
        ],
        discountRules: [{ id: 'bundle', type: 'percentage', bps: 1000, conditions: { minDistinctItems: 2 } }],
        policy: {
          tiers: [
            { hoursBefore: 168, refundPercent: 100 },
            { hoursBefore: 48, refundPercent: 50 },
          ],
        },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    packageId = created.body.id;
    expect(created.body.lines.map((l: { partnerId: string; bundled: boolean }) => [l.partnerId, l.bundled])).toEqual([
      [hotel.partnerId, true],
      [agency.partnerId, false],
    ]);
    const published = await call(p.base, 'POST', `/api/packages/${packageId}/publish`, as(agency.owner));
    expect(published.body.status, JSON.stringify(published.body)).toBe('published');
  });

  it('a traveller gets a breakdown that sums exactly, per item and per partner', async () => {
    const quote = await call(p.base, 'POST', `/api/packages/${packageId}/quote`, {
      ...as(traveller),
      body: { date: START, party: { adult: 2, child: 1 } },
    });
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    const b = quote.body.breakdown;
    // Room 120.00 + kayak 2 × 45.00 + 25.00 = 235.00; 10 % off = 23.50 → 211.50.
    expect(b.subtotalMinor).toBe(23_500);
    expect(b.bundleDiscountMinor).toBe(2_350);
    expect(b.totalMinor).toBe(21_150);
    expect(b.lines.reduce((s: number, l: { netMinor: number }) => s + l.netMinor, 0)).toBe(b.totalMinor);
    const hotelShare = b.partners.find((x: { partnerId: string }) => x.partnerId === hotel.partnerId);
    // The hotel is owed its net rate whatever discount the agency gives.
    expect(hotelShare.payableMinor).toBe(10_000);
    expect(b.partners.reduce((s: number, x: { payableMinor: number }) => s + x.payableMinor, 0)).toBe(b.totalMinor);
  });

  it('booking holds the units in both partners’ calendars; each partner sees only its share', async () => {
    const booked = await call(p.base, 'POST', `/api/packages/${packageId}/book`, {
      ...as(traveller),
      body: { date: START, party: { adult: 2, child: 1 } },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    bookingId = booked.body.id;
    expect(booked.body.status).toBe('pending_payment');
    expect(new Date(booked.body.holdExpiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await remaining(hotel.owner, roomId, START)).toBe(1);
    expect(await remaining(agency.owner, tourId, START)).toBe(7);

    const hotelView = await call(p.base, 'GET', '/api/packages/bookings', as(hotel.owner));
    expect(hotelView.status, JSON.stringify(hotelView.body)).toBe(200);
    const seen = hotelView.body.items.find((x: { id: string }) => x.id === bookingId);
    expect(seen.shareMinor).toBe(10_000);
    expect(seen.lines.map((l: { itemId: string }) => l.itemId)).toEqual([roomId]);

    const others = await call(p.base, 'GET', `/api/bookings/${bookingId}`, as(hotel.owner));
    expect(others.status).toBe(404);
  });

  it('cancelling releases the held units', async () => {
    const cancelled = await call(p.base, 'POST', `/api/bookings/${bookingId}/cancel`, as(traveller));
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await remaining(hotel.owner, roomId, START)).toBe(2);
    expect(await remaining(agency.owner, tourId, START)).toBe(10);
  });
});
