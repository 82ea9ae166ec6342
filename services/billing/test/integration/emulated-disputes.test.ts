// A dispute as Stripe's test card makes it, end to end: paid with pm_card_createDispute, the
// emulator opens the dispute on the charge and delivers the signed charge.dispute.created;
// billing freezes the booking's unsent transfers and lists the dispute for the admin; the
// evidence decides it (charge.dispute.closed) — won releases the transfers, lost keeps them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedEvent, heldEvent, testBooking } from '../support/booking-events.ts';
import { startBillingHarness, type BillingHarness, type TestPartner, type TestUser } from '../support/harness.ts';

/** The emulator opens a test dispute this long (its clock) after the charge. */
const DISPUTE_DELAY_SECONDS = 30;

describe('disputes from the emulator’s dispute card', () => {
  let h: BillingHarness;
  let seller: TestPartner;
  let supplier: TestPartner;
  let traveller: TestUser;
  let adminToken: string;

  beforeAll(async () => {
    h = await startBillingHarness('billing_emulated_disputes');
    [seller, supplier] = [await h.partner(), await h.partner()];
    traveller = await h.user();
    adminToken = (await h.user(['admin'])).token;
  });

  afterAll(async () => {
    await h?.close();
  });

  /**
   * Booked, paid with the dispute card, confirmed by bundling (transfers scheduled), then
   * disputed; with `disputeFirst` the dispute reaches billing before bundling's confirmation.
   */
  async function disputedBooking(options: { disputeFirst?: boolean } = {}) {
    const booking = testBooking({
      userId: traveller.id,
      sellerPartnerId: seller.partnerId,
      lines: [
        { partnerId: seller.partnerId, netMinor: 18_000 },
        { partnerId: supplier.partnerId, itemType: 'service', netMinor: 12_000, supplierShareMinor: 10_000 },
      ],
    });
    await h.deliver(heldEvent(booking));
    const checkout = await h.call('POST', `/api/billing/packages/${booking.packageId}/checkout`, {
      token: traveller.token,
      body: { bookingId: booking.bookingId },
    });
    expect(checkout.status, JSON.stringify(checkout.body)).toBe(201);
    const confirm = await h.call('POST', `/api/billing/payments/${checkout.body.paymentId}/confirm`, {
      token: traveller.token,
      body: { paymentMethod: 'pm_card_createDispute' },
    });
    expect(confirm.body).toEqual({ status: 'succeeded' });
    await h.webhooksSettled();
    const confirmed = async () => h.deliver(confirmedEvent(booking, checkout.body.paymentIntentId));
    if (!options.disputeFirst) {
      await confirmed();
      expect(await transferStatuses(booking.bookingId)).toEqual(['scheduled', 'scheduled']);
    }
    h.emulator.state.advanceClock(DISPUTE_DELAY_SECONDS);
    await h.webhooksSettled();
    if (options.disputeFirst) await confirmed();
    const [charge] = await h.rows<{ charge_id: string }>('SELECT charge_id FROM billing.payments WHERE id = $1', [
      checkout.body.paymentId,
    ]);
    const [dispute] = (await h.stripe.disputes.list({ charge: charge!.charge_id })).data;
    expect(dispute).toBeDefined();
    return { booking, dispute: dispute! };
  }

  const transferStatuses = async (bookingId: string) =>
    (
      await h.rows<{ status: string }>(
        'SELECT status FROM billing.transfers WHERE booking_id = $1 ORDER BY partner_id',
        [bookingId],
      )
    ).map((t) => t.status);

  const adminDispute = async (id: string) => {
    const list = await h.call('GET', '/api/admin/billing/disputes', { token: adminToken });
    expect(list.status).toBe(200);
    return (list.body as Array<Record<string, unknown>>).find((d) => d.id === id);
  };

  it('freezes the booking’s transfers when the dispute arrives, and releases them when it is won', async () => {
    const { booking, dispute } = await disputedBooking();
    expect(await transferStatuses(booking.bookingId)).toEqual(['frozen', 'frozen']);
    expect((await h.queues.transfers()).sent).toBe(0);
    expect(await adminDispute(dispute.id)).toMatchObject({
      bookingId: booking.bookingId,
      amountMinor: 30_000,
      currency: 'EUR',
      status: 'needs_response',
      reason: 'fraudulent',
    });

    await h.stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'winning_evidence' } });
    await h.webhooksSettled();
    expect(await adminDispute(dispute.id)).toMatchObject({ status: 'won' });
    expect(await transferStatuses(booking.bookingId)).toEqual(['scheduled', 'scheduled']);
    expect((await h.queues.transfers()).sent).toBe(2);
    const sent = await h.stripe.transfers.list({ transfer_group: booking.bookingId });
    expect(sent.data).toHaveLength(2);
  });

  it('keeps the transfers frozen when the dispute is lost', async () => {
    const { booking, dispute } = await disputedBooking();
    await h.stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'losing_evidence' } });
    await h.webhooksSettled();
    expect(await adminDispute(dispute.id)).toMatchObject({ bookingId: booking.bookingId, status: 'lost' });
    expect(await transferStatuses(booking.bookingId)).toEqual(['frozen', 'frozen']);
    expect((await h.queues.transfers()).sent).toBe(0);
    expect((await h.stripe.transfers.list({ transfer_group: booking.bookingId })).data).toEqual([]);
  });

  it('creates the transfers frozen when the dispute reached billing before the booking’s confirmation', async () => {
    const { booking, dispute } = await disputedBooking({ disputeFirst: true });
    expect(await transferStatuses(booking.bookingId)).toEqual(['frozen', 'frozen']);
    expect((await h.queues.transfers()).sent).toBe(0);
    expect((await h.stripe.transfers.list({ transfer_group: booking.bookingId })).data).toEqual([]);

    await h.stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'winning_evidence' } });
    await h.webhooksSettled();
    expect(await transferStatuses(booking.bookingId)).toEqual(['scheduled', 'scheduled']);
    expect((await h.queues.transfers()).sent).toBe(2);
  });
});
