import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelledEvent, expiredEvent, heldEvent, testBooking, type TestBooking } from '../support/booking-events.ts';
import { startBillingHarness, type BillingHarness, type TestPartner, type TestUser } from '../support/harness.ts';
import { ledgerOf, payAndConfirm, payBooking } from '../support/money-flow.ts';

interface RefundIssued {
  refundId: string;
  bookingId: string;
  amountMinor: string;
  chargedMinor: string;
  reason: string;
  platformRefundMinor: string;
  reversals: { partnerId: string; transferId: string; amountMinor: string }[];
}

describe('refunds: the traveller gets the policy’s refund, the partners and the platform give back their parts', () => {
  let h: BillingHarness;
  let seller: TestPartner;
  let roomSupplier: TestPartner;
  let boatSupplier: TestPartner;
  let traveller: TestUser;

  beforeAll(async () => {
    h = await startBillingHarness('billing_refunds');
    [seller, roomSupplier, boatSupplier] = [await h.partner(), await h.partner(), await h.partner()];
    traveller = await h.user();
  });

  afterAll(async () => {
    await h?.close();
  });

  const lines = () => [
    { partnerId: seller.partnerId, netMinor: 15_000 },
    { partnerId: roomSupplier.partnerId, itemType: 'service', netMinor: 30_001, supplierShareMinor: 25_500 },
    { partnerId: boatSupplier.partnerId, itemType: 'transport', netMinor: 4_999, supplierShareMinor: 4_000 },
  ];
  const total = 50_000;
  /**
   * bundling's 40 % refund attributed by what each partner is owed (Σ = 20 000): the suppliers
   * their net rates, the seller its own line and its margins (15 000 + 4 501 + 999).
   */
  const fortyPercent = () => [
    { partnerId: seller.partnerId, refundMinor: 8_200 },
    { partnerId: roomSupplier.partnerId, refundMinor: 10_200 },
    { partnerId: boatSupplier.partnerId, refundMinor: 1_600 },
  ];

  const issuedFor = async (bookingId: string) =>
    (await h.published('billing.refund.issued.v1')).filter((e) => (e.payload as RefundIssued).bookingId === bookingId);
  const refundsOf = (bookingId: string) =>
    h.rows<{ id: string; amount_minor: string; platform_refund_minor: string; status: string; reason: string }>(
      'SELECT id, amount_minor, platform_refund_minor, status, reason FROM billing.refunds WHERE booking_id = $1',
      [bookingId],
    );
  const sharesOf = async (bookingId: string) =>
    new Map(
      (
        await h.rows<{ partner_id: string; s: string }>(
          'SELECT partner_id, sum(share_minor) AS s FROM billing.booking_splits WHERE booking_id = $1 GROUP BY partner_id',
          [bookingId],
        )
      ).map((r) => [r.partner_id, Number(r.s)]),
    );

  it('refunds 40 % after the transfers went out: Stripe refund, reversals pro rata, ledger balanced, event published', async () => {
    const paid = await payAndConfirm(h, traveller, seller, lines());
    expect((await h.queues.transfers()).sent).toBe(3);
    const cancel = cancelledEvent(paid.booking, { refundMinor: 20_000, partnerRefunds: fortyPercent() });
    await h.deliver(cancel, 2);
    const [refund] = await refundsOf(paid.booking.bookingId);
    expect(await refundsOf(paid.booking.bookingId)).toHaveLength(1);
    expect(refund).toMatchObject({ amount_minor: '20000', status: 'pending', reason: 'booking_cancelled' });

    const run = await h.queues.refunds();
    expect(run).toEqual({ sent: 4, retried: 0, failed: 0 });
    const refunds = await h.stripe.refunds.list({ payment_intent: paid.paymentIntentId });
    expect(refunds.data.map((r) => r.amount)).toEqual([20_000]);

    const transfers = await h.stripe.transfers.list({ transfer_group: paid.booking.bookingId, limit: 100 });
    const shares = await sharesOf(paid.booking.bookingId);
    const reversed = transfers.data.reduce((s, t) => s + t.amount_reversed, 0);
    const platformRefund = Number(refund!.platform_refund_minor);
    expect(reversed + platformRefund).toBe(20_000);
    for (const t of transfers.data) {
      // Each partner gives back 40 % of its share, within the one unit largest remainder moves.
      expect(Math.abs(t.amount_reversed - 0.4 * t.amount)).toBeLessThanOrEqual(1);
      expect(t.amount).toBe(shares.get(t.metadata!.partner_id!));
    }

    const [issued] = await issuedFor(paid.booking.bookingId);
    expect(issued!.audience).toEqual([traveller.id]);
    const payload = issued!.payload as RefundIssued;
    expect(payload).toMatchObject({ amountMinor: '20000', chargedMinor: String(total), reason: 'booking_cancelled' });
    expect(payload.reversals.reduce((s, r) => s + Number(r.amountMinor), 0) + Number(payload.platformRefundMinor)).toBe(
      20_000,
    );
    expect(payload.reversals).toHaveLength(3);

    await h.webhooksSettled();
    const ledger = await ledgerOf(h, paid.booking.bookingId);
    expect(ledger.balance('refunds')).toBe(0);
    for (const p of [seller, roomSupplier, boatSupplier])
      expect(ledger.balance('partner_payable', p.partnerId)).toBe(0);
    const charge = await h.stripe.charges.retrieve(paid.chargeId, { expand: ['balance_transaction'] });
    const stripeFee = (charge.balance_transaction as Stripe.BalanceTransaction).fee;
    const sent = transfers.data.reduce((s, t) => s + t.amount, 0);
    expect(ledger.balance('platform_cash')).toBe(total - stripeFee - sent - 20_000 + reversed);

    const view = await h.call('GET', `/api/billing/payments/booking/${paid.booking.bookingId}`, {
      token: traveller.token,
    });
    expect(view.body).toMatchObject({
      amountRefundedMinor: 20_000,
      refunds: [{ amountMinor: 20_000, status: 'succeeded' }],
    });
    expect((await h.queues.refunds()).sent).toBe(0);
    // Stripe's own books (the emulator's) agree: money conserved across the platform and the partners.
    expect(await h.control('GET', '/_emulator/reconcile')).toMatchObject({ ok: true });
  });

  it('gives one result whatever order and however often the refund’s webhooks arrive', async () => {
    const paid = await payAndConfirm(h, traveller, seller, lines());
    await h.queues.transfers();
    await h.deliver(cancelledEvent(paid.booking, { refundMinor: 20_000, partnerRefunds: fortyPercent() }));
    await h.queues.refunds();
    await h.webhooksSettled();
    const events = async (type: string) =>
      (await h.stripe.events.list({ type, limit: 100 })).data.filter((e) => {
        const object = e.data.object as { id: string; payment_intent?: string; charge?: string };
        return object.payment_intent === paid.paymentIntentId || object.id === paid.chargeId;
      });
    const refundEvents = [...(await events('refund.updated')), ...(await events('refund.created'))];
    const chargeRefunded = await events('charge.refunded');
    expect(chargeRefunded).toHaveLength(1);
    expect(refundEvents.length).toBeGreaterThan(0);
    // Replayed newest-first, and as new deliveries (other event ids) of the same facts.
    for (const event of [...chargeRefunded, ...refundEvents].flatMap((e) => [e, { ...e, id: `${e.id}_late` }])) {
      const payload = JSON.stringify(event);
      expect((await h.postWebhook(payload, { 'stripe-signature': h.sign(payload) })).status).toBe(200);
    }
    const [payment] = await h.rows<{ amount_refunded_minor: string }>(
      'SELECT amount_refunded_minor FROM billing.payments WHERE id = $1',
      [paid.paymentId],
    );
    expect(payment!.amount_refunded_minor).toBe('20000');
    expect(await refundsOf(paid.booking.bookingId)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount_minor: '20000' }),
    ]);
    expect(await issuedFor(paid.booking.bookingId)).toHaveLength(1);
    const ledger = await ledgerOf(h, paid.booking.bookingId);
    expect(ledger.balance('refunds')).toBe(0);
  });

  it('refuses a refund above what remains refundable, without asking Stripe', async () => {
    const paid = await payAndConfirm(h, traveller, seller, lines());
    await h.queues.transfers();
    await h.deliver(cancelledEvent(paid.booking, { refundMinor: 20_000, partnerRefunds: fortyPercent() }));
    await h.queues.refunds();
    await h.deliver(cancelledEvent(paid.booking, { refundMinor: 30_001, reason: 'admin' }));
    expect(await refundsOf(paid.booking.bookingId)).toHaveLength(1);
    expect((await h.queues.refunds()).sent).toBe(0);
    const atStripe = await h.stripe.refunds.list({ payment_intent: paid.paymentIntentId });
    expect(atStripe.data).toHaveLength(1);
    const refused = await h.rows<{ data: { requestedMinor: number; alreadyRefundedMinor: number } }>(
      "SELECT data FROM billing.audit_log WHERE action = 'refund.refused' AND entity_id = $1",
      [paid.booking.bookingId],
    );
    expect(refused.map((r) => r.data)).toEqual([
      expect.objectContaining({ requestedMinor: 30_001, alreadyRefundedMinor: 20_000 }),
    ]);
  });

  it('withholds the partners’ parts from transfers that had not gone out yet (no reversal needed)', async () => {
    const paid = await payAndConfirm(h, traveller, seller, lines());
    const shares = await sharesOf(paid.booking.bookingId);
    await h.deliver(cancelledEvent(paid.booking, { refundMinor: 20_000, partnerRefunds: fortyPercent() }));
    expect((await h.queues.refunds()).failed).toBe(0);
    expect((await h.queues.transfers()).sent).toBe(3);
    const transfers = await h.stripe.transfers.list({ transfer_group: paid.booking.bookingId, limit: 100 });
    expect(transfers.data.every((t) => t.amount_reversed === 0)).toBe(true);
    const [refund] = await refundsOf(paid.booking.bookingId);
    const withheld = [...shares.values()].reduce((a, b) => a + b, 0) - transfers.data.reduce((s, t) => s + t.amount, 0);
    expect(withheld + Number(refund!.platform_refund_minor)).toBe(20_000);
    await h.webhooksSettled();
    const ledger = await ledgerOf(h, paid.booking.bookingId);
    for (const p of [seller, roomSupplier, boatSupplier])
      expect(ledger.balance('partner_payable', p.partnerId)).toBe(0);
    expect(ledger.balance('refunds')).toBe(0);
  });

  it('refunds the whole payment of a booking bundling could not confirm (sold out), reason not_confirmable', async () => {
    const paid = await payBooking(h, traveller, seller, lines());
    await h.deliver(
      cancelledEvent(paid.booking, { refundMinor: total, reason: 'sold_out', paymentIntentId: paid.paymentIntentId }),
    );
    expect((await h.queues.refunds()).sent).toBe(1);
    const [refund] = await refundsOf(paid.booking.bookingId);
    expect(refund).toMatchObject({ amount_minor: String(total), reason: 'not_confirmable', status: 'succeeded' });
    const intent = await h.stripe.paymentIntents.retrieve(paid.paymentIntentId, { expand: ['latest_charge'] });
    expect((intent.latest_charge as Stripe.Charge).amount_refunded).toBe(total);
    const [issued] = await issuedFor(paid.booking.bookingId);
    const payload = issued!.payload as RefundIssued;
    expect(payload.reason).toBe('not_confirmable');
    expect(payload.reversals.reduce((s, r) => s + Number(r.amountMinor), 0) + Number(payload.platformRefundMinor)).toBe(
      total,
    );
    expect(
      await h.rows('SELECT 1 FROM billing.transfers WHERE booking_id = $1', [paid.booking.bookingId]),
    ).toHaveLength(0);
    await h.webhooksSettled();
    const ledger = await ledgerOf(h, paid.booking.bookingId);
    expect(ledger.balance('refunds')).toBe(0);
    for (const p of [seller, roomSupplier, boatSupplier])
      expect(ledger.balance('partner_payable', p.partnerId)).toBe(0);
  });

  async function checkedOut(): Promise<{ booking: TestBooking; paymentIntentId: string }> {
    const booking = testBooking({ userId: traveller.id, sellerPartnerId: seller.partnerId, lines: lines() });
    await h.deliver(heldEvent(booking));
    const res = await h.call('POST', `/api/billing/packages/${booking.packageId}/checkout`, {
      token: traveller.token,
      body: { bookingId: booking.bookingId },
    });
    return { booking, paymentIntentId: res.body.paymentIntentId };
  }

  it('cancels the PaymentIntent of a booking that expired or was cancelled before it was paid', async () => {
    const expiring = await checkedOut();
    await h.deliver(expiredEvent(expiring.booking, expiring.paymentIntentId), 2);
    expect((await h.stripe.paymentIntents.retrieve(expiring.paymentIntentId)).status).toBe('canceled');
    const [row] = await h.rows<{ status: string }>('SELECT status FROM billing.bookings WHERE id = $1', [
      expiring.booking.bookingId,
    ]);
    expect(row!.status).toBe('expired');

    const cancelled = await checkedOut();
    await h.deliver(cancelledEvent(cancelled.booking, { refundMinor: 0 }));
    expect((await h.stripe.paymentIntents.retrieve(cancelled.paymentIntentId)).status).toBe('canceled');
    await h.webhooksSettled();
    const payments = await h.rows<{ status: string }>(
      'SELECT status FROM billing.payments WHERE booking_id = ANY($1)',
      [[expiring.booking.bookingId, cancelled.booking.bookingId]],
    );
    expect(payments.map((p) => p.status)).toEqual(['canceled', 'canceled']);
    expect(
      await h.rows('SELECT 1 FROM billing.refunds WHERE booking_id = $1', [cancelled.booking.bookingId]),
    ).toHaveLength(0);
  });

  it('keeps a paid booking’s payment when an expiry arrives after the payment (bundling decides)', async () => {
    const paid = await payBooking(h, traveller, seller, lines());
    await h.deliver(expiredEvent(paid.booking, paid.paymentIntentId));
    expect((await h.stripe.paymentIntents.retrieve(paid.paymentIntentId)).status).toBe('succeeded');
    const [row] = await h.rows<{ status: string }>('SELECT status FROM billing.payments WHERE id = $1', [
      paid.paymentId,
    ]);
    expect(row!.status).toBe('succeeded');
  });
});
