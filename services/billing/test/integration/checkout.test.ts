import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldEvent, testBooking, type TestBooking } from '../support/booking-events.ts';
import { startBillingHarness, type BillingHarness, type TestPartner, type TestUser } from '../support/harness.ts';

describe('checkout: one PaymentIntent per held booking, for its traveller only', () => {
  let h: BillingHarness;
  let seller: TestPartner;
  let supplier: TestPartner;
  let traveller: TestUser;

  beforeAll(async () => {
    h = await startBillingHarness('billing_checkout');
    seller = await h.partner();
    supplier = await h.partner();
    traveller = await h.user();
  });

  afterAll(async () => {
    await h?.close();
  });

  async function held(options: { holdExpiresAt?: Date; userId?: string; supplierPartner?: TestPartner } = {}) {
    const booking = testBooking({
      userId: options.userId ?? traveller.id,
      sellerPartnerId: seller.partnerId,
      holdExpiresAt: options.holdExpiresAt,
      lines: [
        { partnerId: seller.partnerId, netMinor: 12_000 },
        {
          partnerId: (options.supplierPartner ?? supplier).partnerId,
          itemType: 'service',
          netMinor: 8_000,
          supplierShareMinor: 6_500,
        },
      ],
    });
    await h.deliver(heldEvent(booking));
    return booking;
  }

  const checkout = (booking: TestBooking, user: TestUser = traveller, packageId = booking.packageId) =>
    h.call('POST', `/api/billing/packages/${packageId}/checkout`, {
      token: user.token,
      body: { bookingId: booking.bookingId },
    });

  it('creates the intent for the booking’s amount, with the emulator’s test cards', async () => {
    const booking = await held();
    const res = await checkout(booking);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      bookingId: booking.bookingId,
      amountMinor: 20_000,
      currency: 'EUR',
      status: 'requires_payment_method',
      mode: 'emulator',
      publishableKey: null,
      holdExpiresAt: booking.holdExpiresAt.toISOString(),
    });
    expect(res.body.testCards.map((c: { id: string }) => c.id)).toContain('pm_card_visa');
    const intent = await h.stripe.paymentIntents.retrieve(res.body.paymentIntentId);
    expect(intent).toMatchObject({ amount: 20_000, currency: 'eur', transfer_group: booking.bookingId });
    expect(intent.metadata).toMatchObject({ booking_id: booking.bookingId, user_id: traveller.id });
    expect(intent.client_secret).toBe(res.body.clientSecret);
  });

  it('answers a second checkout with the same intent, and two at once with one', async () => {
    const booking = await held();
    const [a, b] = await Promise.all([checkout(booking), checkout(booking)]);
    const again = await checkout(booking);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(again.status).toBe(200);
    expect(new Set([a.body.paymentIntentId, b.body.paymentIntentId, again.body.paymentIntentId]).size).toBe(1);
    const rows = await h.rows('SELECT id FROM billing.payments WHERE booking_id = $1', [booking.bookingId]);
    expect(rows).toHaveLength(1);
    const intents = await h.stripe.paymentIntents.list({ limit: 100 });
    expect(intents.data.filter((i) => i.transfer_group === booking.bookingId)).toHaveLength(1);
  });

  it('refuses another traveller’s booking, an unknown one and the wrong package as booking_not_found', async () => {
    const booking = await held();
    const stranger = await h.user();
    for (const res of [
      await checkout(booking, stranger),
      await checkout({ ...booking, bookingId: crypto.randomUUID() }),
      await checkout(booking, traveller, crypto.randomUUID()),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('booking_not_found');
    }
    expect(await h.rows('SELECT 1 FROM billing.payments WHERE booking_id = $1', [booking.bookingId])).toHaveLength(0);
  });

  it('refuses a booking whose hold ran out (booking_expired) and creates no intent', async () => {
    const booking = await held({ holdExpiresAt: new Date(Date.now() - 1000) });
    const res = await checkout(booking);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('booking_expired');
    expect(await h.rows('SELECT 1 FROM billing.payments WHERE booking_id = $1', [booking.bookingId])).toHaveLength(0);
  });

  it('refuses a paid booking (booking_already_paid) and a card confirmation after that', async () => {
    const booking = await held();
    const created = await checkout(booking);
    const paid = await h.call('POST', `/api/billing/payments/${created.body.paymentId}/confirm`, {
      token: traveller.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toEqual({ status: 'succeeded' });
    await h.webhooksSettled();
    const res = await checkout(booking);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('booking_already_paid');
    const view = await h.call('GET', `/api/billing/payments/booking/${booking.bookingId}`, { token: traveller.token });
    expect(view.body).toMatchObject({ status: 'succeeded', amountMinor: 20_000, amountRefundedMinor: 0, refunds: [] });
  });

  it('publishes the payment with a signed receipt path that downloads the PDF without a token', async () => {
    const booking = await held();
    const created = await checkout(booking);
    const paid = await h.call('POST', `/api/billing/payments/${created.body.paymentId}/confirm`, {
      token: traveller.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(paid.body).toEqual({ status: 'succeeded' });
    await h.webhooksSettled();
    const [event] = (await h.published('billing.payment.succeeded.v1')).filter(
      (e) => (e.payload as { bookingId: string }).bookingId === booking.bookingId,
    );
    const receiptPath = (event!.payload as { receiptPath: string }).receiptPath;
    expect(receiptPath).toMatch(
      new RegExp(`^/api/billing/receipts/${booking.bookingId}/download\\?exp=\\d+&sig=[A-Za-z0-9_-]+$`),
    );
    // Notifications appends the recipient's language; no Authorization header.
    const res = await h.app.inject({ method: 'GET', url: `${receiptPath}&lang=fr` });
    expect(res.statusCode, res.payload).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.rawPayload ?? Buffer.from(res.payload, 'latin1')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses while a partner of the package cannot receive transfers yet (partner_payouts_not_ready)', async () => {
    const notReady = await h.partner({ transfersActive: false });
    const booking = await held({ supplierPartner: notReady });
    const res = await checkout(booking);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('partner_payouts_not_ready');
  });

  it('declines a refused card with its decline code; the booking stays payable and the failure is published once', async () => {
    const booking = await held();
    const created = await checkout(booking);
    const declined = await h.call('POST', `/api/billing/payments/${created.body.paymentId}/confirm`, {
      token: traveller.token,
      body: { paymentMethod: 'pm_card_insufficientFunds' },
    });
    expect(declined.status).toBe(402);
    expect(declined.body).toMatchObject({
      code: 'card_declined',
      errors: [{ path: 'paymentMethod', code: 'insufficient_funds' }],
    });
    await h.webhooksSettled();
    const failed = (await h.published('billing.payment.failed.v1')).filter(
      (e) => (e.payload as { bookingId: string }).bookingId === booking.bookingId,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.audience).toEqual([traveller.id]);
    expect(failed[0]!.payload).toMatchObject({
      failureCode: 'insufficient_funds',
      paymentIntentId: created.body.paymentIntentId,
    });
    const [payment] = await h.rows<{ status: string; last_error_code: string }>(
      'SELECT status, last_error_code FROM billing.payments WHERE booking_id = $1',
      [booking.bookingId],
    );
    expect(payment).toEqual({ status: 'requires_payment_method', last_error_code: 'insufficient_funds' });
    const retry = await checkout(booking);
    expect(retry.status).toBe(200);
    expect(retry.body.paymentIntentId).toBe(created.body.paymentIntentId);
    const ok = await h.call('POST', `/api/billing/payments/${created.body.paymentId}/confirm`, {
      token: traveller.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(ok.body).toEqual({ status: 'succeeded' });
  });

  it('does not let another traveller confirm or read the payment', async () => {
    const booking = await held();
    const created = await checkout(booking);
    const stranger = await h.user();
    const confirm = await h.call('POST', `/api/billing/payments/${created.body.paymentId}/confirm`, {
      token: stranger.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(confirm.status).toBe(404);
    expect(confirm.body.code).toBe('payment_not_found');
    const read = await h.call('GET', `/api/billing/payments/booking/${booking.bookingId}`, { token: stranger.token });
    expect(read.status).toBe(404);
    const intent = await h.stripe.paymentIntents.retrieve(created.body.paymentIntentId);
    expect(intent.status).toBe('requires_payment_method');
  });

  it('projects a duplicate held event once', async () => {
    const booking = testBooking({
      userId: traveller.id,
      sellerPartnerId: seller.partnerId,
      lines: [{ partnerId: seller.partnerId, netMinor: 5_000 }],
    });
    await h.deliver(heldEvent(booking), 2);
    const rows = await h.rows<{ total_minor: string; status: string; partner_ids: string[] }>(
      'SELECT total_minor, status, partner_ids FROM billing.bookings WHERE id = $1',
      [booking.bookingId],
    );
    expect(rows).toEqual([{ total_minor: '5000', status: 'held', partner_ids: [seller.partnerId] }]);
  });
});
