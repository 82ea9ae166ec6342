import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectHarness, type ConnectHarness, type TestPartner } from '../support/connect-harness.ts';

// Payouts of a partner's connected account on the emulator: money transferred to the account,
// the emulator's clock run to its automatic payout, and Stripe's payout events delivered as
// signed webhooks.
describe('payouts and the partner money routes', () => {
  let c: ConnectHarness;
  let partner: TestPartner;
  let accountId: string;

  beforeAll(async () => {
    c = await startConnectHarness('billing_payouts');
    partner = await c.partner();
    const onboarded = await c.call('POST', '/api/billing/connect/onboard', { token: partner.ownerToken, body: {} });
    accountId = onboarded.body.accountId;
    await fetch(`${c.emulatorUrl}/_emulator/accounts/${accountId}/onboard`, { method: 'POST' });
    // Platform funds available at once, then the partner's share moved to its account.
    await c.stripe.paymentIntents.create({
      amount: 20_000,
      currency: 'eur',
      payment_method: 'pm_card_bypassPending',
      confirm: true,
    });
    await c.stripe.transfers.create({ amount: 8_500, currency: 'eur', destination: accountId });
  }, 60_000);
  afterAll(() => c?.close());

  const advance = (body: Record<string, number>) =>
    fetch(`${c.emulatorUrl}/_emulator/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const payoutEvents = async (type: string) =>
    (await c.stripe.events.list({ type, limit: 10 }, { stripeAccount: accountId })).data;

  it('shows the connected account’s balance as the emulator has it', async () => {
    const res = await c.call('GET', '/api/billing/partner/balance', { token: partner.ownerToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stripeBalance = await c.stripe.balance.retrieve({}, { stripeAccount: accountId });
    const eur = (list: Stripe.Balance.Available[]) => list.find((f) => f.currency === 'eur')?.amount ?? 0;
    expect(res.body).toEqual([
      { currency: 'EUR', availableMinor: eur(stripeBalance.available), pendingMinor: eur(stripeBalance.pending) },
    ]);
    expect(eur(stripeBalance.available) + eur(stripeBalance.pending)).toBe(8_500);
  });

  it('payout.created then payout.paid → one row, paid, announced once to the partner’s members', async () => {
    await advance({ days: 3 });
    const [created] = await payoutEvents('payout.created');
    const [paid] = await payoutEvents('payout.paid');
    expect(created, 'the emulator made an automatic payout').toBeDefined();
    expect(paid, 'and paid it').toBeDefined();
    expect((await c.webhook(created!)).status).toBe(200);
    const pending = await c.call('GET', '/api/billing/partner/payouts', { token: partner.ownerToken });
    expect(pending.body).toHaveLength(1);
    expect(pending.body[0].status).toMatch(/pending|in_transit/);
    expect((await c.webhook(paid!)).status).toBe(200);
    // Delivered again, and an older event after it: nothing moves back, nothing is announced twice.
    expect((await c.webhook(paid!)).status).toBe(200);
    expect((await c.webhook(created!)).status).toBe(200);
    const payout = paid!.data.object as Stripe.Payout;
    const list = await c.call('GET', '/api/billing/partner/payouts', { token: partner.ownerToken });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        id: expect.any(String),
        amountMinor: payout.amount,
        currency: 'EUR',
        status: 'paid',
        arrivalAt: new Date(payout.arrival_date * 1000).toISOString(),
        periodStart: expect.any(String),
        periodEnd: new Date(payout.created * 1000).toISOString(),
        failureCode: null,
      },
    ]);
    expect(payout.amount).toBe(8_500);
    expect(Date.parse(list.body[0].periodStart)).toBeLessThan(Date.parse(list.body[0].periodEnd));
    const announced = await c.published('billing.payout.paid.v1');
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({
      audience: [partner.ownerId],
      payload: { partnerId: partner.partnerId, currency: 'EUR', stripePayoutId: payout.id },
    });
  });

  it('a failed payout keeps Stripe’s failure code', async () => {
    await fetch(`${c.emulatorUrl}/_emulator/accounts/${accountId}/payout_failure`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failure_code: 'account_closed' }),
    });
    await c.stripe.transfers.create({ amount: 1_000, currency: 'eur', destination: accountId });
    await advance({ days: 3 });
    const [failed] = await payoutEvents('payout.failed');
    expect(failed, 'the emulator failed the next payout').toBeDefined();
    expect((await c.webhook(failed!)).status).toBe(200);
    const list = await c.call('GET', '/api/billing/partner/payouts', { token: partner.ownerToken });
    const row = list.body.find((p: { status: string }) => p.status === 'failed');
    expect(row).toMatchObject({ amountMinor: 1_000, failureCode: 'account_closed' });
    expect(await c.published('billing.payout.paid.v1')).toHaveLength(1);
  });

  it('lists the partner’s transfers with the package title, newest first, a page after the cursor', async () => {
    const bookingIds = [randomUUID(), randomUUID()];
    const ids = [randomUUID(), randomUUID()];
    for (const [i, bookingId] of bookingIds.entries()) {
      await c.rows(
        `INSERT INTO billing.bookings (id, package_id, user_id, seller_partner_id, package_title, currency,
           subtotal_minor, total_minor, lines, partner_ids, hold_expires_at)
         VALUES ($1, $2, $3, $4, $5, 'EUR', 10000, 10000, '[]', ARRAY[$4]::uuid[], now())`,
        [bookingId, randomUUID(), randomUUID(), partner.partnerId, `Garda weekend ${i + 1}`],
      );
      await c.rows(
        `INSERT INTO billing.transfers (id, booking_id, partner_id, amount_minor, currency, status, source_charge_id,
           idempotency_key, created_at)
         VALUES ($1, $2, $3, $4, 'EUR', 'sent', 'ch_test', $5, now() - make_interval(mins => $6))`,
        [ids[i], bookingId, partner.partnerId, 4_000 + i, `transfer:${ids[i]}`, 10 - i],
      );
    }
    const first = await c.call('GET', '/api/billing/partner/transfers', { token: partner.ownerToken });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.map((t: { id: string }) => t.id)).toEqual([ids[1], ids[0]]);
    expect(first.body[0]).toMatchObject({
      bookingId: bookingIds[1],
      packageTitle: 'Garda weekend 2',
      amountMinor: 4_001,
      amountReversedMinor: 0,
      currency: 'EUR',
      status: 'sent',
    });
    const next = await c.call('GET', `/api/billing/partner/transfers?cursor=${ids[1]}`, { token: partner.ownerToken });
    expect(next.body.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
  });

  it('another partner’s member reads only its own (empty) payouts, balance and transfers', async () => {
    const other = await c.partner();
    const manager = await c.member(other.partnerId, 'manager');
    for (const token of [other.ownerToken, manager.token]) {
      expect((await c.call('GET', '/api/billing/partner/payouts', { token })).body).toEqual([]);
      expect((await c.call('GET', '/api/billing/partner/balance', { token })).body).toEqual([]);
      expect((await c.call('GET', '/api/billing/partner/transfers', { token })).body).toEqual([]);
    }
    const traveller = await c.h.tokens.sign({ roles: ['traveller'] });
    for (const path of ['payouts', 'balance', 'transfers']) {
      const res = await c.call('GET', `/api/billing/partner/${path}`, { token: traveller });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('not_a_partner');
      expect((await c.call('GET', `/api/billing/partner/${path}`)).status).toBe(401);
    }
  });

  it('a viewer of the partner reads its payouts; a bad cursor is a 400', async () => {
    const viewer = await c.member(partner.partnerId, 'viewer');
    const list = await c.call('GET', '/api/billing/partner/payouts', { token: viewer.token });
    expect(list.body.length).toBeGreaterThanOrEqual(2);
    const bad = await c.call('GET', '/api/billing/partner/transfers?cursor=nope', { token: viewer.token });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });
});
