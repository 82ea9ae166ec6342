// Stripe's test payment methods (https://docs.stripe.com/testing). Passing one of these ids
// creates a PaymentMethod; confirming with it succeeds or declines as Stripe's test cards do.
import { createHash } from 'node:crypto';
import { resourceMissing } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Kernel } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';

export interface Decline {
  code: string;
  decline_code?: string;
  message: string;
}

export interface TestCard {
  brand: string;
  last4: string;
  funding: 'credit' | 'debit';
  country: string;
  decline?: Decline;
  /** Funds are available at once (Stripe's 4000 0000 0000 0077 card). */
  bypassPending?: boolean;
  /** The issuer asks for 3-D Secure on every payment (Stripe's 3184 and 3220 cards). */
  authenticationRequired?: boolean;
  /** The charge succeeds, then the cardholder disputes it (Stripe's 0259 card), with this reason. */
  disputeReason?: string;
}

const declined = (decline_code: string, message = 'Your card was declined.'): Decline => ({
  code: 'card_declined',
  decline_code,
  message,
});
const visa = (last4: string, extra: Partial<TestCard> = {}): TestCard => ({
  brand: 'visa',
  last4,
  funding: 'credit',
  country: 'US',
  ...extra,
});

const generic = visa('0002', { decline: declined('generic_decline') });
const insufficient = visa('9995', { decline: declined('insufficient_funds', 'Your card has insufficient funds.') });
const expired = visa('0069', {
  decline: { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' },
});
const incorrectCvc = visa('0127', {
  decline: { code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
});
const processing = visa('0119', {
  decline: {
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
});
const lost = visa('9987', { decline: declined('lost_card') });
const stolen = visa('9979', { decline: declined('stolen_card') });

const authenticationRequired = visa('3184', { authenticationRequired: true });
const threeDSecure2Required = visa('3220', { authenticationRequired: true });
const createDispute = visa('0259', { disputeReason: 'fraudulent' });

export const TEST_PAYMENT_METHODS: Record<string, TestCard> = {
  pm_card_visa: visa('4242'),
  pm_card_visa_debit: visa('5556', { funding: 'debit' }),
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', funding: 'credit', country: 'US' },
  pm_card_amex: { brand: 'amex', last4: '8431', funding: 'credit', country: 'US' },
  pm_card_bypassPending: visa('0077', { bypassPending: true }),
  pm_card_chargeDeclined: generic,
  pm_card_visa_chargeDeclined: generic,
  pm_card_insufficientFunds: insufficient,
  pm_card_chargeDeclinedInsufficientFunds: insufficient,
  pm_card_visa_chargeDeclinedInsufficientFunds: insufficient,
  pm_card_expiredCard: expired,
  pm_card_chargeDeclinedExpiredCard: expired,
  pm_card_incorrectCvc: incorrectCvc,
  pm_card_chargeDeclinedIncorrectCvc: incorrectCvc,
  pm_card_processingError: processing,
  pm_card_chargeDeclinedProcessingError: processing,
  pm_card_lostCard: lost,
  pm_card_visa_chargeDeclinedLostCard: lost,
  pm_card_stolenCard: stolen,
  pm_card_visa_chargeDeclinedStolenCard: stolen,
  pm_card_authenticationRequired: authenticationRequired,
  pm_card_threeDSecure2Required: threeDSecure2Required,
  pm_card_createDispute: createDispute,
  pm_card_createDisputeProductNotReceived: visa('2685', { disputeReason: 'product_not_received' }),
};

const fingerprints = new Map<TestCard, string>();

/** Stable per card number, as Stripe's fingerprints are. */
function fingerprintOf(card: TestCard): string {
  let fingerprint = fingerprints.get(card);
  if (!fingerprint) {
    fingerprint = createHash('sha256')
      .update(`${card.brand}${card.last4}`)
      .digest('base64url')
      .replace(/[-_]/g, '')
      .slice(0, 16);
    fingerprints.set(card, fingerprint);
  }
  return fingerprint;
}

function paymentMethodObject(k: Kernel, card: TestCard): ApiObject {
  return {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: null,
      name: null,
      phone: null,
    },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'unchecked' },
      country: card.country,
      display_brand: card.brand,
      exp_month: 12,
      exp_year: new Date(k.clock.nowMs()).getUTCFullYear() + (card.decline?.code === 'expired_card' ? -1 : 3),
      fingerprint: fingerprintOf(card),
      funding: card.funding,
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: k.clock.now(),
    customer: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}

/** A test token becomes a new PaymentMethod; an existing pm_ id must belong to the account. */
export function resolvePaymentMethod(k: Kernel, owner: string, value: string, param: string): StoredRecord {
  const card = TEST_PAYMENT_METHODS[value];
  if (card) return k.store.insert(paymentMethodObject(k, card), owner, { card });
  const existing = k.store.find('payment_method', value, owner);
  if (!existing) throw resourceMissing('PaymentMethod', value, param);
  return existing;
}

export function cardOf(record: StoredRecord): TestCard {
  return record.internal.card as TestCard;
}
