import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  holdUnits,
  releaseHeldUnits,
  releaseSoldUnits,
  sellHeldUnits,
  writeAndHold,
} from '../../src/db/holds.repository.ts';
import {
  availabilityOn,
  findLineItems,
  findPackageWithSeller,
  readForBooking,
} from '../../src/db/packages.repository.ts';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { bookingInserts, type BookingRow } from '../../src/db/bookings.repository.ts';
import { bookingHolds, packageBookings } from '../../src/db/schema.ts';
import { givenPackage, givenTour, slot } from '../support/booking-fixtures.ts';
import { givenPartner } from '../support/builders.ts';
import { startBundlingHarness, type BundlingHarness } from '../support/harness.ts';

// The inventory lock itself: conditional updates on availability rows, all or nothing per
// transaction, and the table's CHECKs as the last line of defence.

describe('holding units', () => {
  let h: BundlingHarness;
  let partnerId: string;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_holds', { SWEEPER_INTERVAL_SECONDS: '0' });
    partnerId = (await givenPartner(h)).partnerId;
  });
  afterAll(async () => h?.close());

  const inTx = <T>(work: Parameters<BundlingHarness['database']['db']['transaction']>[0]) =>
    h.database.db.transaction(work) as Promise<T>;

  it('holds what is left and refuses one unit more, naming the row', async () => {
    const tour = await givenTour(h, partnerId, { capacity: 5, sold: 2 });
    const first = await inTx(async (tx) => holdUnits(tx, [{ availabilityId: tour.availabilityId, quantity: 3 }]));
    expect(first).toEqual({ ok: true });
    const second = await inTx(async (tx) => holdUnits(tx, [{ availabilityId: tour.availabilityId, quantity: 1 }]));
    expect(second).toEqual({ ok: false, reason: 'sold_out', availabilityId: tour.availabilityId });
    expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 5, held: 3, sold: 2 });
  });

  it('adds up claims on one row (two lines using the same slot)', async () => {
    const tour = await givenTour(h, partnerId, { capacity: 3 });
    const claims = [
      { availabilityId: tour.availabilityId, quantity: 2 },
      { availabilityId: tour.availabilityId, quantity: 2 },
    ];
    const outcome = await inTx(async (tx) => holdUnits(tx, claims));
    expect(outcome).toMatchObject({ ok: false });
    expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 3, held: 0, sold: 0 });
  });

  it('holds nothing on a closed date', async () => {
    const tour = await givenTour(h, partnerId, { capacity: 10, closed: true });
    const outcome = await inTx(async (tx) => holdUnits(tx, [{ availabilityId: tour.availabilityId, quantity: 1 }]));
    expect(outcome).toMatchObject({ ok: false, availabilityId: tour.availabilityId });
  });

  it('leaves every row untouched when the transaction of a refused hold rolls back', async () => {
    const roomy = await givenTour(h, partnerId, { capacity: 10 });
    const full = await givenTour(h, partnerId, { capacity: 1, sold: 1 });
    await expect(
      inTx(async (tx) => {
        const outcome = await holdUnits(tx, [
          { availabilityId: roomy.availabilityId, quantity: 2 },
          { availabilityId: full.availabilityId, quantity: 1 },
        ]);
        if (!outcome.ok) throw new Error('sold out');
      }),
    ).rejects.toThrow('sold out');
    expect(await slot(h, roomy.availabilityId)).toEqual({ capacity: 10, held: 0, sold: 0 });
    expect(await slot(h, full.availabilityId)).toEqual({ capacity: 1, held: 0, sold: 1 });
  });

  it('sells held units, releases held and sold ones', async () => {
    const tour = await givenTour(h, partnerId, { capacity: 10 });
    const claim = [{ availabilityId: tour.availabilityId, quantity: 4 }];
    await inTx(async (tx) => holdUnits(tx, claim));
    await inTx(async (tx) => sellHeldUnits(tx, claim));
    expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 10, held: 0, sold: 4 });
    await inTx(async (tx) => holdUnits(tx, [{ availabilityId: tour.availabilityId, quantity: 6 }]));
    await inTx(async (tx) => releaseHeldUnits(tx, [{ availabilityId: tour.availabilityId, quantity: 6 }]));
    await inTx(async (tx) => releaseSoldUnits(tx, claim));
    expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 10, held: 0, sold: 0 });
  });

  it('is backed by the table: PostgreSQL refuses held + sold above capacity, or negative counts', async () => {
    const tour = await givenTour(h, partnerId, { capacity: 2 });
    await expect(
      h.rows('UPDATE bundling.availability SET held = 3 WHERE id = $1', [tour.availabilityId]),
    ).rejects.toThrow(/availability_no_oversell_ck/);
    await expect(
      h.rows('UPDATE bundling.availability SET held = -1 WHERE id = $1', [tour.availabilityId]),
    ).rejects.toThrow(/availability_held_ck/);
  });
  describe('in one batch with the writes before it (a booking)', () => {
    // A write of the batch before the hold, to see whether the batch committed.
    const mark = (id: string, overrides: Record<string, unknown> = { adult: 1 }) =>
      sql`UPDATE bundling.availability SET price_overrides = ${JSON.stringify(overrides)}::jsonb WHERE id = ${id}`;
    const marked = async (id: string) =>
      (await h.rows<{ p: unknown }>('SELECT price_overrides AS p FROM bundling.availability WHERE id = $1', [id]))[0]!
        .p;
    const db = () => h.database.db;

    it('holds and commits what was written before it; one unit more is refused, naming the row, nothing written', async () => {
      const tour = await givenTour(h, partnerId, { capacity: 5, sold: 2 });
      const other = await givenTour(h, partnerId, { capacity: 5 });
      const first = await writeAndHold(
        db(),
        [mark(other.availabilityId)],
        [{ availabilityId: tour.availabilityId, quantity: 3 }],
      );
      expect(first).toEqual({ ok: true });
      expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 5, held: 3, sold: 2 });
      expect(await marked(other.availabilityId)).toEqual({ adult: 1 });

      const fresh = await givenTour(h, partnerId, { capacity: 5 });
      const second = await writeAndHold(
        db(),
        [mark(fresh.availabilityId)],
        [{ availabilityId: tour.availabilityId, quantity: 1 }],
      );
      expect(second).toEqual({ ok: false, reason: 'sold_out', availabilityId: tour.availabilityId });
      expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 5, held: 3, sold: 2 });
      expect(await marked(fresh.availabilityId)).toEqual({});
    });

    it('names the row that is full among several and leaves the others untouched; a closed row is refused', async () => {
      const roomy = await givenTour(h, partnerId, { capacity: 10 });
      const full = await givenTour(h, partnerId, { capacity: 1, sold: 1 });
      const outcome = await writeAndHold(
        db(),
        [mark(roomy.availabilityId)],
        [
          { availabilityId: roomy.availabilityId, quantity: 2 },
          { availabilityId: full.availabilityId, quantity: 1 },
          { availabilityId: roomy.availabilityId, quantity: 1 },
        ],
      );
      expect(outcome).toEqual({ ok: false, reason: 'sold_out', availabilityId: full.availabilityId });
      expect(await slot(h, roomy.availabilityId)).toEqual({ capacity: 10, held: 0, sold: 0 });
      expect(await slot(h, full.availabilityId)).toEqual({ capacity: 1, held: 0, sold: 1 });
      expect(await marked(roomy.availabilityId)).toEqual({});

      const closed = await givenTour(h, partnerId, { capacity: 10, closed: true });
      const refused = await writeAndHold(db(), [], [{ availabilityId: closed.availabilityId, quantity: 1 }]);
      expect(refused).toEqual({ ok: false, reason: 'sold_out', availabilityId: closed.availabilityId });
      expect(await slot(h, closed.availabilityId)).toEqual({ capacity: 10, held: 0, sold: 0 });
    });

    it('answers a unique violation in the writes as a duplicate, holding nothing', async () => {
      const tour = await givenTour(h, partnerId, { capacity: 10 });
      const twice = sql`INSERT INTO bundling.availability (id, item_id, date, start_time, starts_at, capacity)
        SELECT id, item_id, date, start_time, starts_at, capacity FROM bundling.availability WHERE id = ${tour.availabilityId}`;
      const outcome = await writeAndHold(db(), [twice], [{ availabilityId: tour.availabilityId, quantity: 1 }]);
      expect(outcome).toMatchObject({ ok: false, reason: 'duplicate' });
      expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 10, held: 0, sold: 0 });
    });

    it('writes a booking and its holds as text that reads back as exactly the row it was given', async () => {
      const tour = await givenTour(h, partnerId, { capacity: 10 });
      const packageId = await givenPackage(h, partnerId, [{ item: tour }]);
      const at = new Date('2026-12-03T10:15:30.123Z');
      const booking: BookingRow = {
        id: randomUUID(),
        packageId,
        packageVersion: 3,
        sellerPartnerId: partnerId,
        userId: randomUUID(),
        status: 'pending_payment',
        startDate: '2026-12-20',
        party: { adult: 2, child: 1 },
        currency: 'EUR',
        pricePaid: 123_456_789_012,
        breakdown: { note: "O'Brien \\ $1 — Ünïcødé ✓", lines: [] } as unknown as BookingRow['breakdown'],
        policy: { tiers: [{ hoursBefore: 48, refundPercent: 50 }] },
        couponCode: "SUMMER'26\\",
        affiliateCode: null,
        paymentIntentId: null,
        holdExpiresAt: new Date(at.getTime() + 15 * 60_000),
        idempotencyKey: 'key-$1',
        refundMinor: null,
        cancelReason: null,
        createdAt: at,
        confirmedAt: null,
        cancelledAt: null,
        expiredAt: null,
      };
      const hold = {
        bookingId: booking.id,
        availabilityId: tour.availabilityId,
        itemId: tour.itemId,
        itemPartnerId: partnerId,
        position: 0,
        quantity: 2,
      };
      const outcome = await writeAndHold(db(), bookingInserts(booking, [hold]), [
        { availabilityId: tour.availabilityId, quantity: 2 },
      ]);
      expect(outcome).toEqual({ ok: true });
      const [row] = await db().select().from(packageBookings).where(eq(packageBookings.id, booking.id));
      expect(row).toEqual(booking);
      expect(await db().select().from(bookingHolds).where(eq(bookingHolds.bookingId, booking.id))).toEqual([hold]);
    });

    it('writes text exactly as given: quotes, backslashes and placeholders in values stay data', async () => {
      const tour = await givenTour(h, partnerId, { capacity: 10 });
      const tricky = { adult: 1, note: "O'Brien \\ $1 '); DROP TABLE bundling.availability; --", emoji: 'Ünïcødé ✓' };
      const outcome = await writeAndHold(
        db(),
        [mark(tour.availabilityId, tricky)],
        [{ availabilityId: tour.availabilityId, quantity: 1 }],
      );
      expect(outcome).toEqual({ ok: true });
      expect(await marked(tour.availabilityId)).toEqual(tricky);
      expect(await slot(h, tour.availabilityId)).toEqual({ capacity: 10, held: 1, sold: 0 });
    });
  });

  describe('readForBooking (the reads of a booking in one statement)', () => {
    const db = () => h.database.db;

    it('reads what the three reads one by one read: the package and seller, its line items, their rows on the days', async () => {
      const supplier = await givenPartner(h);
      const hotel = await givenTour(h, supplier.partnerId, { capacityModel: 'daily', days: 4, capacity: 6, held: 1 });
      const walk = await givenTour(h, partnerId, { date: hotel.date, time: '09:00', sold: 2 });
      // The walk's lines start a day later: only its rows on that day count (a 14:30 added below).
      const packageId = await givenPackage(h, partnerId, [
        { item: hotel, days: 3 },
        { item: walk, dayOffset: 1 },
        { item: walk, dayOffset: 1, qty: 2 },
      ]);
      const walkDay = [...hotel.rows.keys()][1]!;
      await givenTourRowOn(walk.itemId, walkDay);

      const merged = await readForBooking(db(), packageId, hotel.date);
      const one = await findPackageWithSeller(db(), packageId);
      const items = await findLineItems(db(), [hotel.itemId, walk.itemId]);
      const rows = await availabilityOn(db(), [
        ...[...hotel.rows.keys()].slice(0, 3).map((date) => ({ itemId: hotel.itemId, date })),
        { itemId: walk.itemId, date: walkDay },
      ]);
      expect(merged).toBeDefined();
      expect({ pkg: merged!.pkg, seller: merged!.seller, sellerPayoutsReady: merged!.sellerPayoutsReady }).toEqual(one);
      expect(merged!.lines.items).toEqual(items);
      expect(merged!.lines.rows).toEqual(rows);
      // Three nights of the hotel and the walk's 14:30 on its day; not its 09:00 on the first day, nor the fourth night.
      expect(rows.map((r) => [r.itemId === hotel.itemId ? 'hotel' : 'walk', r.date, r.startTime])).toEqual(
        expect.arrayContaining([
          ['hotel', hotel.date, ''],
          ['walk', walkDay, '14:30'],
        ]),
      );
      expect(rows).toHaveLength(4);
      expect(merged!.lines.items.get(hotel.itemId)).toMatchObject({
        partnerId: supplier.partnerId,
        partnerVerified: true,
      });
    });

    it('answers undefined for an unknown package, and no rows on a day without any', async () => {
      expect(await readForBooking(db(), '00000000-0000-4000-8000-000000000000', '2031-06-14')).toBeUndefined();
      const tour = await givenTour(h, partnerId);
      const packageId = await givenPackage(h, partnerId, [{ item: tour }]);
      const noRow = await readForBooking(db(), packageId, '2031-06-14');
      expect(noRow?.pkg.id).toBe(packageId);
      expect(noRow?.lines.items).toEqual(await findLineItems(db(), [tour.itemId]));
      expect(noRow?.lines.rows).toEqual([]);
      expect((await readForBooking(db(), packageId, tour.date))?.lines.rows.map((r) => r.id)).toEqual([
        tour.availabilityId,
      ]);
    });
  });

  /** Another slot (14:30) of an item on a day. */
  async function givenTourRowOn(itemId: string, date: string): Promise<void> {
    await h.rows(
      `INSERT INTO bundling.availability (id, item_id, date, start_time, starts_at, capacity)
       VALUES (gen_random_uuid(), $1, $2, '14:30', ($2::date + time '12:30') AT TIME ZONE 'UTC', 4)`,
      [itemId, date],
    );
  }
});
