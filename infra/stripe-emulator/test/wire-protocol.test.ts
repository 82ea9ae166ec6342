// Stripe's wire protocol as the SDK and raw HTTP clients see it: auth, form encoding with
// brackets, unknown parameters, idempotency, list pagination, expand[], Stripe-Account
// scoping, unrecognized URLs, and injected faults the SDK must survive.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, validator, type Harness } from './helpers/harness.ts';

let h: Harness;
let partner: string;

beforeAll(async () => {
  h = await startHarness({ faultSeed: 8 });
  const account = await h.stripe.accounts.create({
    type: 'express',
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
  });
  await h.control('POST', `/_emulator/accounts/${account.id}/onboard`);
  partner = account.id;
});

afterAll(async () => {
  await h?.close();
});

async function raw(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${h.baseUrl}${path}`, init);
  const body = (await response.json()) as Record<string, unknown>;
  const result = validator().validateResponse(init.method ?? 'GET', path, response.status, body);
  expect(result.errors).toEqual([]);
  return { status: response.status, body, headers: response.headers };
}

const auth = { authorization: 'Bearer sk_test_emulator' };
const form = { ...auth, 'content-type': 'application/x-www-form-urlencoded' };

describe('authentication', () => {
  it('answers 401 without a key, with a malformed key, and for publishable keys', async () => {
    const missing = await raw('/v1/balance');
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining('You did not provide an API key'),
    });
    expect((await raw('/v1/balance', { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
    const publishable = await h
      .client({}, 'pk_test_123')
      .balance.retrieve()
      .catch((e: unknown) => e);
    expect(publishable).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(publishable).toMatchObject({
      statusCode: 401,
      message: expect.stringContaining('Invalid API Key provided'),
    });
  });

  it('accepts Basic auth with the key as user name', async () => {
    const basic = `Basic ${Buffer.from('sk_test_emulator:').toString('base64')}`;
    expect((await raw('/v1/balance', { headers: { authorization: basic } })).status).toBe(200);
  });
});

describe('form encoding and parameters', () => {
  it('reads bracket notation (metadata[k], arrays with [])', async () => {
    const body =
      'amount=1234&currency=usd&metadata[booking]=b-7&metadata[partner]=p%201&payment_method_types[]=card&expand[]=latest_charge';
    const { status, body: intent } = await raw('/v1/payment_intents', { method: 'POST', headers: form, body });
    expect(status).toBe(200);
    expect(intent).toMatchObject({
      amount: 1234,
      metadata: { booking: 'b-7', partner: 'p 1' },
      payment_method_types: ['card'],
      automatic_payment_methods: null,
    });
  });

  it('rejects unknown parameters at any depth, naming them', async () => {
    const unknownTop = h.stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      colour: 'blue',
    } as Stripe.PaymentIntentCreateParams);
    await expect(unknownTop).rejects.toMatchObject({
      code: 'parameter_unknown',
      param: 'colour',
      message: 'Received unknown parameter: colour',
    });
    const unknownNested = h.stripe.paymentIntents.create({
      amount: 1_000,
      currency: 'usd',
      automatic_payment_methods: { enabled: true, turbo: true },
    } as unknown as Stripe.PaymentIntentCreateParams);
    await expect(unknownNested).rejects.toMatchObject({ param: 'automatic_payment_methods[turbo]' });
  });

  it('refuses JSON bodies as Stripe does', async () => {
    const { status, body } = await raw('/v1/payment_intents', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"amount":100}',
    });
    expect(status).toBe(400);
    expect(String((body.error as Record<string, unknown>).message)).toContain('Content-Type');
  });

  it('answers unknown URLs with Stripe 404 envelope', async () => {
    const { status, body } = await raw('/v1/bananas', { headers: auth });
    expect(status).toBe(404);
    expect((body.error as Record<string, unknown>).message).toBe(
      'Unrecognized request URL (GET: /v1/bananas). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.',
    );
  });
});

describe('idempotency', () => {
  it('adds a key to every POST and replays the first response for the same key and parameters', async () => {
    const params = { amount: 2_500, currency: 'usd', metadata: { booking: 'idem-1' } };
    const first = await h.stripe.paymentIntents.create(params, { idempotencyKey: 'booking-idem-1' });
    const again = await h.stripe.paymentIntents.create(params, { idempotencyKey: 'booking-idem-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    const auto = await h.stripe.paymentIntents.create({ amount: 2_500, currency: 'usd' });
    expect(auto.lastResponse.headers['idempotency-key']).toMatch(/^stripe-node-retry-/);
    const all = await h.stripe.paymentIntents.list({ limit: 100 });
    expect(all.data.filter((pi) => pi.metadata.booking === 'idem-1')).toHaveLength(1);
  });

  it('is an idempotency_error with other parameters or another endpoint', async () => {
    await h.stripe.paymentIntents.create({ amount: 2_500, currency: 'usd' }, { idempotencyKey: 'booking-idem-2' });
    const other = h.stripe.paymentIntents.create(
      { amount: 9_999, currency: 'usd' },
      { idempotencyKey: 'booking-idem-2' },
    );
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(other).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining('same parameters') });
    const endpoint = h.stripe.refunds.create({ payment_intent: 'pi_x' }, { idempotencyKey: 'booking-idem-2' });
    await expect(endpoint).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      message: expect.stringContaining('same endpoint'),
    });
  });

  it('saves declines but not parameter errors', async () => {
    const declined = () =>
      h.stripe.paymentIntents.create(
        { amount: 700, currency: 'usd', payment_method: 'pm_card_chargeDeclined', confirm: true },
        { idempotencyKey: 'decline-1' },
      );
    const firstError = (await declined().catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    const secondError = (await declined().catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    expect(secondError.payment_intent?.id).toBe(firstError.payment_intent?.id);
    expect(secondError.headers?.['idempotent-replayed']).toBe('true');
    const invalid = h.stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams, {
      idempotencyKey: 'fix-and-retry',
    });
    await expect(invalid).rejects.toMatchObject({ code: 'parameter_missing' });
    const fixed = await h.stripe.paymentIntents.create(
      { amount: 800, currency: 'usd' },
      { idempotencyKey: 'fix-and-retry' },
    );
    expect(fixed.amount).toBe(800);
  });
});

describe('lists', () => {
  it('pages newest first with limit, starting_after and ending_before', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1)
      created.push(
        (await h.stripe.webhookEndpoints.create({ url: `https://hooks.test/${i}`, enabled_events: ['*'] })).id,
      );
    const first = await h.stripe.webhookEndpoints.list({ limit: 2 });
    expect(first).toMatchObject({ object: 'list', has_more: true, url: '/v1/webhook_endpoints' });
    expect(first.data.map((e) => e.id)).toEqual([created[4], created[3]]);
    const second = await h.stripe.webhookEndpoints.list({ limit: 2, starting_after: created[3] });
    expect(second.data.map((e) => e.id)).toEqual([created[2], created[1]]);
    const last = await h.stripe.webhookEndpoints.list({ limit: 2, starting_after: created[1] });
    expect(last).toMatchObject({ has_more: false });
    expect(last.data.map((e) => e.id)).toEqual([created[0]]);
    const back = await h.stripe.webhookEndpoints.list({ limit: 2, ending_before: created[1] });
    expect(back.data.map((e) => e.id)).toEqual([created[3], created[2]]);
    const everything = await h.stripe.webhookEndpoints.list({ limit: 2 }).autoPagingToArray({ limit: 50 });
    expect(everything.map((e) => e.id)).toEqual([...created].reverse());
    expect(everything.every((e) => e.secret === undefined)).toBe(true);
  });

  it('rejects bad limits and unknown cursors', async () => {
    await expect(h.stripe.webhookEndpoints.list({ limit: 0 })).rejects.toMatchObject({ param: 'limit' });
    await expect(h.stripe.webhookEndpoints.list({ limit: 101 })).rejects.toMatchObject({ param: 'limit' });
    await expect(h.stripe.webhookEndpoints.list({ starting_after: 'we_nope' })).rejects.toMatchObject({
      param: 'starting_after',
      code: 'resource_missing',
    });
  });
});

