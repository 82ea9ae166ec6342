import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, givenPackage, givenTour, romeDay, slot } from '../support/booking-fixtures.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';

// Many travellers at once through the real service on the real PostgreSQL: the conditional
// updates decide, nothing is ever oversold, and the losers get a clear sold_out.

describe('concurrent bookers', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let supplier: GivenPartner;
  let travellers: TestUser[];

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_concurrency', { SWEEPER_INTERVAL_SECONDS: '0' });
    seller = await givenPartner(h);
    supplier = await givenPartner(h);
    travellers = await Promise.all(Array.from({ length: 50 }, (_, i) => h.user(`traveller${i}`)));
  });
  afterAll(async () => h?.close());

  it('50 bookers on the last 3 places: exactly 3 bookings, 47 sold_out, held = 3, never oversold', async () => {
    const tour = await givenTour(h, seller.partnerId, { capacity: 20, sold: 17 });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }]);
    const answers = await Promise.all(travellers.map((t) => book(h, t, packageId, { date: tour.date })));

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(47);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'sold_out')).toBe(true);
    expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 20, held: 3, sold: 17 });
    const rows = await h.rows<{ n: string }>(
      'SELECT count(*) AS n FROM bundling.package_bookings WHERE package_id = $1',
      [packageId],
    );
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('two packages taking the same two rows in opposite line order: no deadlock, no error, no oversell', async () => {
    const date = romeDay(50);
    const tour = await givenTour(h, seller.partnerId, { date, capacity: 12 });
    const boat = await givenTour(h, supplier.partnerId, {
      date,
      time: '15:00',
      capacity: 12,
      bundleTerms: { kind: 'commission', commissionBps: 1000 },
    });
    const tourFirst = await givenPackage(h, seller.partnerId, [{ item: tour }, { item: boat }]);
    const boatFirst = await givenPackage(h, seller.partnerId, [{ item: boat }, { item: tour }]);
    const answers = await Promise.all(
      travellers.map((t, i) => book(h, t, i % 2 === 0 ? tourFirst : boatFirst, { date, party: { adult: 1 } })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201)).toHaveLength(12);
    expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 12, held: 12, sold: 0 });
    expect(await slot(h, boat.availabilityId)).toEqual({ capacity: 12, held: 12, sold: 0 });
  });
});
