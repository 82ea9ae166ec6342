import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedEvent } from '../support/booking-events.ts';
import { startBillingHarness, type BillingHarness, type TestPartner, type TestUser } from '../support/harness.ts';
import { ledgerOf, payAndConfirm, payBooking } from '../support/money-flow.ts';

interface TransferRow {
  id: string;
  partner_id: string;
  amount_minor: string;
  status: string;
  attempts: number;
  stripe_transfer_id: string | null;
  idempotency_key: string;
  source_charge_id: string;
}

describe('transfers: each partner’s share sent once, whatever Stripe answers', () => {
  let h: BillingHarness;
  let seller: TestPartner;
  let roomSupplier: TestPartner;
  let boatSupplier: TestPartner;
  let traveller: TestUser;

  beforeAll(async () => {
    h = await startBillingHarness('billing_transfers');
    [seller, roomSupplier, boatSupplier] = [await h.partner(), await h.partner(), await h.partner()];
    traveller = await h.user();
  });

  afterAll(async () => {
    await h.control('DELETE', '/_emulator/faults');
    await h?.close();
  });

  const lines = () => [
    { partnerId: seller.partnerId, netMinor: 15_000 },
    { partnerId: roomSupplier.partnerId, itemType: 'service', netMinor: 30_001, supplierShareMinor: 25_500 },
    { partnerId: boatSupplier.partnerId, itemType: 'transport', netMinor: 4_999, supplierShareMinor: 4_000 },
  ];
  const total = 50_000;

  const transfersOf = (bookingId: string) =>
    h.rows<TransferRow>('SELECT * FROM billing.transfers WHERE booking_id = $1 ORDER BY partner_id', [bookingId]);
  const shareOf = async (bookingId: string, partnerId: string) =>
    Number(
      (
        await h.rows<{ s: string }>(
          'SELECT sum(share_minor) AS s FROM billing.booking_splits WHERE booking_id = $1 AND partner_id = $2',
          [bookingId, partnerId],
        )
      )[0]!.s,
    );
  const feeOf = async (bookingId: string) =>
    Number(
      (
        await h.rows<{ s: string }>('SELECT sum(fee_minor) AS s FROM billing.booking_splits WHERE booking_id = $1', [
          bookingId,
        ])
      )[0]!.s,
    );
  async function withFaults<T>(faults: Record<string, number>, run: () => Promise<T>): Promise<T> {
    await h.control('POST', '/_emulator/faults', faults);
    try {
      return await run();
    } finally {
      await h.control('DELETE', '/_emulator/faults');
    }
  }
  // A second in the past: the queue compares with Node's clock (whole milliseconds), and now() run
  // within the same millisecond (microseconds) could otherwise still be ahead of it.
  const dueNow = () =>
    h.rows("UPDATE billing.transfers SET next_attempt_at = now() - interval '1 second' WHERE status = 'scheduled'");

  it('sends the three shares after bundling confirms: Σ transfers + platform fee = the charge, to the cent', async () => {
    const paid = await payAndConfirm(h, traveller, seller, lines());
    const scheduled = await transfersOf(paid.booking.bookingId);
    expect(scheduled.map((t) => t.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    expect(new Set(scheduled.map((t) => t.source_charge_id))).toEqual(new Set([paid.chargeId]));

    const run = await h.queues.transfers();
    expect(run.sent).toBe(3);
    const sent = await transfersOf(paid.booking.bookingId);
    expect(sent.every((t) => t.status === 'sent' && t.stripe_transfer_id)).toBe(true);

    const atStripe = await h.stripe.transfers.list({ transfer_group: paid.booking.bookingId, limit: 100 });
    expect(atStripe.data).toHaveLength(3);
    const fee = await feeOf(paid.booking.bookingId);
    expect(atStripe.data.reduce((s, t) => s + t.amount, 0) + fee).toBe(total);
    for (const partner of [seller, roomSupplier, boatSupplier]) {
      const transfer = atStripe.data.find((t) => t.destination === partner.accountId);
      expect(transfer?.amount).toBe(await shareOf(paid.booking.bookingId, partner.partnerId));
      expect(transfer?.source_transaction).toBe(paid.chargeId);
    }

    const events = (await h.published('billing.transfer.sent.v1')).filter(
      (e) => (e.payload as { bookingId: string }).bookingId === paid.booking.bookingId,
    );
    expect(events).toHaveLength(3);
    const ledger = await ledgerOf(h, paid.booking.bookingId);
    for (const partner of [seller, roomSupplier, boatSupplier])
      expect(ledger.balance('partner_payable', partner.partnerId)).toBe(0);
    expect(-ledger.balance('platform_revenue')).toBe(fee);
    expect(ledger.balance('platform_cash') + ledger.balance('stripe_fees')).toBe(fee);

    expect((await h.queues.transfers()).sent).toBe(0);
    await h.webhooksSettled();
  });

  it('schedules once for a duplicate confirmation', async () => {
    const paid = await payBooking(h, traveller, seller, lines());
    await h.deliver(confirmedEvent(paid.booking, paid.paymentIntentId), 2);
    expect(await transfersOf(paid.booking.bookingId)).toHaveLength(3);
    await h.queues.transfers();
  });

  it('schedules when the confirmation overtook the payment’s webhook (both orders work)', async () => {
    const endpoints = await h.stripe.webhookEndpoints.list();
    for (const e of endpoints.data) await h.stripe.webhookEndpoints.update(e.id, { disabled: true });
    let paid;
    try {
      const { testBooking, heldEvent } = await import('../support/booking-events.ts');
      const booking = testBooking({ userId: traveller.id, sellerPartnerId: seller.partnerId, lines: lines() });
      await h.deliver(heldEvent(booking));
      const checkout = await h.call('POST', `/api/billing/packages/${booking.packageId}/checkout`, {
        token: traveller.token,
        body: { bookingId: booking.bookingId },
      });
      await h.call('POST', `/api/billing/payments/${checkout.body.paymentId}/confirm`, {
        token: traveller.token,
        body: { paymentMethod: 'pm_card_visa' },
      });
      paid = { booking, paymentIntentId: checkout.body.paymentIntentId as string };
    } finally {
      for (const e of endpoints.data) await h.stripe.webhookEndpoints.update(e.id, { disabled: false });
    }
    await h.deliver(confirmedEvent(paid.booking, paid.paymentIntentId));
    expect(await transfersOf(paid.booking.bookingId)).toHaveLength(0);
    const events = await h.stripe.events.list({ type: 'payment_intent.succeeded', limit: 100 });
    const succeeded = events.data.find((e) => (e.data.object as { id: string }).id === paid.paymentIntentId)!;
    const payload = JSON.stringify(succeeded);
    expect((await h.postWebhook(payload, { 'stripe-signature': h.sign(payload) })).status).toBe(200);
    expect(await transfersOf(paid.booking.bookingId)).toHaveLength(3);
    expect((await h.queues.transfers()).sent).toBe(3);
  });

  it('retries 429 and 500 answers with the same key: exactly one transfer per partner', async () => {
    const paid = await payAndConfirm(h, traveller, seller, lines());
    const limited = await withFaults({ error_429_rate: 1 }, () => h.queues.transfers());
    expect(limited).toEqual({ sent: 0, retried: 3, failed: 0 });
    let rows = await transfersOf(paid.booking.bookingId);
    expect(rows.every((t) => t.status === 'scheduled' && t.attempts === 1)).toBe(true);

    await dueNow();
    const broken = await withFaults({ error_500_rate: 1 }, () => h.queues.transfers());
    expect(broken).toEqual({ sent: 0, retried: 3, failed: 0 });

    await dueNow();
    expect((await h.queues.transfers()).sent).toBe(3);
    rows = await transfersOf(paid.booking.bookingId);
    expect(rows.map((t) => [t.status, t.attempts])).toEqual([
      ['sent', 3],
      ['sent', 3],
      ['sent', 3],
    ]);
    const atStripe = await h.stripe.transfers.list({ transfer_group: paid.booking.bookingId, limit: 100 });
    expect(atStripe.data).toHaveLength(3);
    expect(new Set(atStripe.data.map((t) => t.destination)).size).toBe(3);
  });

  it('does not transfer twice when Stripe made the transfer but its answer was lost', async () => {
    const paid = await payAndConfirm(h, traveller, seller, lines());
    const [first] = await transfersOf(paid.booking.bookingId);
    const account =
      first!.partner_id === seller.partnerId
        ? seller
        : first!.partner_id === roomSupplier.partnerId
          ? roomSupplier
          : boatSupplier;
    // The request reached Stripe and moved the money; billing never heard the answer.
    const lost = await h.stripe.transfers.create(
      {
        amount: Number(first!.amount_minor),
        currency: 'eur',
        destination: account.accountId,
        source_transaction: first!.source_charge_id,
        transfer_group: paid.booking.bookingId,
        metadata: { booking_id: paid.booking.bookingId, partner_id: first!.partner_id, transfer_id: first!.id },
      },
      { idempotencyKey: first!.idempotency_key },
    );
    expect((await h.queues.transfers()).sent).toBe(3);
    const rows = await transfersOf(paid.booking.bookingId);
    expect(rows.find((t) => t.id === first!.id)!.stripe_transfer_id).toBe(lost.id);
    const atStripe = await h.stripe.transfers.list({ transfer_group: paid.booking.bookingId, limit: 100 });
    expect(atStripe.data).toHaveLength(3);
  });

  it('waits for a partner whose account cannot receive transfers, and for a holding period', async () => {
    const late = await h.partner();
    const held = await h.partner({ holdingDays: 30 });
    const paid = await payAndConfirm(h, traveller, seller, [
      { partnerId: seller.partnerId, netMinor: 10_000 },
      { partnerId: late.partnerId, itemType: 'service', netMinor: 10_000, supplierShareMinor: 9_000 },
      { partnerId: held.partnerId, itemType: 'extra', netMinor: 2_000, supplierShareMinor: 1_800 },
    ]);
    // The late partner's account lost its transfers capability after the payment.
    await h.rows('UPDATE billing.partner_accounts SET transfers_active = false WHERE partner_id = $1', [
      late.partnerId,
    ]);
    expect((await h.queues.transfers()).sent).toBe(1);
    let rows = await transfersOf(paid.booking.bookingId);
    const status = (partnerId: string) => rows.find((t) => t.partner_id === partnerId)!.status;
    expect(status(seller.partnerId)).toBe('sent');
    expect(status(late.partnerId)).toBe('scheduled');
    expect(status(held.partnerId)).toBe('scheduled');
    await h.rows('UPDATE billing.partner_accounts SET transfers_active = true WHERE partner_id = $1', [late.partnerId]);
    expect((await h.queues.transfers()).sent).toBe(1);
    rows = await transfersOf(paid.booking.bookingId);
    expect(status(late.partnerId)).toBe('sent');
    expect(status(held.partnerId)).toBe('scheduled');
    const [holding] = await h.rows<{ available_after: Date }>(
      'SELECT available_after FROM billing.transfers WHERE booking_id = $1 AND partner_id = $2',
      [paid.booking.bookingId, held.partnerId],
    );
    expect(holding!.available_after.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it('nets the seller’s sponsored-placement spend from its transfer, in the ledger too', async () => {
    const advertiser = await h.partner();
    for (const [day, amount] of [
      ['2026-11-30', 1_250],
      ['2026-12-01', 700],
    ] as const) {
      await h.rows(
        `INSERT INTO billing.campaign_spend (event_id, partner_id, campaign_id, day, amount_minor, currency)
         VALUES (gen_random_uuid(), $1, gen_random_uuid(), $2, $3, 'EUR')`,
        [advertiser.partnerId, day, amount],
      );
    }
    const paid = await payAndConfirm(h, traveller, advertiser, [{ partnerId: advertiser.partnerId, netMinor: 10_000 }]);
    const share = await shareOf(paid.booking.bookingId, advertiser.partnerId);
    expect((await h.queues.transfers()).sent).toBe(1);
    const atStripe = await h.stripe.transfers.list({ transfer_group: paid.booking.bookingId });
    expect(atStripe.data.map((t) => t.amount)).toEqual([share - 1_950]);
    const spend = await h.rows<{ netted_transfer_id: string | null }>(
      'SELECT netted_transfer_id FROM billing.campaign_spend WHERE partner_id = $1',
      [advertiser.partnerId],
    );
    const [transfer] = await transfersOf(paid.booking.bookingId);
    expect(spend.map((s) => s.netted_transfer_id)).toEqual([transfer!.id, transfer!.id]);
    const ledger = await ledgerOf(h, paid.booking.bookingId);
    expect(ledger.balance('partner_payable', advertiser.partnerId)).toBe(0);
    expect(-ledger.balance('platform_revenue')).toBe((await feeOf(paid.booking.bookingId)) + 1_950);
    // A second booking of the same partner finds nothing left to net.
    const next = await payAndConfirm(h, traveller, advertiser, [{ partnerId: advertiser.partnerId, netMinor: 4_000 }]);
    await h.queues.transfers();
    const second = await h.stripe.transfers.list({ transfer_group: next.booking.bookingId });
    expect(second.data.map((t) => t.amount)).toEqual([await shareOf(next.booking.bookingId, advertiser.partnerId)]);
  });

  it('freezes a disputed booking’s unsent transfers and releases them when the dispute is won', async () => {
    const paid = await payAndConfirm(h, traveller, seller, lines());
    const dispute = (status: string, type: string) => {
      const payload = JSON.stringify({
        id: `evt_${type}_${paid.chargeId}`,
        object: 'event',
        type,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        api_version: '2026-10-28.endive',
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        data: {
          object: {
            id: `dp_${paid.chargeId}`,
            object: 'dispute',
            amount: total,
            currency: 'eur',
            charge: paid.chargeId,
            status,
            reason: 'fraudulent',
          },
        },
      });
      return h.postWebhook(payload, { 'stripe-signature': h.sign(payload) });
    };
    expect((await dispute('needs_response', 'charge.dispute.created')).status).toBe(200);
    let rows = await transfersOf(paid.booking.bookingId);
    expect(rows.map((t) => t.status)).toEqual(['frozen', 'frozen', 'frozen']);
    expect((await h.queues.transfers()).sent).toBe(0);
    const [row] = await h.rows<{ status: string; booking_id: string }>(
      'SELECT status, booking_id FROM billing.disputes WHERE charge_id = $1',
      [paid.chargeId],
    );
    expect(row).toEqual({ status: 'needs_response', booking_id: paid.booking.bookingId });
    expect((await dispute('won', 'charge.dispute.closed')).status).toBe(200);
    expect((await h.queues.transfers()).sent).toBe(3);
    rows = await transfersOf(paid.booking.bookingId);
    expect(rows.every((t) => t.status === 'sent')).toBe(true);
  });
});
