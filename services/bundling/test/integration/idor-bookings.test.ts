import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booked, givenPackage, givenTour, paymentSucceeded, romeDay } from '../support/booking-fixtures.ts';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';

// Who sees which booking: a traveller only their own (anyone else's is 404, as if it did not
// exist); a partner only bookings with its items, and only its lines and its share.

describe('bookings: who sees what', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let supplier: GivenPartner;
  let bystander: GivenPartner;
  let alice: TestUser;
  let bob: TestUser;
  let aliceBooking: { id: string; pricePaidMinor: number };
  let bobBooking: { id: string; pricePaidMinor: number };
  let sellerOnly: { id: string; pricePaidMinor: number };

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_idor_bookings', { SWEEPER_INTERVAL_SECONDS: '0' });
    [seller, supplier, bystander] = await Promise.all([givenPartner(h), givenPartner(h), givenPartner(h)]);
    const date = romeDay(30);
    const tour = await givenTour(h, seller.partnerId, { date, units: [{ code: 'adult', priceMinor: 5000 }] });
    const boat = await givenTour(h, supplier.partnerId, {
      date,
      time: '15:00',
      kind: 'transport',
      units: [{ code: 'adult', priceMinor: 2000, netRateMinor: 1600 }],
      bundleTerms: { kind: 'net_rate' },
    });
    const both = await givenPackage(h, seller.partnerId, [{ item: tour }, { item: boat }]);
    const tourOnly = await givenPackage(h, seller.partnerId, [{ item: tour }]);
    alice = await h.user('alice');
    bob = await h.user('bob');
    aliceBooking = await booked(h, alice, both, { date, party: { adult: 2 } });
    bobBooking = await booked(h, bob, both, { date });
    sellerOnly = await booked(h, bob, tourOnly, { date });
    await h.deliver(paymentSucceeded(aliceBooking, alice.id, 'pi_alice'));
  });
  afterAll(async () => h?.close());

  describe('travellers', () => {
    it('read their own booking, and another traveller’s is 404 (never 403, never its data)', async () => {
      expect((await h.call('GET', `/api/bookings/${aliceBooking.id}`, as(alice))).status).toBe(200);
      const res = await h.call('GET', `/api/bookings/${aliceBooking.id}`, as(bob));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('booking_not_found');
      expect(JSON.stringify(res.body)).not.toContain(alice.id);
      expect((await h.call('GET', `/api/bookings/${randomUUID()}`, as(bob))).status).toBe(404);
    });

    it('cannot cancel another traveller’s booking (404, nothing changes)', async () => {
      const res = await h.call('POST', `/api/bookings/${aliceBooking.id}/cancel`, as(bob));
      expect(res.status).toBe(404);
      expect((await h.call('GET', `/api/bookings/${aliceBooking.id}`, as(alice))).body.status).toBe('confirmed');
    });

    it('list only their own bookings, newest first, filtered by status', async () => {
      const mine = (await h.call('GET', '/api/bookings/me', as(bob))).body;
      expect(mine.total).toBe(2);
      expect(mine.items.map((b: { id: string }) => b.id)).toEqual([sellerOnly.id, bobBooking.id]);
      const confirmed = (await h.call('GET', '/api/bookings/me?status=confirmed', as(alice))).body;
      expect(confirmed.items.map((b: { id: string }) => b.id)).toEqual([aliceBooking.id]);
      expect((await h.call('GET', '/api/bookings/me?status=confirmed', as(bob))).body.total).toBe(0);
    });

    it('need to be signed in', async () => {
      expect((await h.call('GET', '/api/bookings/me')).status).toBe(401);
      expect((await h.call('GET', `/api/bookings/${aliceBooking.id}`)).status).toBe(401);
    });
  });

  describe('partners (GET /api/packages/bookings)', () => {
    const page = async (user: TestUser, query = '') => h.call('GET', `/api/packages/bookings${query}`, as(user));

    it('the supplier sees only bookings with its items, only its lines and what it is owed', async () => {
      const res = await page(supplier.owner);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((b: { id: string }) => b.id).sort();
      expect(ids).toEqual([aliceBooking.id, bobBooking.id].sort());
      const alices = res.body.items.find((b: { id: string }) => b.id === aliceBooking.id);
      expect(alices).toMatchObject({ isSeller: false, shareMinor: 2 * 1600, status: 'confirmed' });
      expect(alices.lines.map((l: { partnerId: string }) => l.partnerId)).toEqual([supplier.partnerId]);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(alice.id);
      expect(text).not.toContain('pi_alice');
    });

    it('the seller sees every booking of its packages with its own lines and its margin', async () => {
      const res = await page(seller.owner);
      const ids = res.body.items.map((b: { id: string }) => b.id).sort();
      expect(ids).toEqual([aliceBooking.id, bobBooking.id, sellerOnly.id].sort());
      const alices = res.body.items.find((b: { id: string }) => b.id === aliceBooking.id);
      // Alice paid 2 × (50 + 20); the boat's partner is owed 2 × 16: the seller keeps the rest.
      expect(alices).toMatchObject({ isSeller: true, shareMinor: 2 * 7000 - 2 * 1600 });
      expect(alices.lines.map((l: { partnerId: string }) => l.partnerId)).toEqual([seller.partnerId]);
      expect(JSON.stringify(res.body)).not.toContain(bob.id);
    });

    it('a partner with no part in a booking sees none; a viewer member reads its partner’s', async () => {
      expect((await page(bystander.owner)).body).toMatchObject({ items: [], total: 0 });
      const viewer = await givenMember(h, supplier, 'viewer');
      expect((await page(viewer)).body.total).toBe(2);
      expect(
        (await page(supplier.owner, '?status=pending_payment')).body.items.map((b: { id: string }) => b.id),
      ).toEqual([bobBooking.id]);
    });

    it('a traveller who is no partner’s member is refused (403 partner_membership_required)', async () => {
      const res = await page(alice);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('partner_membership_required');
    });
  });
});
