// Webhook delivery (signatures, retries with backoff, connect routing, injected drops and
// duplicates) and payouts (manual and automatic, through the clock, including failures).
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from '../src/index.ts';
import { startHarness, waitFor, type Harness } from './helpers/harness.ts';
import { startReceiver, type WebhookReceiver } from './helpers/webhook-receiver.ts';

let h: Harness;
let receiver: WebhookReceiver;

beforeAll(async () => {
  h = await startHarness();
  receiver = await startReceiver();
});

afterAll(async () => {
  await h?.close();
  await receiver?.close();
});

async function attempts(query: string): Promise<DeliveryAttempt[]> {
  return (await h.control<{ data: DeliveryAttempt[] }>('GET', `/_emulator/webhook_attempts?${query}`)).data;
}

function deliveriesOf(eventId: string) {
  return receiver.deliveries.filter((d) => (JSON.parse(d.body) as { id: string }).id === eventId);
}

async function onboard(bank = 'btok_us_verified'): Promise<string> {
  const account = await h.stripe.accounts.create({
    type: 'express',
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
  });
  await h.control('POST', `/_emulator/accounts/${account.id}/onboard`, { bank });
  return account.id;
}

describe('webhook delivery', () => {
  let endpoint: Stripe.WebhookEndpoint;

  it('creates endpoints with a whsec_ secret shown once', async () => {
    endpoint = await h.stripe.webhookEndpoints.create({
      url: receiver.url,
      enabled_events: ['payment_intent.succeeded', 'payment_intent.created'],
      description: 'billing',
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint.status).toBe('enabled');
    expect((await h.stripe.webhookEndpoints.retrieve(endpoint.id)).secret).toBeUndefined();
  });

  it('signs each delivery so stripe.webhooks.constructEvent verifies it', async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const [created] = (await h.stripe.events.list({ type: 'payment_intent.succeeded', limit: 1 })).data;
    const delivery = await waitFor(() => deliveriesOf(created!.id)[0]);
    expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = h.stripe.webhooks.constructEvent(delivery.body, delivery.signature, endpoint.secret!);
    expect(event).toMatchObject({
      id: created!.id,
      type: 'payment_intent.succeeded',
      data: { object: { id: intent.id, status: 'succeeded' } },
    });
    expect(() =>
      h.stripe.webhooks.constructEvent(
        delivery.body.replace('succeeded', 'canceled'),
        delivery.signature,
        endpoint.secret!,
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => h.stripe.webhooks.constructEvent(delivery.body, delivery.signature, 'whsec_wrong')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('retries with backoff after a 500 and records every attempt', async () => {
    receiver.respondWith([500, 503]);
    await h.stripe.paymentIntents.create({ amount: 1_200, currency: 'usd' });
    const [event] = (await h.stripe.events.list({ type: 'payment_intent.created', limit: 1 })).data;
    const seen = await waitFor(() => deliveriesOf(event!.id).length >= 3 && deliveriesOf(event!.id));
    expect(seen.map((d) => JSON.parse(d.body).id)).toEqual([event!.id, event!.id, event!.id]);
    expect(seen[1]!.receivedAt - seen[0]!.receivedAt).toBeGreaterThanOrEqual(90);
    expect(seen[2]!.receivedAt - seen[1]!.receivedAt).toBeGreaterThanOrEqual(180);
    const recorded = await waitFor(async () => {
      const list = await attempts(`event=${event!.id}`);
      return list.length === 3 && list;
    });
    expect(recorded.map((a) => [a.attempt, a.outcome, a.status])).toEqual([
      [3, 'succeeded', 200],
      [2, 'failed', 503],
      [1, 'failed', 500],
    ]);
    expect(recorded[2]!.next_retry_at).not.toBeNull();
    const settled = await waitFor(async () => {
      const current = await h.stripe.events.retrieve(event!.id);
      return current.pending_webhooks === 0 && current;
    });
    expect(settled.id).toBe(event!.id);
  });

  it('gives up after the last retry, leaving the event pending', async () => {
    receiver.respondWith([500, 500, 500, 500, 500]);
    await h.stripe.paymentIntents.create({ amount: 1_300, currency: 'usd' });
    const [event] = (await h.stripe.events.list({ type: 'payment_intent.created', limit: 1 })).data;
    const recorded = await waitFor(async () => {
      const list = await attempts(`event=${event!.id}`);
      return list.length === 4 && list;
    });
    expect(recorded.every((a) => a.outcome === 'failed')).toBe(true);
    expect(recorded[0]!.next_retry_at).toBeNull();
    expect((await h.stripe.events.retrieve(event!.id)).pending_webhooks).toBe(1);
    const undelivered = await h.stripe.events.list({ delivery_success: false });
    expect(undelivered.data.map((e) => e.id)).toContain(event!.id);
    receiver.respondWith([]);
  });

  it('drops or duplicates deliveries when asked to', async () => {
    await h.control('POST', '/_emulator/faults', { webhook_drop_rate: 1 });
    await h.stripe.paymentIntents.create({ amount: 1_400, currency: 'usd' });
    const [dropped] = (await h.stripe.events.list({ type: 'payment_intent.created', limit: 1 })).data;
    await waitFor(async () => (await attempts(`event=${dropped!.id}&outcome=dropped`)).length === 1);
    expect(deliveriesOf(dropped!.id)).toHaveLength(0);
    await h.control('POST', '/_emulator/faults', { webhook_drop_rate: 0, webhook_duplicate_rate: 1 });
    await h.stripe.paymentIntents.create({ amount: 1_500, currency: 'usd' });
    const [doubled] = (await h.stripe.events.list({ type: 'payment_intent.created', limit: 1 })).data;
    const both = await waitFor(() => deliveriesOf(doubled!.id).length === 2 && deliveriesOf(doubled!.id));
    expect(new Set(both.map((d) => d.body)).size).toBe(1);
    await h.control('DELETE', '/_emulator/faults');
  });

  it('routes connected-account events only to connect endpoints, and none to disabled ones', async () => {
    const connect = await h.stripe.webhookEndpoints.create({
      url: receiver.url,
      enabled_events: ['account.updated'],
      connect: true,
    });
    const platformAll = await h.stripe.webhookEndpoints.create({ url: `${receiver.url}?all`, enabled_events: ['*'] });
    await h.stripe.webhookEndpoints.update(endpoint.id, { disabled: true });
    const account = await onboard();
    const [update] = (await h.stripe.events.list({ type: 'account.updated' }, { stripeAccount: account })).data;
    expect(update!.account).toBe(account);
    await waitFor(async () => (await attempts(`event=${update!.id}`)).length === 1);
    const recorded = await attempts(`event=${update!.id}`);
    expect(recorded.map((a) => a.endpoint)).toEqual([connect.id]);
    const event = h.stripe.webhooks.constructEvent(
      deliveriesOf(update!.id)[0]!.body,
      deliveriesOf(update!.id)[0]!.signature,
      connect.secret!,
    );
    expect(event.account).toBe(account);
    await h.stripe.paymentIntents.create({ amount: 1_600, currency: 'usd' });
    const [platformEvent] = (await h.stripe.events.list({ type: 'payment_intent.created', limit: 1 })).data;
    await waitFor(async () => (await attempts(`event=${platformEvent!.id}`)).length === 1);
    expect((await attempts(`event=${platformEvent!.id}`)).map((a) => a.endpoint)).toEqual([platformAll.id]);
    await h.stripe.webhookEndpoints.del(platformAll.id);
    await h.stripe.webhookEndpoints.del(connect.id);
  });
});

describe('payouts', () => {
  it('refuses payouts beyond the available balance, then pays out through the clock', async () => {
    const account = await onboard();
    await expect(
      h.stripe.payouts.create({ amount: 500, currency: 'usd' }, { stripeAccount: account }),
    ).rejects.toMatchObject({ param: 'amount' });
    await h.stripe.accounts.update(account, { settings: { payouts: { schedule: { interval: 'manual' } } } });
    await h.stripe.paymentIntents.create(
      { amount: 10_000, currency: 'usd', payment_method: 'pm_card_bypassPending', confirm: true },
      { stripeAccount: account },
    );
    const balance = await h.stripe.balance.retrieve({}, { stripeAccount: account });
    expect(balance.available[0]?.amount).toBe(10_000 - 320);
    await expect(
      h.stripe.payouts.create({ amount: 9_681, currency: 'usd' }, { stripeAccount: account }),
    ).rejects.toMatchObject({ code: 'balance_insufficient' });
    const payout = await h.stripe.payouts.create(
      { amount: 9_000, currency: 'usd', metadata: { run: 'weekly' } },
      { stripeAccount: account },
    );
    expect(payout).toMatchObject({ status: 'pending', automatic: false, method: 'standard', type: 'bank_account' });
    await h.control('POST', '/_emulator/clock/advance', { hours: 1 });
    expect((await h.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: account })).status).toBe('in_transit');
    await h.control('POST', '/_emulator/clock/advance', { days: 2 });
    const paid = await h.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: account });
    expect(paid.status).toBe('paid');
    const events = await h.stripe.events.list({ type: 'payout.*' }, { stripeAccount: account });
    expect(events.data.map((e) => e.type)).toEqual(
      expect.arrayContaining(['payout.created', 'payout.updated', 'payout.paid']),
    );
    expect((await h.stripe.balance.retrieve({}, { stripeAccount: account })).available[0]?.amount).toBe(680);
  });

  it('fails automatic payouts to a failing test bank account and returns the money', async () => {
    const account = await onboard('btok_us_verified_noAccount');
    const platformIntent = await h.stripe.paymentIntents.create({
      amount: 4_000,
      currency: 'usd',
      payment_method: 'pm_card_bypassPending',
      confirm: true,
    });
    await h.stripe.transfers.create({ amount: 2_500, currency: 'usd', destination: account });
    expect(platformIntent.status).toBe('succeeded');
    await h.control('POST', '/_emulator/clock/advance', { days: 1 });
    const [payout] = (await h.stripe.payouts.list({}, { stripeAccount: account })).data;
    expect(payout).toMatchObject({ amount: 2_500, automatic: true });
    await h.control('POST', '/_emulator/clock/advance', { days: 3 });
    const failed = await h.stripe.payouts.retrieve(
      payout!.id,
      { expand: ['failure_balance_transaction'] },
      { stripeAccount: account },
    );
    expect(failed).toMatchObject({ status: 'failed', failure_code: 'no_account' });
    expect((failed.failure_balance_transaction as Stripe.BalanceTransaction).amount).toBe(2_500);
    const types = (await h.stripe.events.list({ type: 'payout.failed' }, { stripeAccount: account })).data;
    expect(types).toHaveLength(1);
    const balance = await h.stripe.balance.retrieve({}, { stripeAccount: account });
    expect(balance.available[0]?.amount).toBe(2_500);
    const blocked = await h.stripe.accounts.retrieve(account);
    expect(blocked).toMatchObject({ payouts_enabled: false, charges_enabled: true });
    expect(blocked.requirements?.currently_due).toEqual(['external_account']);
    expect(blocked.external_accounts?.data[0]).toMatchObject({ status: 'errored', last4: '1116' });
    await h.control('POST', '/_emulator/clock/advance', { days: 1 });
    expect((await h.stripe.payouts.list({}, { stripeAccount: account })).data).toHaveLength(1);
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });

  it('fails a chosen payout through the control surface', async () => {
    const account = await onboard();
    await h.stripe.transfers.create({ amount: 1_000, currency: 'usd', destination: account });
    await h.control('POST', '/_emulator/clock/advance', { days: 1 });
    const [payout] = (await h.stripe.payouts.list({}, { stripeAccount: account })).data;
    const marked = await h.control<{ failure_code: string }>('POST', `/_emulator/payouts/${payout!.id}/fail`, {
      failure_code: 'account_closed',
    });
    expect(marked.failure_code).toBe('account_closed');
    await h.control('POST', '/_emulator/clock/advance', { days: 3 });
    expect((await h.stripe.payouts.retrieve(payout!.id, {}, { stripeAccount: account })).failure_code).toBe(
      'account_closed',
    );
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });
});

describe('schema conformance', () => {
  it('answered every request with a body that matches the OpenAPI schemas', () => {
    expect(h.violations).toEqual([]);
    expect(h.validated.schemas).toContain('GET /v1/payouts/{payout}');
    expect(h.validated.schemas).toContain('GET /v1/events/{id}');
  });
});
