// The marketplace flow billing relies on, driven with the official SDK: partners onboard
// through account links, a traveller pays one PaymentIntent per booking, the platform
// splits it with one transfer per partner (source_transaction, transfer_group), a partial
// cancellation refunds and reverses pro rata, balances reconcile, and payouts arrive as the
// clock moves. Every response body is checked against Stripe's OpenAPI schemas.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardedAccount, startHarness, waitFor, type Harness } from './helpers/harness.ts';
import { startReceiver, type WebhookReceiver } from './helpers/webhook-receiver.ts';

let h: Harness;
let receiver: WebhookReceiver;
let platformSecret: string;
let connectSecret: string;
let alpine: Stripe.Account;
let lake: Stripe.Account;
let intent: Stripe.PaymentIntent;
let charge: Stripe.Charge;
const transfers: Record<string, Stripe.Transfer> = {};

function deliveredEvents(secret: string): Stripe.Event[] {
  return receiver.deliveries.flatMap((d) => {
    try {
      return [h.stripe.webhooks.constructEvent(d.body, d.signature, secret)];
    } catch {
      return [];
    }
  });
}

beforeAll(async () => {
  h = await startHarness();
  receiver = await startReceiver();
  const platformEndpoint = await h.stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: ['payment_intent.succeeded', 'charge.refunded', 'transfer.created', 'transfer.reversed'],
  });
  const connectEndpoint = await h.stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: ['account.updated', 'payout.paid'],
    connect: true,
  });
  platformSecret = platformEndpoint.secret!;
  connectSecret = connectEndpoint.secret!;
});

afterAll(async () => {
  await h?.close();
  await receiver?.close();
});

