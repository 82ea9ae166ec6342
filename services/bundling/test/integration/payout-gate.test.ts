import { testEnvelope } from '@tourconnect/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, givenPackage, givenTour, romeDay, slot } from '../support/booking-fixtures.ts';
import { givenPartner, type GivenPartner } from '../support/builders.ts';
import { startBundlingHarness, type BundlingHarness } from '../support/harness.ts';

// BOOKING_REQUIRES_PAYOUT_ACCOUNTS on: a package sells only once the seller and every item's
// partner can receive payouts (billing.partner_account.updated.v1 with status enabled).
describe('booking needs every partner of the package to be payout-ready', () => {
  let h: BundlingHarness;
  let seller: GivenPartner;
  let supplier: GivenPartner;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_payout_gate', {
      SWEEPER_INTERVAL_SECONDS: '0',
      BOOKING_REQUIRES_PAYOUT_ACCOUNTS: 'true',
    });
    seller = await givenPartner(h, { name: 'Garda Family Travel' });
    supplier = await givenPartner(h, { name: 'Navigazione Lago' });
  });
  afterAll(async () => h?.close());

  const accountUpdated = (partnerId: string, status: string, occurredAt?: string) => {
    const envelope = testEnvelope('billing.partner_account.updated.v1', {
      partnerId,
      stripeAccountId: `acct_${partnerId.slice(0, 8)}`,
      status,
      transfersEnabled: status === 'enabled',
      payoutsEnabled: status === 'enabled',
      requirementsDue: status === 'enabled' ? [] : ['external_account'],
    });
    return occurredAt ? { ...envelope, occurredAt } : envelope;
  };
  const ready = async (partnerId: string) =>
    (await h.rows<{ r: boolean }>('SELECT payouts_ready AS r FROM bundling.partners WHERE id = $1', [partnerId]))[0]?.r;

  async function weekend(date = romeDay(30)) {
    const hotel = await givenTour(h, seller.partnerId, {
      date,
      capacityModel: 'daily',
      units: [{ code: 'room', priceMinor: 12000 }],
      capacity: 5,
    });
    const ferry = await givenTour(h, supplier.partnerId, {
      date,
      kind: 'transport',
      units: [{ code: 'adult', priceMinor: 1500, netRateMinor: 1200 }],
      bundleTerms: { kind: 'net_rate' },
      capacity: 40,
    });
    const packageId = await givenPackage(h, seller.partnerId, [{ item: hotel }, { item: ferry }]);
    return { hotel, ferry, packageId, date };
  }

  it('refuses with 409 partner_payouts_not_ready and holds nothing while a partner is not ready', async () => {
    const trip = await weekend();
    // Only the seller has finished onboarding; the ferry's partner has not.
    await h.deliver(accountUpdated(seller.partnerId, 'enabled'));
    await h.deliver(accountUpdated(supplier.partnerId, 'restricted'));
    const traveller = await h.user('traveller');
    const res = await book(h, traveller, trip.packageId, { date: trip.date, party: { adult: 2 } });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('partner_payouts_not_ready');
    expect((await slot(h, trip.hotel.availabilityId)).held).toBe(0);
    expect((await slot(h, trip.ferry.availabilityId)).held).toBe(0);
    const bookings = await h.rows('SELECT id FROM bundling.package_bookings WHERE package_id = $1', [trip.packageId]);
    expect(bookings).toEqual([]);
    expect(await h.published('bundling.booking.held.v1')).toEqual([]);
  });

  it('books once every partner is ready (the event handled once even when delivered twice)', async () => {
    const trip = await weekend(romeDay(31));
    const enabled = accountUpdated(supplier.partnerId, 'enabled');
    await h.deliver(enabled, 2);
    const inbox = await h.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM bundling.event_inbox WHERE event_id = $1',
      [enabled.id],
    );
    expect(inbox).toEqual([{ n: 1 }]);
    expect(await ready(supplier.partnerId)).toBe(true);
    const traveller = await h.user('traveller');
    const res = await book(h, traveller, trip.packageId, { date: trip.date, party: { adult: 2 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await slot(h, trip.ferry.availabilityId)).held).toBe(2);
  });

  it('an older account event arriving late does not undo a newer one', async () => {
    const partner = await givenPartner(h, { name: 'Late Events Srl' });
    await h.deliver(accountUpdated(partner.partnerId, 'enabled', new Date().toISOString()));
    await h.deliver(accountUpdated(partner.partnerId, 'pending', new Date(Date.now() - 60_000).toISOString()));
    expect(await ready(partner.partnerId)).toBe(true);
    // A newer restriction (Stripe asks for more) takes the partner off sale again.
    await h.deliver(accountUpdated(partner.partnerId, 'restricted', new Date(Date.now() + 1000).toISOString()));
    expect(await ready(partner.partnerId)).toBe(false);
  });
});
