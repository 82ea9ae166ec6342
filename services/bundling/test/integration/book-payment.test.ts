import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredBookings } from '../../src/domain/sweeper.ts';
import type { BundlingContext } from '../../src/domain/context.ts';
import {
  book,
  booked,
  bookingRow,
  eventsFor,
  expireHold,
  givenPackage,
  givenTour,
  instanceContext,
  paymentSucceeded,
  romeDay,
  slot,
} from '../support/booking-fixtures.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';

// The booking's lifecycle driven by billing.payment.succeeded.v1 (each case delivered twice: a
// redelivery changes nothing).

describe('billing.payment.succeeded.v1', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let supplier: GivenPartner;
  let other: { ctx: BundlingContext; close(): Promise<void> };

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_book_payment', { SWEEPER_INTERVAL_SECONDS: '0' });
    seller = await givenPartner(h);
    supplier = await givenPartner(h);
    other = await instanceContext(h);
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  async function twoPartnerTrip(capacity = 10) {
    const date = romeDay(30);
    const tour = await givenTour(h, seller.partnerId, { date, capacity });
    const boat = await givenTour(h, supplier.partnerId, {
      date,
      time: '14:00',
      capacity,
      kind: 'transport',
      units: [{ code: 'adult', priceMinor: 2000, netRateMinor: 1500 }],
      bundleTerms: { kind: 'net_rate' },
    });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: tour }, { item: boat }]);
    return { date, tour, boat, packageId };
  }

  const view = async (traveller: TestUser, id: string) =>
    (await h.call('GET', `/api/bookings/${id}`, as(traveller))).body;

  it('confirms a pending booking: held units become sold, once however often it is delivered', async () => {
    const trip = await twoPartnerTrip();
    const traveller = await h.user('traveller');
    const booking = await booked(h, traveller, trip.packageId, { date: trip.date, party: { adult: 2 } });
    const payment = paymentSucceeded(booking, traveller.id, 'pi_confirm_1');
    await h.deliver(payment, 2);

    const after = await view(traveller, booking.id);
    expect(after).toMatchObject({ status: 'confirmed', paymentIntentId: 'pi_confirm_1', holdExpiresAt: null });
    expect(after.confirmedAt).toEqual(expect.any(String));
    expect(await slot(h, trip.tour.availabilityId)).toMatchObject({ held: 0, sold: 2 });
    expect(await slot(h, trip.boat.availabilityId)).toMatchObject({ held: 0, sold: 2 });

    const confirmed = await eventsFor(h, 'bundling.booking.confirmed.v1', booking.id);
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]!.payload).toMatchObject({
      paymentIntentId: 'pi_confirm_1',
      totalMinor: String(booking.pricePaidMinor),
      sellerPartnerId: seller.partnerId,
    });
    const partners = new Set((confirmed[0]!.payload.items as { partnerId: string }[]).map((i) => i.partnerId));
    expect(partners).toEqual(new Set([seller.partnerId, supplier.partnerId]));
  });

  it('re-holds and confirms a booking whose hold expired when its units are still there', async () => {
    const trip = await twoPartnerTrip();
    const traveller = await h.user('traveller');
    const booking = await booked(h, traveller, trip.packageId, { date: trip.date, party: { adult: 3 } });
    await expireHold(h, booking.id);
    expect(await sweepExpiredBookings(other.ctx)).toBeGreaterThanOrEqual(1);
    expect((await view(traveller, booking.id)).status).toBe('expired');
    expect(await slot(h, trip.tour.availabilityId)).toMatchObject({ held: 0, sold: 0 });

    await h.deliver(paymentSucceeded(booking, traveller.id, 'pi_late_ok'), 2);
    expect(await view(traveller, booking.id)).toMatchObject({ status: 'confirmed', paymentIntentId: 'pi_late_ok' });
    expect(await slot(h, trip.tour.availabilityId)).toMatchObject({ held: 0, sold: 3 });
    expect(await slot(h, trip.boat.availabilityId)).toMatchObject({ held: 0, sold: 3 });
    expect(await eventsFor(h, 'bundling.booking.confirmed.v1', booking.id)).toHaveLength(1);
  });

  it('cancels with a full refund when the hold expired and the units were sold to someone else', async () => {
    const trip = await twoPartnerTrip(2);
    const late = await h.user('late');
    const booking = await booked(h, late, trip.packageId, { date: trip.date, party: { adult: 2 } });
    await expireHold(h, booking.id);
    await sweepExpiredBookings(other.ctx);
    // Someone else books the two places the expired hold gave back.
    const quick = await h.user('quick');
    expect((await book(h, quick, trip.packageId, { date: trip.date, party: { adult: 2 } })).status).toBe(201);

    await h.deliver(paymentSucceeded(booking, late.id, 'pi_too_late'), 2);
    const after = await view(late, booking.id);
    expect(after).toMatchObject({
      status: 'cancelled',
      cancelReason: 'sold_out',
      refundMinor: booking.pricePaidMinor,
      paymentIntentId: 'pi_too_late',
    });
    // Nothing oversold: the quick traveller's hold is all there is.
    expect(await slot(h, trip.tour.availabilityId)).toEqual({ capacity: 2, held: 2, sold: 0 });

    const cancelled = await eventsFor(h, 'bundling.booking.cancelled.v1', booking.id);
    expect(cancelled).toHaveLength(1);
    const event = cancelled[0]!.payload;
    expect(event).toMatchObject({
      reason: 'sold_out',
      refundBps: 10000,
      refundMinor: String(booking.pricePaidMinor),
      totalMinor: String(booking.pricePaidMinor),
      paymentIntentId: 'pi_too_late',
    });
    const refunds = event.refunds as { partnerId: string; refundMinor: string }[];
    expect(refunds.reduce((sum, r) => sum + Number(r.refundMinor), 0)).toBe(booking.pricePaidMinor);
    expect(new Set(refunds.map((r) => r.partnerId))).toEqual(new Set([seller.partnerId, supplier.partnerId]));
    const lines = event.items as { refundMinor: string }[];
    expect(lines.reduce((sum, l) => sum + Number(l.refundMinor), 0)).toBe(booking.pricePaidMinor);
  });

  it('asks for the whole payment back when it arrives for a booking the traveller cancelled while pending', async () => {
    const trip = await twoPartnerTrip();
    const traveller = await h.user('traveller');
    const booking = await booked(h, traveller, trip.packageId, { date: trip.date });
    expect((await h.call('POST', `/api/bookings/${booking.id}/cancel`, as(traveller))).status).toBe(200);
    await h.deliver(paymentSucceeded(booking, traveller.id, 'pi_after_cancel'), 2);

    expect(await view(traveller, booking.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'traveller_requested',
      refundMinor: booking.pricePaidMinor,
    });
    const events = await eventsFor(h, 'bundling.booking.cancelled.v1', booking.id);
    expect(events.map((e) => [e.payload.refundMinor, e.payload.paymentIntentId ?? ''])).toEqual([
      ['0', ''],
      [String(booking.pricePaidMinor), 'pi_after_cancel'],
    ]);
    expect(await slot(h, trip.tour.availabilityId)).toMatchObject({ held: 0, sold: 0 });
  });

  it('dead-letters a payment that names no booking of that traveller, changing nothing', async () => {
    const trip = await twoPartnerTrip();
    const traveller = await h.user('traveller');
    const booking = await booked(h, traveller, trip.packageId, { date: trip.date });
    const stranger = randomUUID();
    await h.deliver(paymentSucceeded(booking, stranger, 'pi_wrong_user'));
    await h.deliver(paymentSucceeded({ id: randomUUID(), pricePaidMinor: 100 }, traveller.id, 'pi_no_booking'));

    expect((await bookingRow(h, booking.id)).status).toBe('pending_payment');
    const dead = await h.rows<{ envelope: { payload: { paymentIntentId: string } } }>(
      "SELECT envelope FROM bundling.event_dead_letters WHERE durable = 'bundling-payment-succeeded'",
    );
    expect(dead.map((d) => d.envelope.payload.paymentIntentId).sort()).toEqual(['pi_no_booking', 'pi_wrong_user']);
  });
});
