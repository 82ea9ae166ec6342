// The traveller's slot pickers: a timed line's start times on the chosen date, what is left of
// each and whether the party fits, so the portal can offer a choice where the quote would say
// `slot_required`; the chosen slot then prices. Drafts stay hidden from strangers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { createPackage, insertItem, openDates, packageBody, publishedPackage, romeDay } from './packages-builders.ts';

describe('package slots', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let packageId: string;
  let slotIds: Map<string, string>;
  const day = romeDay(10);

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_package_slots');
    seller = await givenPartner(h, { name: 'Lago Tours' });
    const walk = await insertItem(h, seller.partnerId, { startTimes: ['09:00', '14:30'] });
    const room = await insertItem(h, seller.partnerId, {
      kind: 'service',
      capacityModel: 'daily',
      units: [{ code: 'room', priceMinor: 12900 }],
    });
    slotIds = await openDates(h, walk, day, day, { capacity: 10 });
    // The afternoon walk has only three places left.
    await openDates(h, walk, day, day, { capacity: 10, sold: 7, startTimes: ['14:30'] });
    await openDates(h, room, day, day, { capacity: 4 });
    const pkg = await publishedPackage(h, seller, packageBody([{ itemId: room.id }, { itemId: walk.id }]));
    packageId = pkg.id;
  });

  afterAll(async () => {
    await h?.close();
  });

  it("lists each timed line's start times with what is left and whether a family of four fits", async () => {
    const res = await h.call('GET', `/api/packages/${packageId}/slots?date=${day}&adult=2&child=2`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      date: day,
      lines: [
        {
          position: 1,
          date: day,
          slots: [
            { availabilityId: slotIds.get(`${day}|09:00`), startTime: '09:00', remaining: 10, fits: true },
            { availabilityId: slotIds.get(`${day}|14:30`), startTime: '14:30', remaining: 3, fits: false },
          ],
        },
      ],
    });
  });

  it('prices the slot the traveller chose, where the quote alone asks for one', async () => {
    const party = { adult: 2 };
    const without = await h.call('POST', `/api/packages/${packageId}/quote`, { body: { date: day, party } });
    expect(without.status).toBe(422);
    expect(without.body.code).toBe('slot_required');
    const chosen = slotIds.get(`${day}|14:30`)!;
    const quote = await h.call('POST', `/api/packages/${packageId}/quote`, {
      body: { date: day, party, slots: { '1': chosen } },
    });
    expect(quote.status).toBe(200);
    expect(quote.body.breakdown.lines[1].dates).toEqual([{ date: day, startTime: '14:30', availabilityId: chosen }]);
  });

  it('answers a day without a calendar with empty slots, and bad input with a 400', async () => {
    const empty = await h.call('GET', `/api/packages/${packageId}/slots?date=${romeDay(40)}`);
    expect(empty.status).toBe(200);
    expect(empty.body.lines).toEqual([{ position: 1, date: romeDay(40), slots: [] }]);
    const bad = await h.call('GET', `/api/packages/${packageId}/slots?date=2030-02-30`);
    expect(bad.status).toBe(400);
    const huge = await h.call('GET', `/api/packages/${packageId}/slots?date=${day}&adult=500`);
    expect(huge.status).toBe(400);
  });

  it("keeps a draft's slots from anyone but its partner (404)", async () => {
    const draftWalk = await insertItem(h, seller.partnerId, { startTimes: ['10:00'] });
    const draft = await createPackage(h, seller, packageBody([{ itemId: draftWalk.id }]));
    const stranger = await h.user('Curious traveller');
    const hidden = await h.call('GET', `/api/packages/${draft.id}/slots?date=${day}`, as(stranger));
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('package_not_found');
    const own = await h.call('GET', `/api/packages/${draft.id}/slots?date=${day}`, as(seller.owner));
    expect(own.status).toBe(200);
  });
});