describe('expand[]', () => {
  it('expands latest_charge, nested fields and list items', async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 4_200,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(typeof intent.latest_charge).toBe('string');
    const expanded = await h.stripe.paymentIntents.retrieve(intent.id, {
      expand: ['latest_charge.balance_transaction'],
    });
    const charge = expanded.latest_charge as Stripe.Charge;
    expect(charge.id).toBe(intent.latest_charge);
    expect((charge.balance_transaction as Stripe.BalanceTransaction).object).toBe('balance_transaction');
    const listed = await h.stripe.paymentIntents.list({ limit: 3, expand: ['data.latest_charge'] });
    expect(
      listed.data.filter((pi) => pi.latest_charge !== null).every((pi) => typeof pi.latest_charge === 'object'),
    ).toBe(true);
    const refunds = await h.stripe.charges.retrieve(charge.id, { expand: ['refunds'] });
    expect(refunds.refunds).toMatchObject({ object: 'list', data: [] });
  });

  it('refuses fields that are not expandable', async () => {
    const intent = (await h.stripe.paymentIntents.list({ limit: 1 })).data[0]!;
    await expect(h.stripe.paymentIntents.retrieve(intent.id, { expand: ['amount'] })).rejects.toMatchObject({
      param: 'expand',
      message: 'This property cannot be expanded (amount).',
    });
    await expect(h.stripe.paymentIntents.list({ expand: ['latest_charge'] })).rejects.toMatchObject({
      param: 'expand',
    });
  });
});

