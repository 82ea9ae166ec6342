// 3-D Secure at the API level, as the portal drives it in emulator mode: confirm with the 3DS
// test card → requires_action with the bank's page (its return_url the booking's checkout
// page) → the traveller completes (or fails) it there → the signed webhook alone moves the payment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldEvent, testBooking } from '../support/booking-events.ts';
import { startBillingHarness, type BillingHarness, type TestPartner, type TestUser } from '../support/harness.ts';

describe('checkout with a card that asks for 3-D Secure', () => {
  let h: BillingHarness;
  let seller: TestPartner;
  let traveller: TestUser;

  beforeAll(async () => {
    h = await startBillingHarness('billing_three_d_secure', { PUBLIC_PORTAL_URL: 'http://portal.test:8080' });
    seller = await h.partner();
    traveller = await h.user();
  });

  afterAll(async () => {
    await h?.close();
  });

  async function challenged() {
    const booking = testBooking({
      userId: traveller.id,
      sellerPartnerId: seller.partnerId,
      lines: [{ partnerId: seller.partnerId, netMinor: 24_000 }],
    });
    await h.deliver(heldEvent(booking));
    const checkout = await h.call('POST', `/api/billing/packages/${booking.packageId}/checkout`, {
      token: traveller.token,
      body: { bookingId: booking.bookingId },
    });
    expect(checkout.body.testCards.map((c: { id: string }) => c.id)).toContain('pm_card_authenticationRequired');
    const confirm = await h.call('POST', `/api/billing/payments/${checkout.body.paymentId}/confirm`, {
      token: traveller.token,
      body: { paymentMethod: 'pm_card_authenticationRequired' },
    });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toEqual({ status: 'requires_action', redirectUrl: expect.any(String) });
    return { booking, paymentId: checkout.body.paymentId as string, bankPage: confirm.body.redirectUrl as string };
  }

  const paymentStatus = async (paymentId: string) =>
    (await h.rows<{ status: string }>('SELECT status FROM billing.payments WHERE id = $1', [paymentId]))[0]!.status;

  const answerBank = (url: string, outcome: 'complete' | 'fail') =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ outcome }).toString(),
      redirect: 'manual',
    });

  it('waits for the bank, then the webhook confirms the payment and publishes it', async () => {
    const { booking, paymentId, bankPage } = await challenged();
    await h.webhooksSettled();
    expect(await paymentStatus(paymentId)).toBe('requires_payment_method');
    expect((await fetch(bankPage)).status).toBe(200);

    const back = await answerBank(bankPage, 'complete');
    expect(back.status).toBe(303);
    const target = new URL(back.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(`http://portal.test:8080/checkout/${booking.bookingId}`);
    expect(target.searchParams.get('redirect_status')).toBe('succeeded');

    await h.webhooksSettled();
    expect(await paymentStatus(paymentId)).toBe('succeeded');
    const published = await h.published('billing.payment.succeeded.v1');
    expect(published.map((e) => (e.payload as { bookingId: string }).bookingId)).toContain(booking.bookingId);
    const payment = await h.call('GET', `/api/billing/payments/booking/${booking.bookingId}`, {
      token: traveller.token,
    });
    expect(payment.body).toMatchObject({ status: 'succeeded', amountMinor: 24_000 });
  });

  it('a failed authentication leaves the booking unpaid and payable with another card', async () => {
    const { booking, paymentId, bankPage } = await challenged();
    const back = await answerBank(bankPage, 'fail');
    expect(new URL(back.headers.get('location')!).searchParams.get('redirect_status')).toBe('failed');
    await h.webhooksSettled();
    expect(await paymentStatus(paymentId)).toBe('requires_payment_method');
    expect(
      (await h.published('billing.payment.succeeded.v1')).map((e) => (e.payload as { bookingId: string }).bookingId),
    ).not.toContain(booking.bookingId);

    const retry = await h.call('POST', `/api/billing/payments/${paymentId}/confirm`, {
      token: traveller.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(retry.body).toEqual({ status: 'succeeded' });
    await h.webhooksSettled();
    expect(await paymentStatus(paymentId)).toBe('succeeded');
  });
});
