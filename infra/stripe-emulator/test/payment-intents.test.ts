// PaymentIntent status machine, Stripe's test cards, and bad input answered as Stripe
// answers it (type, code, param, status) without changing anything.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

async function intentCount(): Promise<number> {
  return (await h.stripe.paymentIntents.list({ limit: 100 })).data.length;
}

describe('test cards', () => {
  it.each([
    ['pm_card_visa', 'visa', '4242'],
    ['pm_card_mastercard', 'mastercard', '4444'],
  ])('%s succeeds and creates a charge', async (paymentMethod, brand, last4) => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 1_500,
      currency: 'eur',
      payment_method: paymentMethod,
      confirm: true,
      expand: ['latest_charge', 'payment_method'],
    });
    expect(intent.status).toBe('succeeded');
    const charge = intent.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ paid: true, captured: true, status: 'succeeded', amount: 1_500, currency: 'eur' });
    expect(charge.payment_method_details?.card).toMatchObject({ brand, last4 });
    expect((intent.payment_method as Stripe.PaymentMethod).card?.last4).toBe(last4);
  });

  it.each([
    ['pm_card_chargeDeclined', 'card_declined', 'generic_decline'],
    ['pm_card_insufficientFunds', 'card_declined', 'insufficient_funds'],
    ['pm_card_expiredCard', 'expired_card', 'expired_card'],
  ])('%s is declined with code %s / %s', async (paymentMethod, code, declineCode) => {
    const error = await h.stripe.paymentIntents
      .create({ amount: 2_000, currency: 'usd', payment_method: paymentMethod, confirm: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    const cardError = error as Stripe.errors.StripeCardError;
    expect(cardError).toMatchObject({ type: 'StripeCardError', statusCode: 402, code, decline_code: declineCode });
    const failedIntent = cardError.payment_intent!;
    expect(failedIntent.status).toBe('requires_payment_method');
    expect(failedIntent.last_payment_error).toMatchObject({ type: 'card_error', code });
    const charge = await h.stripe.charges.retrieve(String(failedIntent.latest_charge));
    expect(charge).toMatchObject({ status: 'failed', paid: false, failure_code: code, balance_transaction: null });
    const events = await h.stripe.events.list({ type: 'payment_intent.payment_failed', limit: 1 });
    expect((events.data[0]?.data.object as Stripe.PaymentIntent).id).toBe(failedIntent.id);
  });

  it('lets a declined intent be retried with another card', async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 2_000, currency: 'usd' });
    await expect(
      h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_insufficientFunds' }),
    ).rejects.toThrow('insufficient funds');
    const retried = await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(retried.status).toBe('succeeded');
    const charges = await h.stripe.charges.list({ payment_intent: intent.id });
    expect(charges.data.map((c) => c.status)).toEqual(['succeeded', 'failed']);
  });
});

describe('status machine', () => {
  it('goes requires_payment_method → requires_confirmation → succeeded', async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 5_000,
      currency: 'usd',
      automatic_payment_methods: { enabled: true },
    });
    expect(intent.status).toBe('requires_payment_method');
    const updated = await h.stripe.paymentIntents.update(intent.id, {
      payment_method: 'pm_card_visa',
      amount: 5_500,
      metadata: { k: 'v' },
    });
    expect(updated).toMatchObject({ status: 'requires_confirmation', amount: 5_500, metadata: { k: 'v' } });
    const confirmed = await h.stripe.paymentIntents.confirm(intent.id);
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 5_500 });
    await expect(h.stripe.paymentIntents.update(intent.id, { amount: 100 })).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
  });

  it('refuses to confirm a cancelled intent and to cancel a succeeded one', async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd' });
    const canceled = await h.stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    await expect(h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
    });
    const after = await h.stripe.paymentIntents.retrieve(intent.id);
    expect(after).toMatchObject({ status: 'canceled', payment_method: null, latest_charge: null });
    const paid = await h.stripe.paymentIntents.create({
      amount: 5_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await expect(h.stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
  });

  it('holds funds with manual capture and captures part of them', async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 8_000,
      currency: 'usd',
      capture_method: 'manual',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(intent).toMatchObject({ status: 'requires_capture', amount_capturable: 8_000 });
    const captured = await h.stripe.paymentIntents.capture(intent.id, { amount_to_capture: 6_000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 6_000 });
    const charge = await h.stripe.charges.retrieve(String(captured.latest_charge), { expand: ['balance_transaction'] });
    expect(charge).toMatchObject({ captured: true, amount_captured: 6_000, amount_refunded: 2_000 });
    expect((charge.balance_transaction as Stripe.BalanceTransaction).amount).toBe(6_000);
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });
});