describe('Stripe-Account scoping', () => {
  it('keeps a connected account’s objects and balance apart from the platform’s', async () => {
    const direct = await h.stripe.paymentIntents.create(
      { amount: 3_000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true },
      { stripeAccount: partner },
    );
    await expect(h.stripe.paymentIntents.retrieve(direct.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    const own = await h.stripe.paymentIntents.list({}, { stripeAccount: partner });
    expect(own.data.map((pi) => pi.id)).toEqual([direct.id]);
    const balance = await h.stripe.balance.retrieve({}, { stripeAccount: partner });
    expect(balance.pending[0]?.amount).toBe(3_000 - 117);
    const me = await h.stripe.accounts.retrieveCurrent({}, { stripeAccount: partner });
    expect(me.id).toBe(partner);
    const events = await h.stripe.events.list({ type: 'payment_intent.*' }, { stripeAccount: partner });
    expect(events.data.map((e) => e.type).sort()).toEqual(['payment_intent.created', 'payment_intent.succeeded']);
    expect(events.data.every((e) => e.account === partner)).toBe(true);
  });

  it('refuses accounts the key cannot act for', async () => {
    const error = await h.stripe.balance
      .retrieve({}, { stripeAccount: 'acct_1NotConnected00' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(error).toMatchObject({ statusCode: 403, code: 'account_invalid' });
  });
});

describe('injected faults', () => {
  it('answers 500 and 429 when asked to, and an SDK retry after an injected 500 creates the intent once', async () => {
    await h.control('POST', '/_emulator/faults', { error_500_rate: 1 });
    await expect(h.stripe.balance.retrieve()).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    await h.control('DELETE', '/_emulator/faults');
    await h.control('POST', '/_emulator/faults', { error_429_rate: 1 });
    await expect(h.stripe.balance.retrieve()).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    await h.control('DELETE', '/_emulator/faults');
    // Seed 8: the first roll fails (0.16 < 0.5), the second passes (0.63).
    await h.control('POST', '/_emulator/faults', { error_500_rate: 0.5 });
    const retrying = h.client({ maxNetworkRetries: 2 });
    const intent = await retrying.paymentIntents.create({
      amount: 1_100,
      currency: 'usd',
      metadata: { booking: 'retry-1' },
    });
    await h.control('DELETE', '/_emulator/faults');
    const all = await h.stripe.paymentIntents.list({ limit: 100 });
    expect(all.data.filter((pi) => pi.metadata.booking === 'retry-1').map((pi) => pi.id)).toEqual([intent.id]);
  });

  it('adds latency when asked to', async () => {
    await h.control('POST', '/_emulator/faults', { latency_ms: 150 });
    const started = Date.now();
    await h.stripe.balance.retrieve();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await h.control('DELETE', '/_emulator/faults');
  });
});

describe('schema conformance', () => {
  it('answered every request with a body that matches the OpenAPI schemas', () => {
    expect(h.violations).toEqual([]);
    expect(h.validated.count).toBeGreaterThan(40);
  });
});
