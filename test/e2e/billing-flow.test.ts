import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { as, call, signIn, signUp, type TestUser } from './support/api-client.ts';
import { payoutReady, verifiedPartner } from './support/partners.ts';
import { ADMIN, startPlatform, type Platform } from './support/platform.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const START = day(30);
const GARDA = { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.8856, longitude: 10.8406 };

interface Partner {
  owner: TestUser;
  partnerId: string;
}

/**
 * The checkout saga through the gateway on real PostgreSQL, NATS JetStream and the Stripe
 * emulator (reached only through the SDK): three partners onboard to Connect; an agency sells
 * a package of its tour, a hotel's room (net rate) and a ferry's seats (commission); a
 * traveller books and pays with a test card; the webhook confirms the booking, each partner
 * receives one transfer and transfers + platform fee equal the charge to the cent, at Stripe
 * as in the ledger; a cancellation under the policy refunds 40 % and reverses every partner's
 * transfer pro rata; the receipt downloads and the admin's reconciliation finds nothing wrong.
 */
describe('a traveller pays for a three-partner package and cancels it', () => {
  let p: Platform;
  let admin: TestUser;
  let hotel: Partner;
  let ferry: Partner;
  let agency: Partner;
  let traveller: TestUser;
  let packageId: string;
  let bookingId: string;
  let chargedMinor: number;
  const itemIds: Record<string, string> = {};

  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await p.database.pool.query(text, params)).rows as T[];

  const createItem = async (owner: TestUser, body: Record<string, unknown>, capacity: number) => {
    const created = await waitFor(
      () => call(p.base, 'POST', '/api/catalogue/items', { ...as(owner), body }),
      (res) => res.status !== 403,
      15_000,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id: string = created.body.id;
    const calendar = await call(p.base, 'PUT', `/api/catalogue/items/${id}/availability`, {
      ...as(owner),
      body: { from: day(1), to: day(60), capacity },
    });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
    const published = await waitFor(
      () => call(p.base, 'POST', `/api/catalogue/items/${id}/publish`, as(owner)),
      (res) => res.status === 200,
      15_000,
    );
    expect(published.body.status).toBe('published');
    return id;
  };

  beforeAll(async () => {
    p = await startPlatform('e2e_billing', { billing: true });
    admin = await signIn(p.base, ADMIN.email, ADMIN.password);
    hotel = await verifiedPartner(p.base, admin, 'hotel', 'Albergo Riva');
    ferry = await verifiedPartner(p.base, admin, 'transport', 'Battelli Garda');
    agency = await verifiedPartner(p.base, admin, 'agency', 'Garda Avventure');
    for (const partner of [hotel, ferry, agency]) await payoutReady(p.base, partner.owner, p.stripe!.url);
    traveller = await signUp(p.base, 'traveller');
  }, 180_000);
  afterAll(() => p?.close());

  it('the agency publishes a package of its tour, a bundled room and bundled ferry seats', async () => {
    itemIds.room = await createItem(
      hotel.owner,
      {
        kind: 'service',
        translations: { it: { title: 'Camera doppia vista lago', description: 'Colazione inclusa' } },
        destination: GARDA,
        durationMinutes: 1440,
        tags: ['couple'],
        currency: 'EUR',
        units: [{ code: 'room', priceMinor: 12_000, netRateMinor: 10_000 }],
        capacityModel: 'daily',
        cutoffHours: 24,
        bundleTerms: { kind: 'net_rate' },
      },
      5,
    );
    itemIds.seat = await createItem(
      ferry.owner,
      {
        kind: 'transport',
        translations: { it: { title: 'Traghetto Riva–Limone', description: 'Andata e ritorno' } },
        destination: GARDA,
        durationMinutes: 60,
        tags: ['lake'],
        currency: 'EUR',
        units: [{ code: 'adult', priceMinor: 1_500 }],
        capacityModel: 'slots',
        cutoffHours: 1,
        startTimes: ['10:00'],
        bundleTerms: { kind: 'commission', commissionBps: 2_000 },
      },
      40,
    );
    itemIds.tour = await createItem(
      agency.owner,
      {
        kind: 'tour',
        translations: { en: { title: 'Limone lemon-house walk', description: 'Two hours with a guide' } },
        destination: GARDA,
        durationMinutes: 120,
        tags: ['family'],
        currency: 'EUR',
        units: [{ code: 'adult', priceMinor: 4_500 }],
        capacityModel: 'slots',
        cutoffHours: 2,
        startTimes: ['14:00'],
      },
      10,
    );
    const created = await call(p.base, 'POST', '/api/packages', {
      ...as(agency.owner),
      body: {
        translations: {
          en: { title: 'Garda by boat', description: 'A night in Riva, the ferry and a walk in Limone' },
        },
        lines: [
          { itemId: itemIds.room, qty: 1, dayOffset: 0, days: 1 },
          { itemId: itemIds.seat, qty: 1, dayOffset: 0 },
          { itemId: itemIds.tour, qty: 1, dayOffset: 0 },
        ],
        discountRules: [{ id: 'bundle', type: 'percentage', bps: 1000, conditions: { minDistinctItems: 3 } }],
        // Today (30 days ahead) the policy gives back 40 %.
        policy: {
          tiers: [
            { hoursBefore: 24 * 60, refundPercent: 100 },
            { hoursBefore: 24, refundPercent: 40 },
          ],
        },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    packageId = created.body.id;
    const published = await call(p.base, 'POST', `/api/packages/${packageId}/publish`, as(agency.owner));
    expect(published.body.status, JSON.stringify(published.body)).toBe('published');
  });

  it('a declined card leaves the booking payable; a Visa pays it and the booking is confirmed', async () => {
    // bundling sells only once it heard that all three partners can be paid (an event).
    const booked = await waitFor(
      () =>
        call(p.base, 'POST', `/api/packages/${packageId}/book`, {
          ...as(traveller),
          body: { date: START, party: { adult: 2 } },
        }),
      (res) => res.status !== 409 || res.body?.code !== 'partner_payouts_not_ready',
      20_000,
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    bookingId = booked.body.id;
    chargedMinor = booked.body.breakdown?.totalMinor ?? booked.body.totalMinor;
    // Room 120.00 + 2 seats × 15.00 + 2 walks × 45.00 = 240.00, 10 % off.
    expect(chargedMinor).toBe(21_600);

    // billing knows the booking from bundling's held event.
    const checkout = await waitFor(
      () =>
        call(p.base, 'POST', `/api/billing/packages/${packageId}/checkout`, { ...as(traveller), body: { bookingId } }),
      (res) => res.status !== 404,
      15_000,
    );
    expect([200, 201], JSON.stringify(checkout.body)).toContain(checkout.status);
    expect(checkout.body).toMatchObject({ amountMinor: 21_600, currency: 'EUR', mode: 'emulator' });
    const paymentId: string = checkout.body.paymentId;
    const again = await call(p.base, 'POST', `/api/billing/packages/${packageId}/checkout`, {
      ...as(traveller),
      body: { bookingId },
    });
    expect(again.body.paymentIntentId).toBe(checkout.body.paymentIntentId);

    const someoneElse = await signUp(p.base, 'traveller');
    const foreign = await call(p.base, 'POST', `/api/billing/packages/${packageId}/checkout`, {
      ...as(someoneElse),
      body: { bookingId },
    });
    expect(foreign.status).toBe(404);

    const declined = await call(p.base, 'POST', `/api/billing/payments/${paymentId}/confirm`, {
      ...as(traveller),
      body: { paymentMethod: 'pm_card_chargeDeclined' },
    });
    expect(declined.status, JSON.stringify(declined.body)).toBe(402);
    expect(declined.body.code).toBe('card_declined');

    const paid = await call(p.base, 'POST', `/api/billing/payments/${paymentId}/confirm`, {
      ...as(traveller),
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);

    const confirmed = await waitFor(
      () => call(p.base, 'GET', `/api/bookings/${bookingId}`, as(traveller)),
      (res) => res.body?.status === 'confirmed',
      20_000,
    );
    expect(confirmed.body.status).toBe('confirmed');
    const payment = await call(p.base, 'GET', `/api/billing/payments/booking/${bookingId}`, as(traveller));
    expect(payment.body).toMatchObject({ status: 'succeeded', amountMinor: 21_600, amountRefundedMinor: 0 });
  });

  it('each partner gets one transfer; transfers + platform fee = the charge, at Stripe and in the ledger', async () => {
    const sent = await waitFor(
      () =>
        sql<{ partner_id: string; amount_minor: string; stripe_transfer_id: string }>(
          "SELECT partner_id, amount_minor, stripe_transfer_id FROM billing.transfers WHERE booking_id = $1 AND status = 'sent'",
          [bookingId],
        ),
      (rows) => rows.length === 3,
      20_000,
    );
    expect(new Set(sent.map((t) => t.partner_id))).toEqual(
      new Set([hotel.partnerId, ferry.partnerId, agency.partnerId]),
    );
    // The bundled suppliers are paid what their contracts with the agency say, in full: the room's
    // net rate, the ferry's two seats less the agency's 20 % commission. The agency, which sells
    // the package, pays the platform's fee from its own earnings.
    const sentTo = (partnerId: string) => Number(sent.find((t) => t.partner_id === partnerId)!.amount_minor);
    expect(sentTo(hotel.partnerId)).toBe(10_000);
    expect(sentTo(ferry.partnerId)).toBe(2 * 1_500 - 600);
    const transferred = sent.reduce((s, t) => s + Number(t.amount_minor), 0);
    const [fees] = await sql<{ fee: string }>(
      'SELECT sum(fee_minor) AS fee FROM billing.booking_splits WHERE booking_id = $1',
      [bookingId],
    );
    expect(transferred + Number(fees!.fee)).toBe(chargedMinor);

    const atStripe = await p.stripe!.sdk.transfers.list({ transfer_group: bookingId, limit: 10 });
    expect(atStripe.data).toHaveLength(3);
    expect(atStripe.data.reduce((s, t) => s + t.amount, 0)).toBe(transferred);

    // The hotel sees its transfer in its Payouts page.
    const hotelTransfers = await call(p.base, 'GET', '/api/billing/partner/transfers', as(hotel.owner));
    expect(hotelTransfers.status, JSON.stringify(hotelTransfers.body)).toBe(200);
    const items = hotelTransfers.body.items ?? hotelTransfers.body;
    expect(items.map((t: { bookingId: string }) => t.bookingId)).toContain(bookingId);

    const unbalanced = await sql(
      'SELECT journal_id FROM billing.ledger_entries GROUP BY journal_id, currency HAVING sum(debit_minor) <> sum(credit_minor)',
    );
    expect(unbalanced).toEqual([]);
  });

  it('the traveller downloads the receipt; nobody else can', async () => {
    const receipt = await fetch(`${p.base}/api/billing/receipts/${bookingId}?lang=it`, {
      headers: { authorization: `Bearer ${traveller.token}`, 'x-forwarded-for': traveller.ip },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await receipt.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const foreign = await call(p.base, 'GET', `/api/billing/receipts/${bookingId}`, as(hotel.owner));
    expect(foreign.status).toBe(404);
  });

  it('cancelling refunds 40 % and reverses every partner’s transfer pro rata', async () => {
    const cancelled = await call(p.base, 'POST', `/api/bookings/${bookingId}/cancel`, as(traveller));
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const refundMinor = Math.floor((chargedMinor * 40) / 100);

    const payment = await waitFor(
      () => call(p.base, 'GET', `/api/billing/payments/booking/${bookingId}`, as(traveller)),
      (res) => res.body?.amountRefundedMinor === refundMinor,
      20_000,
    );
    expect(payment.body.amountRefundedMinor).toBe(refundMinor);

    const reversals = await waitFor(
      () =>
        sql<{ partner_id: string; amount_minor: string }>(
          "SELECT partner_id, amount_minor FROM billing.transfer_reversals WHERE booking_id = $1 AND status = 'succeeded'",
          [bookingId],
        ),
      (rows) => rows.length === 3,
      20_000,
    );
    const [refund] = await sql<{ amount_minor: string; platform_refund_minor: string }>(
      'SELECT amount_minor, platform_refund_minor FROM billing.refunds WHERE booking_id = $1',
      [bookingId],
    );
    const reversed = reversals.reduce((s, r) => s + Number(r.amount_minor), 0);
    expect(reversed + Number(refund!.platform_refund_minor)).toBe(refundMinor);
    // Pro rata: each partner gives back 40 % of its transfer, within a cent of rounding.
    const transfers = await sql<{ partner_id: string; amount_minor: string; amount_reversed_minor: string }>(
      'SELECT partner_id, amount_minor, amount_reversed_minor FROM billing.transfers WHERE booking_id = $1',
      [bookingId],
    );
    for (const t of transfers) {
      const back = Number(reversals.find((r) => r.partner_id === t.partner_id)!.amount_minor);
      expect(Math.abs(back - Number(t.amount_minor) * 0.4)).toBeLessThanOrEqual(1);
    }
    const atStripe = await p.stripe!.sdk.transfers.list({ transfer_group: bookingId, limit: 10 });
    expect(atStripe.data.reduce((s, t) => s + t.amount_reversed, 0)).toBe(reversed);

    const unbalanced = await sql(
      'SELECT journal_id FROM billing.ledger_entries GROUP BY journal_id, currency HAVING sum(debit_minor) <> sum(credit_minor)',
    );
    expect(unbalanced).toEqual([]);
  });

  it('the admin’s reconciliation finds no mismatch', async () => {
    const started = await call(p.base, 'POST', '/api/admin/billing/reconcile', as(admin));
    expect([200, 202], JSON.stringify(started.body)).toContain(started.status);
    const runId: string = started.body.runId ?? started.body.id;
    const result = await waitFor(
      () => call(p.base, 'GET', '/api/admin/billing/reconciliation', as(admin)),
      (res) => res.body?.runs?.find((r: { id: string }) => r.id === runId)?.status !== 'running',
      30_000,
    );
    const run = result.body.runs.find((r: { id: string }) => r.id === runId);
    expect(run.status, JSON.stringify(result.body)).toBe('succeeded');
    expect(run.bookingsChecked).toBeGreaterThanOrEqual(1);
    expect(run.mismatchCount, JSON.stringify(result.body.latest)).toBe(0);
  });
});