describe('bad input changes nothing', () => {
  it('names the missing parameter', async () => {
    const before = await intentCount();
    const error = await h.stripe.paymentIntents
      .create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'parameter_missing',
      param: 'amount',
    });
    expect(await intentCount()).toBe(before);
  });

  it.each([
    [{ amount: 'ten' }, 'parameter_invalid_integer', 'amount'],
    [{ amount: -100 }, 'amount_too_small', 'amount'],
    [{ amount: 0 }, 'amount_too_small', 'amount'],
    [{ currency: 'xyz' }, undefined, 'currency'],
    [{ capture_method: 'later' }, undefined, 'capture_method'],
    [{ transfer_data: { destination: 'acct_x' } }, undefined, 'transfer_data'],
    [{ metadata: { nested: { deep: 'x' } } }, undefined, 'metadata[nested]'],
  ])('rejects %j', async (override, code, param) => {
    const before = await intentCount();
    const params = { amount: 1_000, currency: 'usd', ...override } as unknown as Stripe.PaymentIntentCreateParams;
    const error = await h.stripe.paymentIntents.create(params).catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param });
    expect((error as Stripe.errors.StripeError).code).toBe(code);
    expect(await intentCount()).toBe(before);
  });

  it('answers unknown ids with 404 resource_missing', async () => {
    await expect(h.stripe.paymentIntents.retrieve('pi_doesnotexist')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: "No such payment_intent: 'pi_doesnotexist'",
    });
    await expect(h.stripe.refunds.create({ charge: 'ch_missing' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'charge',
    });
    await expect(
      h.stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', payment_method: 'pm_nope' }),
    ).rejects.toMatchObject({ code: 'resource_missing', param: 'payment_method' });
  });

  it('refuses refunds beyond what remains and refunds of unpaid intents', async () => {
    const paid = await h.stripe.paymentIntents.create({
      amount: 3_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await h.stripe.refunds.create({ payment_intent: paid.id });
    await expect(h.stripe.refunds.create({ payment_intent: paid.id, amount: 1 })).rejects.toMatchObject({
      code: 'charge_already_refunded',
    });
    const unpaid = await h.stripe.paymentIntents.create({ amount: 3_000, currency: 'usd' });
    await expect(h.stripe.refunds.create({ payment_intent: unpaid.id })).rejects.toMatchObject({
      statusCode: 400,
      param: 'payment_intent',
    });
    await expect(h.stripe.refunds.create({ payment_intent: paid.id, amount: -5 })).rejects.toMatchObject({
      code: 'parameter_invalid_integer',
    });
    const refunds = await h.stripe.refunds.list({ payment_intent: paid.id });
    expect(refunds.data).toHaveLength(1);
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });

  it('refuses transfers to accounts that cannot receive them and beyond the platform balance', async () => {
    const pending = await h.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      capabilities: { transfers: { requested: true } },
    });
    await expect(
      h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: pending.id }),
    ).rejects.toMatchObject({ code: 'insufficient_capabilities_for_transfer' });
    const ready = await h.stripe.accounts.update(pending.id, {
      business_type: 'individual',
      business_profile: { mcc: '4722', url: 'https://guide.test' },
      individual: { first_name: 'Ada', last_name: 'Guide' },
      tos_acceptance: { date: 1_700_000_000, ip: '127.0.0.1' },
      external_account: 'btok_us_verified',
    });
    expect(ready.payouts_enabled).toBe(true);
    await expect(
      h.stripe.transfers.create({ amount: 999_999, currency: 'usd', destination: pending.id }),
    ).rejects.toMatchObject({ code: 'balance_insufficient' });
    await expect(
      h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: 'acct_unknown' }),
    ).rejects.toMatchObject({ code: 'resource_missing', param: 'destination' });
    expect((await h.stripe.transfers.list()).data).toHaveLength(0);
  });
});

describe('schema conformance', () => {
  it('answered every request with a body that matches the OpenAPI schemas', () => {
    expect(h.violations).toEqual([]);
    expect(h.validated.schemas).toContain('error');
    expect(h.validated.schemas).toContain('POST /v1/payment_intents/{intent}/confirm');
  });
});
