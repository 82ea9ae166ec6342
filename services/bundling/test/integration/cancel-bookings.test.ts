import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredBookings } from '../../src/domain/sweeper.ts';
import {
  booked,
  eventsFor,
  expireHold,
  givenPackage,
  givenTour,
  instanceContext,
  moveStart,
  paymentSucceeded,
  romeDay,
  slot,
  type EventJson,
} from '../support/booking-fixtures.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';

// POST /api/bookings/:id/cancel by the traveller, under the package's policy (100 % until 7 days
// before the first start, 50 % until 48 h, nothing after).

const HOUR = 3_600_000;

describe('cancelling a booking', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let supplier: GivenPartner;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_cancel', { SWEEPER_INTERVAL_SECONDS: '0' });
    seller = await givenPartner(h);
    supplier = await givenPartner(h);
  });
  afterAll(async () => h?.close());

  /** The seller's tour (45.00) and the supplier's boat (20.01, commission 10 %) on one day. */
  async function trip() {
    const date = romeDay(30);
    const tour = await givenTour(h, seller.partnerId, { date, capacity: 10 });
    const boat = await givenTour(h, supplier.partnerId, {
      date,
      time: '14:00',
      capacity: 10,
      kind: 'transport',
      units: [{ code: 'adult', priceMinor: 2001 }],
      bundleTerms: { kind: 'commission', commissionBps: 1000 },
    });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }, { item: boat }]);
    return { date, tour, boat, packageId };
  }

  async function confirmedBooking(traveller: TestUser) {
    const t = await trip();
    const booking = await booked(h, traveller, t.packageId, { date: t.date });
    await h.deliver(paymentSucceeded(booking, traveller.id, `pi_${booking.id.slice(0, 8)}`));
    return { ...t, booking };
  }

  /** Both rows start `hoursAhead` from now (the first start decides the tier). */
  async function startsIn(t: Awaited<ReturnType<typeof trip>>, hoursAhead: number) {
    const at = new Date(Date.now() + hoursAhead * HOUR);
    await moveStart(h, t.tour.availabilityId, at);
    await moveStart(h, t.boat.availabilityId, new Date(at.getTime() + 5 * HOUR));
  }

  const cancel = (traveller: TestUser, id: string) => h.call('POST', `/api/bookings/${id}/cancel`, as(traveller));
  const cancelledEvent = async (id: string): Promise<EventJson> =>
    (await eventsFor(h, 'bundling.booking.cancelled.v1', id))[0]!.payload;

  it('cancels a pending booking: its held units back on sale, nothing to refund', async () => {
    const t = await trip();
    const traveller = await h.user('traveller');
    const booking = await booked(h, traveller, t.packageId, { date: t.date, party: { adult: 2 } });
    const res = await cancel(traveller, booking.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', refundMinor: 0, cancelReason: 'traveller_requested' });
    expect(res.body.cancelledAt).toEqual(expect.any(String));
    expect(await slot(h, t.tour.availabilityId)).toMatchObject({ held: 0, sold: 0 });
    expect(await slot(h, t.boat.availabilityId)).toMatchObject({ held: 0, sold: 0 });
    expect(await cancelledEvent(booking.id)).toMatchObject({
      reason: 'traveller_requested',
      refundMinor: '0',
      totalMinor: '0',
      cancelledByUserId: traveller.id,
    });
  });

  it('refunds everything more than 7 days before the start, split per partner and line', async () => {
    const traveller = await h.user('traveller');
    const t = await confirmedBooking(traveller);
    const total = t.booking.pricePaidMinor;
    expect(total).toBe(4500 + 2001);
    const before = (await h.call('GET', `/api/bookings/${t.booking.id}`, as(traveller))).body;
    expect(before.refundNow).toEqual({ percent: 100, amountMinor: total });

    const res = await cancel(traveller, t.booking.id);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      refundMinor: total,
      refundNow: { percent: 0, amountMinor: 0 },
    });
    expect(await slot(h, t.tour.availabilityId)).toMatchObject({ held: 0, sold: 0 });
    const event = await cancelledEvent(t.booking.id);
    expect(event).toMatchObject({ refundBps: 10000, refundMinor: String(total), totalMinor: String(total) });
    expect(event.paymentIntentId).toMatch(/^pi_/);
    const byPartner = Object.fromEntries(
      (event.refunds as EventJson[]).map((r) => [r.partnerId, Number(r.refundMinor)]),
    );
    // The boat's 20.01 splits as owed: 18.01 to its partner, the seller's 10 % commission (2.00) to the seller.
    expect(byPartner).toEqual({ [seller.partnerId]: 4500 + 200, [supplier.partnerId]: 1801 });
    const lineParts = (event.items as EventJson[]).map((i) => [i.itemId, Number(i.refundMinor)]);
    expect(Object.fromEntries(lineParts)).toEqual({ [t.tour.itemId]: 4500, [t.boat.itemId]: 2001 });
  });

  it('refunds half between 7 days and 48 hours before, rounded down, parts summing exactly', async () => {
    const traveller = await h.user('traveller');
    const t = await confirmedBooking(traveller);
    await startsIn(t, 72);
    const view = (await h.call('GET', `/api/bookings/${t.booking.id}`, as(traveller))).body;
    expect(view.refundNow).toEqual({ percent: 50, amountMinor: 3250 });

    const res = await cancel(traveller, t.booking.id);
    expect(res.body.refundMinor).toBe(3250);
    const event = await cancelledEvent(t.booking.id);
    expect(event).toMatchObject({ refundBps: 5000, refundMinor: '3250' });
    // Lines by what was paid: 3250 × 4500/6501 → 2250, × 2001/6501 → 1000. The boat's 1000 by
    // what is owed on it: × 1801/2001 → 900 to its partner, × 200/2001 → 100 to the seller.
    const byPartner = Object.fromEntries(
      (event.refunds as EventJson[]).map((r) => [r.partnerId, Number(r.refundMinor)]),
    );
    expect(byPartner).toEqual({ [seller.partnerId]: 2250 + 100, [supplier.partnerId]: 900 });
    const lineParts = (event.items as EventJson[]).map((i) => [i.itemId, Number(i.refundMinor)]);
    expect(Object.fromEntries(lineParts)).toEqual({ [t.tour.itemId]: 2250, [t.boat.itemId]: 1000 });
  });

  it('refunds nothing within 48 hours, but still puts the units back on sale', async () => {
    const traveller = await h.user('traveller');
    const t = await confirmedBooking(traveller);
    await startsIn(t, 30);
    expect(await slot(h, t.tour.availabilityId)).toMatchObject({ sold: 1 });
    const res = await cancel(traveller, t.booking.id);
    expect(res.body).toMatchObject({ status: 'cancelled', refundMinor: 0 });
    expect(await slot(h, t.tour.availabilityId)).toMatchObject({ held: 0, sold: 0 });
    expect(await cancelledEvent(t.booking.id)).toMatchObject({ refundBps: 0, refundMinor: '0' });
  });

  it('refuses to cancel twice, or an expired booking (409 booking_not_cancellable)', async () => {
    const traveller = await h.user('traveller');
    const t = await trip();
    const once = await booked(h, traveller, t.packageId, { date: t.date });
    expect((await cancel(traveller, once.id)).status).toBe(200);
    const twice = await cancel(traveller, once.id);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('booking_not_cancellable');

    const lapsed = await booked(h, traveller, t.packageId, { date: t.date });
    await expireHold(h, lapsed.id);
    const instance = await instanceContext(h);
    await sweepExpiredBookings(instance.ctx).finally(() => instance.close());
    const res = await cancel(traveller, lapsed.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('booking_not_cancellable');
    expect(await slot(h, t.tour.availabilityId)).toMatchObject({ held: 0, sold: 0 });
    expect(await eventsFor(h, 'bundling.booking.cancelled.v1', once.id)).toHaveLength(1);
  });
});
