// Charge objects: card charges made by confirming a PaymentIntent, and the `py_` payments a
// connected account receives for each transfer.
import { newId } from '../core/ids.ts';
import type { Kernel } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import type { Decline, TestCard } from './payment-methods.ts';
import { clone } from '../core/clone.ts';

const NO_ADDRESS = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };

function baseCharge(k: Kernel, id: string, amount: number, currency: string): ApiObject {
  return {
    id,
    object: 'charge',
    amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: NO_ADDRESS, email: null, name: null, phone: null },
    calculated_statement_descriptor: null,
    captured: false,
    created: k.clock.now(),
    currency,
    customer: null,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: null,
    paid: false,
    payment_intent: null,
    payment_method: null,
    payment_method_details: null,
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'pending',
    transfer_data: null,
    transfer_group: null,
  };
}

function cardDetails(
  card: TestCard,
  paymentMethod: ApiObject,
  amount: number,
  threeDSecure: ThreeDSecureResult | null | undefined,
): Record<string, unknown> {
  const pmCard = paymentMethod.card as Record<string, unknown>;
  return {
    card: {
      amount_authorized: amount,
      brand: card.brand,
      checks: {
        address_line1_check: null,
        address_postal_code_check: null,
        cvc_check: card.decline?.code === 'incorrect_cvc' ? 'fail' : 'pass',
      },
      country: card.country,
      exp_month: pmCard.exp_month,
      exp_year: pmCard.exp_year,
      extended_authorization: { status: 'disabled' },
      fingerprint: pmCard.fingerprint,
      funding: card.funding,
      incremental_authorization: { status: 'unavailable' },
      installments: null,
      last4: card.last4,
      mandate: null,
      multicapture: { status: 'unavailable' },
      network: card.brand,
      network_token: { used: false },
      overcapture: { maximum_amount_capturable: amount, status: 'unavailable' },
      three_d_secure: threeDSecureDetails(threeDSecure),
      wallet: null,
    },
    type: 'card',
  };
}

function outcome(decline: Decline | undefined): Record<string, unknown> {
  if (!decline) {
    return {
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      risk_score: 32,
      seller_message: 'Payment complete.',
      type: 'authorized',
    };
  }
  return {
    network_status: 'declined_by_network',
    reason: decline.decline_code ?? decline.code,
    risk_level: 'normal',
    risk_score: 41,
    seller_message: 'The bank did not return any further details with this decline.',
    type: 'issuer_declined',
  };
}

export interface CardChargeInput {
  intent: ApiObject;
  paymentMethod: StoredRecord;
  card: TestCard;
  capture: boolean;
  /** The cardholder's 3-D Secure outcome, when the issuer asked for it. */
  threeDSecure?: ThreeDSecureResult | null;
}

export type ThreeDSecureResult = 'authenticated';

function threeDSecureDetails(result: ThreeDSecureResult | null | undefined): Record<string, unknown> | null {
  if (!result) return null;
  return {
    authentication_flow: 'challenge',
    electronic_commerce_indicator: '05',
    exemption_indicator: null,
    exemption_indicator_applied: false,
    result,
    result_reason: null,
    transaction_id: null,
    version: '2.2.0',
  };
}

/** The charge one confirmation attempt creates; a declined card makes a failed charge. */
export function cardCharge(k: Kernel, input: CardChargeInput): ApiObject {
  const { intent, paymentMethod, card } = input;
  const amount = Number(intent.amount);
  const charge = baseCharge(k, newId('ch'), amount, String(intent.currency));
  const ok = !card.decline;
  Object.assign(charge, {
    billing_details: clone(paymentMethod.data.billing_details),
    calculated_statement_descriptor: 'TOURCONNECT',
    captured: ok && input.capture,
    amount_captured: ok && input.capture ? amount : 0,
    description: intent.description ?? null,
    failure_code: card.decline?.code ?? null,
    failure_message: card.decline?.message ?? null,
    metadata: clone(intent.metadata),
    outcome: outcome(card.decline),
    paid: ok,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: cardDetails(card, paymentMethod.data, amount, input.threeDSecure),
    receipt_email: intent.receipt_email ?? null,
    status: ok ? 'succeeded' : 'failed',
    transfer_group: intent.transfer_group ?? null,
  });
  return charge;
}

/** What the destination account sees for a transfer: a `py_` charge funded by it. */
export function transferPayment(k: Kernel, transfer: ApiObject, balanceTransaction: string): ApiObject {
  const amount = Number(transfer.amount);
  const payment = baseCharge(k, newId('py'), amount, String(transfer.currency));
  Object.assign(payment, {
    amount_captured: amount,
    balance_transaction: balanceTransaction,
    captured: true,
    paid: true,
    payment_method_details: { stripe_account: {}, type: 'stripe_account' },
    source_transfer: transfer.id,
    status: 'succeeded',
  });
  return payment;
}
