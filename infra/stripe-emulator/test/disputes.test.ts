// pm_card_createDispute: the charge succeeds, then its dispute opens (webhook with the Dispute,
// amount and fee withdrawn); evidence decides it as Stripe's test mode does.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from './helpers/harness.ts';
import { startReceiver, type WebhookReceiver } from './helpers/webhook-receiver.ts';

let h: Harness;
let receiver: WebhookReceiver;
const DISPUTE_DELAY_SECONDS = 30;

beforeAll(async () => {
  h = await startHarness();
  receiver = await startReceiver();
  await h.stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: ['charge.dispute.created', 'charge.dispute.closed'],
  });
});

afterAll(async () => {
  await h?.close();
  await receiver?.close();
});

async function disputedCharge(paymentMethod = 'pm_card_createDispute') {
  const intent = await h.stripe.paymentIntents.create({
    amount: 20_000,
    currency: 'usd',
    payment_method: paymentMethod,
    confirm: true,
  });
  expect(intent.status).toBe('succeeded');
  const chargeId = String(intent.latest_charge);
  expect((await h.stripe.disputes.list({ charge: chargeId })).data).toEqual([]);
  h.emulator.state.advanceClock(DISPUTE_DELAY_SECONDS);
  const [dispute] = (await h.stripe.disputes.list({ charge: chargeId })).data;
  return { intent, chargeId, dispute: dispute! };
}

const deliveredDisputes = (type: string) =>
  receiver.deliveries
    .map((d) => JSON.parse(d.body) as Stripe.Event)
    .filter((e) => e.type === type)
    .map((e) => e.data.object as Stripe.Dispute);

describe('disputes', () => {
  it('opens a dispute on the charge after it succeeded and tells the webhook', async () => {
    const { intent, chargeId, dispute } = await disputedCharge();
    expect(dispute).toMatchObject({
      object: 'dispute',
      amount: 20_000,
      currency: 'usd',
      charge: chargeId,
      payment_intent: intent.id,
      reason: 'fraudulent',
      status: 'needs_response',
      is_charge_refundable: false,
    });
    expect((await h.stripe.charges.retrieve(chargeId)).disputed).toBe(true);
    // The amount and Stripe's dispute fee leave the balance at once.
    expect(dispute.balance_transactions).toHaveLength(1);
    expect(dispute.balance_transactions[0]).toMatchObject({
      type: 'adjustment',
      reporting_category: 'dispute',
      amount: -20_000,
      fee: 1_500,
      net: -21_500,
    });
    const delivered = await waitFor(() => deliveredDisputes('charge.dispute.created').find((d) => d.id === dispute.id));
    expect(delivered).toMatchObject({ charge: chargeId, status: 'needs_response' });
    expect((await h.stripe.disputes.retrieve(dispute.id)).status).toBe('needs_response');
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });

  it('winning_evidence wins: closed as won, amount and fee reinstated', async () => {
    const { dispute } = await disputedCharge();
    const won = await h.stripe.disputes.update(dispute.id, {
      evidence: { uncategorized_text: 'winning_evidence', customer_name: 'Jenny Rosen' },
    });
    expect(won).toMatchObject({ status: 'won', evidence: { customer_name: 'Jenny Rosen' } });
    expect(won.evidence_details).toMatchObject({ has_evidence: true, submission_count: 1 });
    expect(won.balance_transactions.map((t) => [t.reporting_category, t.net])).toEqual([
      ['dispute', -21_500],
      ['dispute_reversal', 21_500],
    ]);
    const closed = await waitFor(() => deliveredDisputes('charge.dispute.closed').find((d) => d.id === dispute.id));
    expect(closed.status).toBe('won');
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });

  it('losing_evidence loses, and a closed dispute takes no more evidence', async () => {
    const { dispute } = await disputedCharge('pm_card_createDisputeProductNotReceived');
    expect(dispute.reason).toBe('product_not_received');
    const lost = await h.stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'losing_evidence' } });
    expect(lost.status).toBe('lost');
    expect(lost.balance_transactions).toHaveLength(1);
    await expect(
      h.stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'winning_evidence' } }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 });
    const closed = await waitFor(() => deliveredDisputes('charge.dispute.closed').find((d) => d.id === dispute.id));
    expect(closed.status).toBe('lost');
    expect(h.emulator.state.reconcile().ok).toBe(true);
  });

  it('staged evidence keeps it open; closing it accepts the loss', async () => {
    const { dispute } = await disputedCharge();
    const staged = await h.stripe.disputes.update(dispute.id, {
      evidence: { product_description: 'A week in the Alps' },
      submit: false,
      metadata: { booking: 'b1' },
    });
    expect(staged).toMatchObject({ status: 'needs_response', metadata: { booking: 'b1' } });
    expect(staged.evidence_details).toMatchObject({ has_evidence: true, submission_count: 0 });
    expect((await h.stripe.disputes.close(dispute.id)).status).toBe('lost');
    await expect(h.stripe.disputes.close(dispute.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('answers an unknown dispute and an unknown evidence field as Stripe does', async () => {
    await expect(h.stripe.disputes.retrieve('dp_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    const { dispute } = await disputedCharge();
    await expect(
      h.stripe.disputes.update(dispute.id, { evidence: { favourite_colour: 'blue' } } as never),
    ).rejects.toMatchObject({ statusCode: 400, code: 'parameter_unknown' });
    expect((await h.stripe.disputes.retrieve(dispute.id)).status).toBe('needs_response');
  });

  it('every response matched the spec', () => {
    expect(h.violations).toEqual([]);
  });
});
