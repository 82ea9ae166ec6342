import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBillingHarness, type BillingHarness, type TestPartner, type TestUser } from '../support/harness.ts';
import { ledgerOf, payBooking } from '../support/money-flow.ts';

describe('Stripe webhooks: verified, stored once, applied once', () => {
  let h: BillingHarness;
  let seller: TestPartner;
  let roomSupplier: TestPartner;
  let boatSupplier: TestPartner;
  let traveller: TestUser;

  beforeAll(async () => {
    h = await startBillingHarness('billing_webhooks');
    [seller, roomSupplier, boatSupplier] = [await h.partner(), await h.partner(), await h.partner()];
    traveller = await h.user();
  });

  afterAll(async () => {
    await h?.close();
  });

  const lines = () => [
    { partnerId: seller.partnerId, netMinor: 9_990 },
    { partnerId: roomSupplier.partnerId, itemType: 'service', netMinor: 24_000, supplierShareMinor: 20_400 },
    { partnerId: boatSupplier.partnerId, itemType: 'transport', netMinor: 3_333, supplierShareMinor: 2_999 },
  ];

  const storedEvents = async () =>
    Number((await h.rows<{ n: string }>('SELECT count(*) AS n FROM billing.stripe_events'))[0]!.n);

  /** The emulator's newest event of `type` about `objectId`. */
  async function stripeEvent(type: string, objectId: string): Promise<Stripe.Event> {
    const events = await h.stripe.events.list({ type, limit: 100 });
    const found = events.data.find((e) => (e.data.object as { id: string }).id === objectId);
    expect(found, `${type} for ${objectId}`).toBeDefined();
    return found!;
  }

  const post = (payload: string, headers: Record<string, string> = { 'stripe-signature': h.sign(payload) }) =>
    h.postWebhook(payload, headers);

  it('pays a 3-partner booking: the split and the ledger account for every cent of the charge', async () => {
    const paid = await payBooking(h, traveller, seller, lines());
    const total = 37_323;
    const published = (await h.published('billing.payment.succeeded.v1')).filter(
      (e) => (e.payload as { bookingId: string }).bookingId === paid.booking.bookingId,
    );
    expect(published).toHaveLength(1);
    expect(published[0]!.audience).toEqual([traveller.id]);
    expect(published[0]!.payload).toMatchObject({
      paymentId: paid.paymentId,
      userId: traveller.id,
      amountMinor: String(total),
      currency: 'EUR',
      paymentIntentId: paid.paymentIntentId,
      chargeId: paid.chargeId,
    });

    const splits = await h.rows<{
      partner_id: string;
      role: string;
      earning_minor: string;
      fee_minor: string;
      share_minor: string;
      fee_bps: number;
    }>(
      'SELECT partner_id, role, earning_minor, fee_minor, share_minor, fee_bps FROM billing.booking_splits WHERE booking_id = $1',
      [paid.booking.bookingId],
    );
    const sum = (key: 'earning_minor' | 'fee_minor' | 'share_minor') => splits.reduce((s, r) => s + Number(r[key]), 0);
    expect(sum('earning_minor')).toBe(total);
    expect(sum('share_minor') + sum('fee_minor')).toBe(total);
    // The seller pays the platform's 15 %; the bundled suppliers are charged nothing.
    expect(new Set(splits.filter((s) => s.role === 'seller').map((s) => s.fee_bps))).toEqual(new Set([1500]));
    for (const row of splits.filter((s) => s.role === 'supplier')) {
      expect([row.fee_bps, Number(row.fee_minor), row.share_minor]).toEqual([0, 0, row.earning_minor]);
    }
    expect(sum('fee_minor')).toBe(Math.round((total * 1500) / 10_000));
    // The room supplier earns its net rate; the seller keeps the margin on the room.
    const earning = (partnerId: string) =>
      splits.filter((s) => s.partner_id === partnerId).reduce((s, r) => s + Number(r.earning_minor), 0);
    expect(earning(roomSupplier.partnerId)).toBe(20_400);
    expect(earning(boatSupplier.partnerId)).toBe(2_999);
    expect(earning(seller.partnerId)).toBe(9_990 + 3_600 + 334);

    const charge = await h.stripe.charges.retrieve(paid.chargeId, { expand: ['balance_transaction'] });
    const stripeFee = (charge.balance_transaction as Stripe.BalanceTransaction).fee;
    expect(stripeFee).toBeGreaterThan(0);
    const ledger = await ledgerOf(h, paid.booking.bookingId);
    expect(ledger.balance('platform_cash')).toBe(total - stripeFee);
    expect(ledger.balance('stripe_fees')).toBe(stripeFee);
    expect(-ledger.balance('platform_revenue')).toBe(sum('fee_minor'));
    for (const partner of [seller, roomSupplier, boatSupplier]) {
      const share = splits
        .filter((s) => s.partner_id === partner.partnerId)
        .reduce((s, r) => s + Number(r.share_minor), 0);
      expect(-ledger.balance('partner_payable', partner.partnerId)).toBe(share);
    }
    const receipt = await h.rows('SELECT number FROM billing.receipts WHERE booking_id = $1', [paid.booking.bookingId]);
    expect(receipt).toHaveLength(1);
  });

  it('refuses an unsigned, a tampered and a stale delivery with 400 and stores nothing', async () => {
    const paid = await payBooking(h, traveller, seller, lines());
    const event = await stripeEvent('payment_intent.succeeded', paid.paymentIntentId);
    const forged = { ...event, id: 'evt_forged_1', type: 'charge.refunded' };
    const payload = JSON.stringify(forged);
    const before = await storedEvents();
    const tampered = JSON.stringify({ ...forged, id: 'evt_forged_2' });
    const stale = h.sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 400 });
    const foreign = h.sign(payload, { secret: 'whsec_notoursnotours' });
    for (const res of [
      await post(payload, {}),
      await post(tampered, { 'stripe-signature': h.sign(payload) }),
      await post(payload, { 'stripe-signature': stale }),
      await post(payload, { 'stripe-signature': foreign }),
      await post(payload, { 'stripe-signature': 'garbage' }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('webhook_signature_invalid');
    }
    expect(await storedEvents()).toBe(before);
    // The same bytes, signed now, are accepted: the refusals were the signature's doing.
    const ok = await post(payload);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ received: true });
  });

  it('applies a redelivered event and a second succeeded event for the same payment once', async () => {
    const paid = await payBooking(h, traveller, seller, lines());
    const event = await stripeEvent('payment_intent.succeeded', paid.paymentIntentId);
    const again = await post(JSON.stringify(event));
    expect(again.status).toBe(200);
    const second = { ...event, id: `${event.id}_again` };
    expect((await post(JSON.stringify(second))).status).toBe(200);
    const outcomes = await h.rows<{ id: string; outcome: string }>(
      'SELECT id, outcome FROM billing.stripe_events WHERE id = ANY($1) ORDER BY id',
      [[event.id, second.id]],
    );
    expect(outcomes).toEqual([
      { id: event.id, outcome: 'applied' },
      { id: second.id, outcome: 'duplicate: payment already succeeded' },
    ]);
    const published = (await h.published('billing.payment.succeeded.v1')).filter(
      (e) => (e.payload as { bookingId: string }).bookingId === paid.booking.bookingId,
    );
    expect(published).toHaveLength(1);
    const journals = await h.rows('SELECT kind FROM billing.ledger_journals WHERE booking_id = $1', [
      paid.booking.bookingId,
    ]);
    expect(journals.map((j) => (j as { kind: string }).kind).sort()).toEqual(['payment_captured', 'stripe_fee']);
  });

  it('stores an event type it does not handle as ignored', async () => {
    const payload = JSON.stringify({
      id: 'evt_unknown_type_1',
      object: 'event',
      type: 'customer.created',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      api_version: '2026-10-28.endive',
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: 'cus_1', object: 'customer' } },
    });
    expect((await post(payload)).status).toBe(200);
    const [row] = await h.rows<{ outcome: string; processed_at: Date | null }>(
      "SELECT outcome, processed_at FROM billing.stripe_events WHERE id = 'evt_unknown_type_1'",
    );
    expect(row!.outcome).toBe('ignored: type not handled');
    expect(row!.processed_at).not.toBeNull();
  });

  it('answers a body that is not JSON with 400, never 5xx', async () => {
    const res = await post('not json at all');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('webhook_signature_invalid');
  });
});
