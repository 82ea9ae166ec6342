import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { sweepExpiredBookings } from '../../src/domain/sweeper.ts';
import {
  booked,
  bookingRow,
  eventsFor,
  expireHold,
  givenPackage,
  givenTour,
  instanceContext,
  slot,
} from '../support/booking-fixtures.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { startBundlingHarness, type BundlingHarness } from '../support/harness.ts';

describe('the expiry sweeper', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;

  beforeAll(async () => {
    // The app under test does not sweep on its own: each test says when.
    h = await startBundlingHarness('bundling_sweeper', { SWEEPER_INTERVAL_SECONDS: '0' });
    seller = await givenPartner(h);
  });
  afterAll(async () => h?.close());

  it('expires pending bookings past their hold and puts their units back on sale, leaving the others', async () => {
    const tour = await givenTour(h, seller.partnerId, { capacity: 10 });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
    const traveller = await h.user('traveller');
    const stale = await booked(h, traveller, packageId, { date: tour.date, party: { adult: 2 } });
    const fresh = await booked(h, traveller, packageId, { date: tour.date, party: { adult: 3 } });
    await expireHold(h, stale.id);
    const instance = await instanceContext(h);
    try {
      expect(await sweepExpiredBookings(instance.ctx)).toBe(1);
    } finally {
      await instance.close();
    }
    expect((await bookingRow(h, stale.id)).status).toBe('expired');
    expect((await bookingRow(h, fresh.id)).status).toBe('pending_payment');
    expect(await slot(h, tour.availabilityId)).toMatchObject({ held: 3, sold: 0 });
    const [expired] = await eventsFor(h, 'bundling.booking.expired.v1', stale.id);
    expect(expired!.payload).toMatchObject({ reason: 'hold_expired', userId: traveller.id, packageId });
    expect(expired!.audience).toEqual([traveller.id]);
    await h.deliver(
      (await h.published('bundling.booking.expired.v1')).find(
        (e) => (e.payload as { bookingId: string }).bookingId === stale.id,
      )!,
    );
    const audit = await h.rows("SELECT 1 FROM bundling.audit_log WHERE action = 'booking.expired' AND entity_id = $1", [
      stale.id,
    ]);
    expect(audit).toHaveLength(1);
  });

  it('is safe with several instances: each expired booking is released exactly once', async () => {
    const tour = await givenTour(h, seller.partnerId, { capacity: 200 });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
    const keeper = await h.user('keeper');
    await booked(h, keeper, packageId, { date: tour.date, party: { adult: 5 } });
    const before = await slot(h, tour.availabilityId);
    const ids: string[] = [];
    for (let i = 0; i < 24; i += 1) {
      const b = await booked(h, await h.user(`t${i}`), packageId, { date: tour.date, party: { adult: 2 } });
      ids.push(b.id);
    }
    for (const id of ids) await expireHold(h, id);
    expect((await slot(h, tour.availabilityId)).held).toBe(before.held + 48);

    // Three instances, small batches, all at once on the same expired bookings.
    const instances = await Promise.all([1, 2, 3].map(() => instanceContext(h, { SWEEPER_BATCH_SIZE: 3 })));
    try {
      const counts = await Promise.all(instances.map((i) => sweepExpiredBookings(i.ctx)));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(24);
    } finally {
      await Promise.all(instances.map((i) => i.close()));
    }
    expect(await slot(h, tour.availabilityId)).toEqual(before);
    for (const id of ids) {
      expect((await bookingRow(h, id)).status).toBe('expired');
      expect(await eventsFor(h, 'bundling.booking.expired.v1', id)).toHaveLength(1);
    }
  });

  it('runs on its own in a replica booted with an interval', async () => {
    const tour = await givenTour(h, seller.partnerId, { capacity: 10 });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
    const booking = await booked(h, await h.user('traveller'), packageId, { date: tour.date });
    await expireHold(h, booking.id);
    await h.boot({ ...h.settings, SWEEPER_INTERVAL_SECONDS: 1 });
    await waitFor(
      async () => (await bookingRow(h, booking.id)).status,
      (status) => status === 'expired',
    );
    expect(await slot(h, tour.availabilityId)).toMatchObject({ held: 0 });
  });
});
