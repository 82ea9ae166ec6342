import { expect } from 'vitest';
import { confirmedEvent, heldEvent, testBooking, type TestBooking, type TestLine } from './booking-events.ts';
import type { BillingHarness, TestPartner, TestUser } from './harness.ts';

export interface PaidBooking {
  booking: TestBooking;
  paymentId: string;
  paymentIntentId: string;
  chargeId: string;
}

/**
 * The traveller's path to a paid booking: bundling's held event, checkout, the emulator's
 * test card (`paymentMethod`, Visa unless told), Stripe's webhooks delivered to billing.
 */
export async function payBooking(
  h: BillingHarness,
  traveller: TestUser,
  seller: TestPartner,
  lines: TestLine[],
  paymentMethod = 'pm_card_visa',
): Promise<PaidBooking> {
  const booking = testBooking({ userId: traveller.id, sellerPartnerId: seller.partnerId, lines });
  await h.deliver(heldEvent(booking));
  const checkout = await h.call('POST', `/api/billing/packages/${booking.packageId}/checkout`, {
    token: traveller.token,
    body: { bookingId: booking.bookingId },
  });
  expect(checkout.status, JSON.stringify(checkout.body)).toBe(201);
  const confirm = await h.call('POST', `/api/billing/payments/${checkout.body.paymentId}/confirm`, {
    token: traveller.token,
    body: { paymentMethod },
  });
  expect(confirm.body).toEqual({ status: 'succeeded' });
  await h.webhooksSettled();
  const [payment] = await h.rows<{ charge_id: string; status: string }>(
    'SELECT charge_id, status FROM billing.payments WHERE id = $1',
    [checkout.body.paymentId],
  );
  expect(payment!.status).toBe('succeeded');
  return {
    booking,
    paymentId: checkout.body.paymentId,
    paymentIntentId: checkout.body.paymentIntentId,
    chargeId: payment!.charge_id,
  };
}

/** Paid, then bundling's confirmation delivered: the transfers are scheduled. */
export async function payAndConfirm(
  h: BillingHarness,
  traveller: TestUser,
  seller: TestPartner,
  lines: TestLine[],
): Promise<PaidBooking> {
  const paid = await payBooking(h, traveller, seller, lines);
  await h.deliver(confirmedEvent(paid.booking, paid.paymentIntentId));
  return paid;
}

/** Every journal balances, and the booking's accounts (natural sides, minor units). */
export async function ledgerOf(h: BillingHarness, bookingId: string) {
  const unbalanced = await h.rows(
    `SELECT journal_id FROM billing.ledger_entries GROUP BY journal_id HAVING sum(debit_minor) <> sum(credit_minor)`,
  );
  expect(unbalanced).toEqual([]);
  const rows = await h.rows<{ account: string; partner_id: string | null; balance: string }>(
    `SELECT account, partner_id, sum(debit_minor) - sum(credit_minor) AS balance
       FROM billing.ledger_entries WHERE booking_id = $1 GROUP BY account, partner_id`,
    [bookingId],
  );
  const balance = (account: string, partnerId: string | null = null) =>
    Number(rows.find((r) => r.account === account && r.partner_id === partnerId)?.balance ?? 0);
  return { balance, rows };
}