describe('Connect marketplace flow through the official SDK', () => {
  it('creates connected accounts that cannot take money until onboarded', async () => {
    const fresh = await h.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    expect(fresh.charges_enabled).toBe(false);
    expect(fresh.payouts_enabled).toBe(false);
    expect(fresh.requirements?.currently_due).toEqual(
      expect.arrayContaining(['external_account', 'tos_acceptance.date']),
    );
    expect(fresh.controller?.stripe_dashboard?.type).toBe('express');
    const byController = await h.stripe.accounts.create({
      controller: {
        fees: { payer: 'application' },
        losses: { payments: 'application' },
        stripe_dashboard: { type: 'express' },
      },
      capabilities: { transfers: { requested: true } },
    });
    expect(byController).toMatchObject({ type: 'express', controller: { is_controller: true, type: 'application' } });
    await expect(h.stripe.accounts.create({ country: 'US' })).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'type',
    });
  });

  it('links browsers to the public address when one is set, not the API caller’s', async () => {
    const behindProxy = await startHarness({ publicUrl: 'http://localhost:12111' });
    try {
      const account = await behindProxy.stripe.accounts.create({
        type: 'express',
        capabilities: { transfers: { requested: true } },
      });
      const link = await behindProxy.stripe.accountLinks.create({
        account: account.id,
        type: 'account_onboarding',
        refresh_url: 'https://portal.test/refresh',
        return_url: 'https://portal.test/done',
      });
      expect(link.url).toMatch(/^http:\/\/localhost:12111\/connect\/onboarding\//);
      const page = await fetch(link.url.replace('http://localhost:12111', behindProxy.baseUrl));
      expect(page.status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it('onboards partners through the account link page, emitting account.updated', async () => {
    const probe = await h.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    const link = await h.stripe.accountLinks.create({
      account: probe.id,
      type: 'account_onboarding',
      refresh_url: 'https://portal.test/refresh',
      return_url: 'https://portal.test/done',
    });
    expect(link.url).toMatch(new RegExp(`^${h.baseUrl}/connect/onboarding/`));
    expect(link.expires_at - link.created).toBe(300);
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');

    alpine = await onboardedAccount(h, 'alpine-guides');
    lake = await onboardedAccount(h, 'lake-hotel');
    for (const account of [alpine, lake]) {
      expect(account.charges_enabled).toBe(true);
      expect(account.payouts_enabled).toBe(true);
      expect(account.details_submitted).toBe(true);
      expect(account.requirements?.currently_due).toEqual([]);
      expect(account.capabilities).toEqual({ card_payments: 'active', transfers: 'active' });
      expect(account.external_accounts?.data[0]?.object).toBe('bank_account');
    }
    const events = await h.stripe.events.list({ type: 'account.updated' }, { stripeAccount: alpine.id });
    expect(events.data[0]?.account).toBe(alpine.id);
    expect((events.data[0]?.data.object as Stripe.Account).charges_enabled).toBe(true);
    expect(events.data[0]?.data.previous_attributes).toHaveProperty('charges_enabled', false);
    const delivered = await waitFor(() => {
      const updates = deliveredEvents(connectSecret).filter((e) => e.type === 'account.updated');
      return updates.length >= 2 && updates;
    });
    expect(new Set(delivered.map((e) => e.account))).toEqual(new Set([alpine.id, lake.id]));
  });

  it('charges the traveller with one PaymentIntent per booking', async () => {
    const created = await h.stripe.paymentIntents.create({
      amount: 20_000,
      currency: 'usd',
      transfer_group: 'booking_42',
      metadata: { booking_id: 'booking_42' },
    });
    expect(created.status).toBe('requires_payment_method');
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));
    intent = await h.stripe.paymentIntents.confirm(created.id, {
      payment_method: 'pm_card_visa',
      expand: ['latest_charge.balance_transaction'],
    });
    expect(intent.status).toBe('succeeded');
    expect(intent.amount_received).toBe(20_000);
    charge = intent.latest_charge as Stripe.Charge;
    expect(charge.object).toBe('charge');
    expect(charge.transfer_group).toBe('booking_42');
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ type: 'charge', amount: 20_000, fee: 610, net: 19_390, status: 'pending' });
    expect(txn.available_on).toBeGreaterThan(txn.created);
  });

  it('splits the payment with one transfer per partner, never more than the charge has left', async () => {
    for (const [account, amount] of [
      [alpine, 12_000],
      [lake, 5_000],
    ] as const) {
      transfers[account.id] = await h.stripe.transfers.create({
        amount,
        currency: 'usd',
        destination: account.id,
        source_transaction: charge.id,
        transfer_group: 'booking_42',
      });
    }
    const tooMuch = h.stripe.transfers.create({
      amount: 3_001,
      currency: 'usd',
      destination: lake.id,
      source_transaction: charge.id,
    });
    await expect(tooMuch).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'balance_insufficient',
      param: 'amount',
    });
    const group = await h.stripe.transfers.list({ transfer_group: 'booking_42' });
    expect(group.data.map((t) => t.amount).sort()).toEqual([12_000, 5_000].sort());
    const toAlpine = await h.stripe.transfers.list({ destination: alpine.id });
    expect(toAlpine.data).toHaveLength(1);
    const payment = await h.stripe.charges.retrieve(
      String(transfers[alpine.id]!.destination_payment),
      {},
      { stripeAccount: alpine.id },
    );
    expect(payment).toMatchObject({ amount: 12_000, source_transfer: transfers[alpine.id]!.id, status: 'succeeded' });
  });

  it('refunds half on cancellation and reverses each transfer pro rata', async () => {
    const refund = await h.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 10_000,
      reason: 'requested_by_customer',
    });
    expect(refund).toMatchObject({ status: 'succeeded', amount: 10_000, charge: charge.id });
    await expect(h.stripe.refunds.create({ charge: charge.id, amount: 10_001 })).rejects.toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
    });
    const reversals = await Promise.all(
      [alpine, lake].map((account) => {
        const transfer = transfers[account.id]!;
        return h.stripe.transfers.createReversal(transfer.id, {
          amount: transfer.amount / 2,
          metadata: { refund: refund.id },
        });
      }),
    );
    expect(reversals.map((r) => r.amount)).toEqual([6_000, 2_500]);
    const reversed = await h.stripe.transfers.retrieve(transfers[alpine.id]!.id);
    expect(reversed).toMatchObject({ amount_reversed: 6_000, reversed: false });
    expect(reversed.reversals.data[0]?.id).toBe(reversals[0]!.id);
    const refreshed = await h.stripe.charges.retrieve(charge.id);
    expect(refreshed).toMatchObject({ amount_refunded: 10_000, refunded: false });
    const payment = await h.stripe.charges.retrieve(
      String(transfers[lake.id]!.destination_payment),
      {},
      { stripeAccount: lake.id },
    );
    expect(payment.amount_refunded).toBe(2_500);
  });

  it('keeps every balance reconciled while the funds are pending', async () => {
    const platform = await h.stripe.balance.retrieve();
    expect(platform.pending).toEqual([
      expect.objectContaining({ currency: 'usd', amount: 19_390 - 17_000 - 10_000 + 8_500 }),
    ]);
    expect(platform.available[0]?.amount).toBe(0);
    const alpineBalance = await h.stripe.balance.retrieve({}, { stripeAccount: alpine.id });
    const lakeBalance = await h.stripe.balance.retrieve({}, { stripeAccount: lake.id });
    expect(alpineBalance.pending[0]?.amount).toBe(6_000);
    expect(lakeBalance.pending[0]?.amount).toBe(2_500);
    const txns = await h.stripe.balanceTransactions.list({ limit: 100 });
    expect(txns.data.map((t) => t.type).sort()).toEqual([
      'charge',
      'refund',
      'transfer',
      'transfer',
      'transfer_refund',
      'transfer_refund',
    ]);
    expect(txns.data.reduce((sum, t) => sum + t.net, 0)).toBe(890);
    const books = h.emulator.state.reconcile();
    expect(books.checks.filter((c) => !c.ok)).toEqual([]);
    expect(books.ok).toBe(true);
  });

  it('makes funds available and pays partners out as the clock moves', async () => {
    await h.control('POST', '/_emulator/clock/advance', { days: 2 });
    const platform = await h.stripe.balance.retrieve();
    expect(platform.available[0]?.amount).toBe(890);
    expect(platform.pending[0]?.amount).toBe(0);
    const available = await h.stripe.events.list({ type: 'balance.available' }, { stripeAccount: alpine.id });
    expect((available.data[0]?.data.object as Stripe.Balance).available[0]?.amount).toBe(6_000);
    const payouts = await h.stripe.payouts.list({}, { stripeAccount: alpine.id });
    expect(payouts.data).toHaveLength(1);
    expect(payouts.data[0]).toMatchObject({ amount: 6_000, automatic: true, currency: 'usd' });
    expect((await h.stripe.balance.retrieve({}, { stripeAccount: alpine.id })).available[0]?.amount).toBe(0);

    await h.control('POST', '/_emulator/clock/advance', { days: 2 });
    const paid = await h.stripe.payouts.retrieve(payouts.data[0]!.id, {}, { stripeAccount: alpine.id });
    expect(paid).toMatchObject({ status: 'paid', reconciliation_status: 'completed' });
    const settled = await h.stripe.balanceTransactions.list({ payout: paid.id }, { stripeAccount: alpine.id });
    expect(settled.data.map((t) => t.type).sort()).toEqual(['payment', 'payment_refund', 'payout']);
    const paidEvents = await waitFor(() => {
      const found = deliveredEvents(connectSecret).filter((e) => e.type === 'payout.paid');
      return found.length >= 2 && found;
    });
    expect(paidEvents.map((e) => e.account).sort()).toEqual([alpine.id, lake.id].sort());
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });

  it('delivered the platform events, each verified with constructEvent', async () => {
    const events = await waitFor(() => {
      const found = deliveredEvents(platformSecret);
      return found.length >= 6 && found;
    });
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['payment_intent.succeeded', 'transfer.created', 'charge.refunded', 'transfer.reversed']),
    );
    expect(events.every((e) => e.account === undefined)).toBe(true);
    const succeeded = events.find((e) => e.type === 'payment_intent.succeeded')!;
    expect((succeeded.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
  });

  it('answered every request with a body that matches the OpenAPI schemas', () => {
    expect(h.violations).toEqual([]);
    expect(h.validated.count).toBeGreaterThan(30);
    for (const schema of [
      'POST /v1/payment_intents',
      'POST /v1/transfers',
      'GET /v1/balance',
      'POST /v1/accounts',
      'GET /v1/events',
      'POST /v1/refunds',
    ]) {
      expect(h.validated.schemas).toContain(schema);
    }
  });
});
