import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySlotChanges } from '../../src/db/availability.repository.ts';
import { addDays, weekday, zonedDate, zonedInstant } from '../../src/domain/local-time.ts';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { createItem, openAvailability, roomBody, tourBody } from '../support/items.ts';

const today = zonedDate(new Date(), 'Europe/Rome');
const day = (n: number) => addDays(today, n);

describe('availability: the calendar of an item', () => {
  let h: BundlingHarness;
  let a: GivenPartner;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_availability');
    a = await givenPartner(h);
  });
  afterAll(() => h?.close());

  const put = (itemId: string, body: Record<string, unknown>, user = a.owner) =>
    h.call('PUT', `/api/catalogue/items/${itemId}/availability`, { ...as(user), body });
  const get = (itemId: string, from: string, to: string, user = a.owner) =>
    h.call('GET', `/api/catalogue/items/${itemId}/availability?from=${from}&to=${to}`, as(user));
  /** Stands in for bookings (another engineer's API): units held and sold on a row. */
  const book = (itemId: string, date: string, held: number, sold: number, startTime = '') =>
    h.rows(
      `UPDATE bundling.availability SET held = $3, sold = $4 WHERE item_id = $1 AND date = $2 AND start_time = $5`,
      [itemId, date, held, sold, startTime],
    );

  it('opens every slot of a timed item over a range, at the item’s local start instants', async () => {
    const tour = await createItem(h, a, tourBody());
    const res = await openAvailability(h, a, tour.id, { from: day(1), to: day(3), capacity: 12 });
    expect(res).toMatchObject({ created: 6, updated: 0 });
    expect(res.slots).toHaveLength(6);
    expect(res.slots[0]).toMatchObject({
      itemId: tour.id,
      date: day(1),
      startTime: '09:00',
      startsAt: zonedInstant(day(1), '09:00', 'Europe/Rome').toISOString(),
      capacity: 12,
      held: 0,
      sold: 0,
      remaining: 12,
      closed: false,
      priceOverrides: {},
    });
    const read = await get(tour.id, day(0), day(10));
    expect(read.status).toBe(200);
    expect(read.body.slots.map((s: { date: string; startTime: string }) => `${s.date} ${s.startTime}`)).toEqual([
      `${day(1)} 09:00`,
      `${day(1)} 14:00`,
      `${day(2)} 09:00`,
      `${day(2)} 14:00`,
      `${day(3)} 09:00`,
      `${day(3)} 14:00`,
    ]);
  });

  it('a daily allotment has one row per date (start time null); weekdays filter the dates', async () => {
    const room = await createItem(h, a, roomBody());
    const from = day(1);
    const to = day(14);
    const res = await openAvailability(h, a, room.id, { from, to, capacity: 5, weekdays: [5, 6] });
    const expected = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if ([5, 6].includes(weekday(d))) expected.push(d);
    expect(res.created).toBe(expected.length);
    expect(res.slots.map((s: { date: string }) => s.date)).toEqual(expected);
    expect(res.slots.every((s: { startTime: unknown }) => s.startTime === null)).toBe(true);
  });

  it('edits only the given start times; updates existing rows; closes and re-opens; overrides prices', async () => {
    const tour = await createItem(h, a, tourBody());
    await openAvailability(h, a, tour.id, { from: day(1), to: day(2), capacity: 10 });
    const afternoon = await put(tour.id, { from: day(1), to: day(2), startTimes: ['14:00'], capacity: 4 });
    expect(afternoon.body).toMatchObject({ created: 0, updated: 2 });
    const closed = await put(tour.id, { from: day(2), to: day(2), closed: true });
    expect(closed.body).toMatchObject({ created: 0, updated: 2 });
    expect(closed.body.slots.every((s: { remaining: number; closed: boolean }) => s.closed && s.remaining === 0)).toBe(
      true,
    );
    const priced = await put(tour.id, { from: day(1), to: day(1), priceOverrides: { adult: 5000 } });
    expect(priced.body.slots.map((s: { priceOverrides: unknown }) => s.priceOverrides)).toEqual([
      { adult: 5000 },
      { adult: 5000 },
    ]);
    const cleared = await put(tour.id, { from: day(1), to: day(1), priceOverrides: null, closed: false });
    expect(cleared.body.slots.map((s: { priceOverrides: unknown }) => s.priceOverrides)).toEqual([{}, {}]);
    const slots = (await get(tour.id, day(1), day(2))).body.slots;
    expect(slots.map((s: { capacity: number; closed: boolean }) => [s.capacity, s.closed])).toEqual([
      [10, false],
      [4, false],
      [10, true],
      [4, true],
    ]);
    // Without a capacity nothing is created: closing a date with no row changes nothing.
    const none = await put(tour.id, { from: day(5), to: day(5), closed: true });
    expect(none.body).toEqual({ created: 0, updated: 0, slots: [] });
  });

  it('refuses the whole edit when a capacity would fall under held + sold (409 capacity_below_booked)', async () => {
    const room = await createItem(h, a, roomBody());
    await openAvailability(h, a, room.id, { from: day(1), to: day(5), capacity: 6 });
    await book(room.id, day(3), 2, 3);
    const res = await put(room.id, { from: day(1), to: day(5), capacity: 4, priceOverrides: { room: 9900 } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'capacity_below_booked', errors: [{ message: day(3) }] });
    const rows = (await get(room.id, day(1), day(5))).body.slots;
    expect(rows.map((s: { capacity: number; priceOverrides: unknown }) => [s.capacity, s.priceOverrides])).toEqual(
      Array(5).fill([6, {}]),
    );
    // Down to exactly held + sold is fine.
    const exact = await put(room.id, { from: day(3), to: day(3), capacity: 5 });
    expect(exact.body.slots[0]).toMatchObject({ capacity: 5, held: 2, sold: 3, remaining: 0 });
  });

  it('the CHECK constraint is the last line of defence, and its violation is answered, not thrown', async () => {
    const room = await createItem(h, a, roomBody());
    await openAvailability(h, a, room.id, { from: day(1), to: day(1), capacity: 3 });
    await book(room.id, day(1), 1, 2);
    // Past the domain's own check (a booking racing the edit): the CHECK refuses, the repository says so.
    const direct = await h.database.db
      .transaction(async (tx) =>
        applySlotChanges(tx, room.id, [{ date: day(1), startTime: '', startsAt: new Date() }], { capacity: 2 }),
      )
      .catch((error: unknown) => error);
    expect(direct).toEqual({ ok: false, reason: 'capacity_below_booked' });
    expect((await get(room.id, day(1), day(1))).body.slots[0]).toMatchObject({ capacity: 3, held: 1, sold: 2 });
  });

  describe('bad input', () => {
    let tour: { id: string };
    beforeAll(async () => {
      tour = await createItem(h, a, tourBody());
    });
    const cases: [string, () => Record<string, unknown>, number, string, string?][] = [
      ['a date in the past', () => ({ from: day(-1), to: day(1), capacity: 1 }), 422, 'date_in_past'],
      ['more than 366 days', () => ({ from: day(1), to: day(367), capacity: 1 }), 400, 'range_too_long'],
      [
        'an end before the start',
        () => ({ from: day(3), to: day(1), capacity: 1 }),
        400,
        'validation_failed',
        'invalid_date_range',
      ],
      [
        'a start time the item does not have',
        () => ({ from: day(1), to: day(1), startTimes: ['10:00'], capacity: 1 }),
        400,
        'validation_failed',
        'unknown_start_time',
      ],
      [
        'a price for a unit the item does not have',
        () => ({ from: day(1), to: day(1), priceOverrides: { room: 1 } }),
        400,
        'validation_failed',
        'unit_not_on_item',
      ],
      ['nothing to change', () => ({ from: day(1), to: day(1) }), 400, 'validation_failed', 'nothing_to_change'],
      [
        'a negative capacity',
        () => ({ from: day(1), to: day(1), capacity: -1 }),
        400,
        'validation_failed',
        'invalid_capacity',
      ],
      ['a weekday 7', () => ({ from: day(1), to: day(1), capacity: 1, weekdays: [7] }), 400, 'validation_failed'],
      [
        'a malformed date',
        () => ({ from: '2027-02-30', to: day(1), capacity: 1 }),
        400,
        'validation_failed',
        'invalid_date',
      ],
    ];
    it.each(cases)('%s → %i %s, nothing written', async (_label, body, status, code, field) => {
      const res = await put(tour.id, body());
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.code).toBe(code);
      if (field) expect(res.body.errors.map((e: { code: string }) => e.code)).toContain(field);
      expect(await h.rows('SELECT id FROM bundling.availability WHERE item_id = $1', [tour.id])).toEqual([]);
    });

    it('a daily item takes no start times', async () => {
      const room = await createItem(h, a, roomBody());
      const res = await put(room.id, { from: day(1), to: day(1), startTimes: ['09:00'], capacity: 1 });
      expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual(['unknown_start_time']);
    });

    it('reads at most 400 days, and the end may not precede the start', async () => {
      expect((await get(tour.id, day(0), day(399))).status).toBe(200);
      expect((await get(tour.id, day(0), day(400))).body.code).toBe('range_too_long');
      expect((await get(tour.id, day(2), day(1))).status).toBe(400);
      expect((await get(tour.id, 'yesterday', day(1))).status).toBe(400);
    });

    it('an archived item’s calendar is read-only (409 item_archived)', async () => {
      const item = await createItem(h, a, roomBody());
      await h.call('POST', `/api/catalogue/items/${item.id}/archive`, as(a.owner));
      expect((await put(item.id, { from: day(1), to: day(1), capacity: 1 })).body.code).toBe('item_archived');
    });

    it('a viewer reads the calendar but may not edit it', async () => {
      const viewer = await givenMember(h, a, 'viewer');
      expect((await get(tour.id, day(1), day(2), viewer)).status).toBe(200);
      expect((await put(tour.id, { from: day(1), to: day(1), capacity: 1 }, viewer)).body.code).toBe(
        'partner_role_forbidden',
      );
    });
  });

  it('a full year of a four-slot item in one edit', async () => {
    const tour = await createItem(h, a, tourBody({ startTimes: ['08:00', '10:00', '14:00', '16:00'] }));
    const res = await put(tour.id, { from: day(1), to: day(366), capacity: 20 });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(366 * 4);
  });
});
