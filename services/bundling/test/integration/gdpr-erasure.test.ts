import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booked, givenPackage, givenTour } from '../support/booking-fixtures.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { imageForm, png } from '../support/images.ts';
import { createItem, openAvailability, tourBody } from '../support/items.ts';
import { partnerEvents } from '../support/partner-events.ts';
import { addDays, zonedDate } from '../../src/domain/local-time.ts';

describe('GDPR: partners.partner.deletion_requested.v1 → bundling erases the partner and confirms', () => {
  let h: BundlingHarness;
  let a: GivenPartner;
  let b: GivenPartner;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_gdpr');
    a = await givenPartner(h, { name: 'Erased Tours' });
    b = await givenPartner(h, { name: 'Staying Hotel' });
  });
  afterAll(() => h?.close());

  const itemRow = async (id: string) =>
    (
      await h.rows<{ status: string; translations: object }>(
        'SELECT status, translations FROM bundling.items WHERE id = $1',
        [id],
      )
    )[0];
  const packageRow = async (id: string) =>
    (
      await h.rows<{ status: string; translations: object }>(
        'SELECT status, translations FROM bundling.packages WHERE id = $1',
        [id],
      )
    )[0];

  it('deletes what nothing else needs, keeps archived and textless what bookings or other partners name, and confirms once', async () => {
    // A plain item with an image and a calendar: deleted, bytes and all.
    const plain = await createItem(h, a, tourBody());
    const tomorrow = addDays(zonedDate(new Date(), 'Europe/Rome'), 1);
    await openAvailability(h, a, plain.id, { from: tomorrow, to: addDays(tomorrow, 2), capacity: 5 });
    const upload = await h.call('POST', `/api/catalogue/items/${plain.id}/images`, {
      ...as(a.owner),
      form: imageForm(png()),
    });
    const imageUrl = upload.body.images[0].url as string;
    expect(await h.files()).toHaveLength(1);
    // An item another partner bundles: kept (B's package still names it).
    const bundled = await givenTour(h, a.partnerId, { bundleTerms: { kind: 'commission', commissionBps: 1000 } });
    const bPackage = await givenPackage(h, b.partnerId, [{ item: bundled }]);
    // An item only in A's own unbooked package: both deleted.
    const unbooked = await givenTour(h, a.partnerId);
    const aUnbooked = await givenPackage(h, a.partnerId, [{ item: unbooked }]);
    // An item in A's booked package: the booking is a financial record, so both stay.
    const sold = await givenTour(h, a.partnerId);
    const aBooked = await givenPackage(h, a.partnerId, [{ item: sold }]);
    const traveller = await h.user('traveller');
    const booking = await booked(h, traveller, aBooked, { date: sold.date });
    // B's own item is none of this erasure's business.
    const bItem = await createItem(h, b, tourBody());

    const request = partnerEvents.deletionRequested(a, 'request-1');
    await h.deliver(request, 2);

    expect(await itemRow(plain.id)).toBeUndefined();
    expect(await itemRow(unbooked.itemId)).toBeUndefined();
    expect(await itemRow(bundled.itemId)).toEqual({ status: 'archived', translations: {} });
    expect(await itemRow(sold.itemId)).toEqual({ status: 'archived', translations: {} });
    expect(await packageRow(aUnbooked)).toBeUndefined();
    expect(await packageRow(aBooked)).toEqual({ status: 'archived', translations: {} });
    expect(await h.rows('SELECT id FROM bundling.availability WHERE item_id = $1', [plain.id])).toEqual([]);
    expect(await h.rows('SELECT id FROM bundling.images WHERE partner_id = $1', [a.partnerId])).toEqual([]);
    expect(await h.files()).toEqual([]);
    expect((await h.call('GET', imageUrl)).status).toBe(404);
    // Kept: the booking, B's package and item.
    expect(await h.rows('SELECT id FROM bundling.package_bookings WHERE id = $1', [booking.id])).toHaveLength(1);
    expect(await packageRow(bPackage)).toMatchObject({ status: 'published' });
    expect(await itemRow(bItem.id)).toMatchObject({ status: 'draft' });

    const confirmations = await h.published('bundling.partner_data.erased.v1');
    expect(confirmations.map((e) => e.payload)).toEqual([
      {
        partnerId: a.partnerId,
        requestId: 'request-1',
        service: 'bundling',
        // 1 image, 1 package, 2 items deleted; 1 package and 2 items kept without texts.
        deletedRecords: 4,
        anonymisedRecords: 3,
      },
    ]);
    expect(confirmations[0]!.correlationId).toBe(request.correlationId);
    expect(confirmations[0]!.audience).toEqual([a.ownerUserId]);
  });

  it('afterwards the partner changes nothing (409 partner_locked) and a second request confirms with nothing left', async () => {
    const created = await h.call('POST', '/api/catalogue/items', { ...as(a.owner), body: tourBody() });
    expect(created.body).toMatchObject({ status: 409, code: 'partner_locked' });
    // Its members still read what is left.
    expect((await h.call('GET', '/api/catalogue/items', as(a.owner))).body.total).toBe(2);
    await h.deliver(partnerEvents.deletionRequested(a, 'request-2'));
    const last = (await h.published('bundling.partner_data.erased.v1')).at(-1)!;
    expect(last.payload).toEqual({
      partnerId: a.partnerId,
      requestId: 'request-2',
      service: 'bundling',
      deletedRecords: 0,
      anonymisedRecords: 0,
    });
  });

  it('a partner bundling has never heard of is confirmed too (nothing held)', async () => {
    const stranger = { partnerId: crypto.randomUUID(), ownerUserId: crypto.randomUUID(), name: 'X', type: 'agency' };
    await h.deliver(partnerEvents.deletionRequested(stranger, 'request-3'));
    const last = (await h.published('bundling.partner_data.erased.v1')).at(-1)!;
    expect(last.payload).toMatchObject({ partnerId: stranger.partnerId, deletedRecords: 0, anonymisedRecords: 0 });
  });
});
