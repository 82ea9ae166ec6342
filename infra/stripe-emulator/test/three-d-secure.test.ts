// 3-D Secure test cards: confirm → requires_action with the issuer's page; completing it there
// charges the card, failing it returns the intent for another card — through the SDK, with the
// page driven over plain HTTP as a browser would.
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

const RETURN_URL = 'https://portal.test/checkout/b1?step=return';

async function challenge(paymentMethod: string, returnUrl: string | null = RETURN_URL) {
  const created = await h.stripe.paymentIntents.create({ amount: 12_345, currency: 'eur', description: 'Alps week' });
  const intent = await h.stripe.paymentIntents.confirm(created.id, {
    payment_method: paymentMethod,
    ...(returnUrl ? { return_url: returnUrl } : {}),
  });
  return intent;
}

async function answer(url: string, outcome: 'complete' | 'fail') {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ outcome }).toString(),
    redirect: 'manual',
  });
}

describe('3-D Secure', () => {
  it.each(['pm_card_authenticationRequired', 'pm_card_threeDSecure2Required'])(
    '%s waits for the cardholder: requires_action with a redirect, nothing charged yet',
    async (paymentMethod) => {
      const intent = await challenge(paymentMethod);
      expect(intent.status).toBe('requires_action');
      expect(intent.latest_charge).toBeNull();
      expect(intent.next_action?.type).toBe('redirect_to_url');
      expect(intent.next_action?.redirect_to_url?.return_url).toBe(RETURN_URL);
      const page = await fetch(intent.next_action!.redirect_to_url!.url!);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Complete authentication');
      expect(html).toContain('Fail authentication');
      expect(html).toContain('123.45 eur');
      const events = await h.stripe.events.list({ type: 'payment_intent.requires_action', limit: 1 });
      expect((events.data[0]?.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
    },
  );

  it('completing the authentication charges the card and returns to the merchant', async () => {
    const intent = await challenge('pm_card_authenticationRequired');
    const response = await answer(intent.next_action!.redirect_to_url!.url!, 'complete');
    expect(response.status).toBe(303);
    const back = new URL(response.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe('https://portal.test/checkout/b1');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      step: 'return',
      payment_intent: intent.id,
      payment_intent_client_secret: intent.client_secret,
      redirect_status: 'succeeded',
    });
    const paid = await h.stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    expect(paid).toMatchObject({ status: 'succeeded', amount_received: 12_345, next_action: null });
    const charge = paid.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ status: 'succeeded', paid: true });
    expect(charge.payment_method_details?.card?.three_d_secure).toMatchObject({ result: 'authenticated' });
    const succeeded = await h.stripe.events.list({ type: 'payment_intent.succeeded', limit: 1 });
    expect((succeeded.data[0]?.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
    // The page was single use.
    expect((await fetch(intent.next_action!.redirect_to_url!.url!)).status).toBe(404);
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });

  it('failing it leaves the intent for another card, with payment_intent_authentication_failure', async () => {
    const intent = await challenge('pm_card_threeDSecure2Required');
    const response = await answer(intent.next_action!.redirect_to_url!.url!, 'fail');
    expect(new URL(response.headers.get('location')!).searchParams.get('redirect_status')).toBe('failed');
    const failed = await h.stripe.paymentIntents.retrieve(intent.id);
    expect(failed).toMatchObject({ status: 'requires_payment_method', payment_method: null, latest_charge: null });
    expect(failed.last_payment_error).toMatchObject({
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
    });
    const events = await h.stripe.events.list({ type: 'payment_intent.payment_failed', limit: 1 });
    expect((events.data[0]?.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
    const retried = await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(retried.status).toBe('succeeded');
  });

  it('without a return_url, hands the page to Stripe.js (use_stripe_sdk) and ends on a page of its own', async () => {
    const intent = await challenge('pm_card_authenticationRequired', null);
    expect(intent.next_action?.type).toBe('use_stripe_sdk');
    const url = (intent.next_action?.use_stripe_sdk as { stripe_js: string }).stripe_js;
    const response = await answer(url, 'complete');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Authentication complete');
    expect((await h.stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  it('confirming again makes the earlier page stale', async () => {
    const intent = await challenge('pm_card_authenticationRequired');
    const again = await h.stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_authenticationRequired',
      return_url: RETURN_URL,
    });
    expect((await answer(intent.next_action!.redirect_to_url!.url!, 'complete')).status).toBe(404);
    expect((await answer(again.next_action!.redirect_to_url!.url!, 'complete')).status).toBe(303);
    const charges = await h.stripe.charges.list({ payment_intent: intent.id });
    expect(charges.data).toHaveLength(1);
  });

  it('every response matched the spec', () => {
    expect(h.violations).toEqual([]);
  });
});
