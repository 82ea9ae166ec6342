// Confirmation and capture: the PaymentIntent status machine's money-moving transitions.
import { invalidParam, StripeError, unexpectedState } from '../core/errors.ts';
import { processingFee } from '../core/fees.ts';
import type { Params } from '../core/param-validator.ts';
import { originOf, type EventOrigin, type Kernel, type RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { cardCharge, type ThreeDSecureResult } from './charges.model.ts';
import { scheduleDispute } from './disputes.service.ts';
import { requireAuthentication } from './three-d-secure.service.ts';
import { emitEvent } from './events.service.ts';
import { availabilityDate, recordTxn } from './ledger.ts';
import { cardOf, resolvePaymentMethod, type TestCard } from './payment-methods.ts';
import { clone } from '../core/clone.ts';

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

/** Books the captured part of a charge on the owner's balance, fee included. */
function bookCharge(k: Kernel, owner: string, charge: ApiObject, amount: number, card: TestCard): void {
  const currency = String(charge.currency);
  const txn = recordTxn(k, {
    owner,
    type: 'charge',
    amount,
    fee: processingFee(amount, currency, k.store.settings.fees),
    currency,
    source: charge.id,
    description: charge.description as string | null,
    availableOn: card.bypassPending ? k.clock.now() : availabilityDate(k),
  });
  charge.balance_transaction = txn.id;
}

function declineError(charge: ApiObject, intent: ApiObject, paymentMethod: ApiObject, card: TestCard): StripeError {
  const decline = card.decline!;
  const body = {
    type: 'card_error' as const,
    code: decline.code,
    ...(decline.decline_code ? { decline_code: decline.decline_code } : {}),
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
    message: decline.message,
    charge: charge.id,
    payment_method: clone(paymentMethod),
  };
  intent.last_payment_error = clone(body);
  return new StripeError(402, { ...body, payment_intent: clone(intent) });
}

export function confirmIntent(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  const intent = record.data;
  if (!CONFIRMABLE.includes(String(intent.status))) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${String(intent.status)}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
    );
  }
  const paymentMethod =
    typeof params.payment_method === 'string'
      ? resolvePaymentMethod(k, record.owner, params.payment_method, 'payment_method')
      : typeof intent.payment_method === 'string'
        ? k.store.get(intent.payment_method)
        : undefined;
  if (!paymentMethod) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, pass a payment_method (for example pm_card_visa).",
      'payment_method',
    );
  }
  intent.payment_method = paymentMethod.id;
  if (params.capture_method !== undefined) intent.capture_method = params.capture_method;
  if (params.receipt_email !== undefined) intent.receipt_email = params.receipt_email;
  intent.last_payment_error = null;
  intent.next_action = null;
  const card = cardOf(paymentMethod);
  const returnUrl = typeof params.return_url === 'string' ? params.return_url : null;
  if (card.authenticationRequired) return requireAuthentication(k, ctx, record, returnUrl);
  return chargeIntent(k, originOf(ctx), record, paymentMethod, null);
}

/**
 * The money-moving half of a confirmation: one charge, declined or succeeded (captured or
 * authorised). Runs at confirm, or when the cardholder completed 3-D Secure on the bank page.
 */
export function chargeIntent(
  k: Kernel,
  origin: EventOrigin,
  record: StoredRecord,
  paymentMethod: StoredRecord,
  threeDSecure: ThreeDSecureResult | null,
): ApiObject {
  const intent = record.data;
  const card = cardOf(paymentMethod);
  const capture = intent.capture_method !== 'manual';
  const charge = cardCharge(k, { intent, paymentMethod, card, capture, threeDSecure });
  const chargeRecord = k.store.insert(charge, record.owner);
  intent.latest_charge = charge.id;
  if (card.decline) {
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    const error = declineError(charge, intent, paymentMethod.data, card);
    emitEvent(k, 'charge.failed', charge, origin);
    emitEvent(k, 'payment_intent.payment_failed', intent, origin);
    throw error;
  }
  if (capture) {
    bookCharge(k, record.owner, charge, Number(charge.amount), card);
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount });
    emitEvent(k, 'charge.succeeded', charge, origin);
    emitEvent(k, 'payment_intent.succeeded', intent, origin);
    if (card.disputeReason) scheduleDispute(k, chargeRecord, card.disputeReason);
  } else {
    Object.assign(intent, { status: 'requires_capture', amount_capturable: intent.amount });
    emitEvent(k, 'charge.succeeded', charge, origin);
    emitEvent(k, 'payment_intent.amount_capturable_updated', intent, origin);
  }
  return intent;
}

export function captureIntent(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  const intent = record.data;
  if (intent.status !== 'requires_capture') {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${String(intent.status)}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
    );
  }
  const capturable = Number(intent.amount_capturable);
  const amount = params.amount_to_capture === undefined ? capturable : Number(params.amount_to_capture);
  if (amount < 1 || amount > capturable) {
    throw invalidParam(
      `The amount_to_capture must be between 1 and the amount capturable (${capturable}).`,
      'amount_to_capture',
      'amount_too_large',
    );
  }
  const chargeRecord = k.store.get(String(intent.latest_charge))!;
  const charge = chargeRecord.data;
  const card = cardOf(k.store.get(String(charge.payment_method))!);
  // The uncaptured remainder is released: Stripe shows it as refunded on the charge.
  Object.assign(charge, { captured: true, amount_captured: amount, amount_refunded: capturable - amount });
  bookCharge(k, record.owner, charge, amount, card);
  if (params.transfer_group !== undefined) intent.transfer_group = charge.transfer_group = params.transfer_group;
  Object.assign(intent, { status: 'succeeded', amount_capturable: 0, amount_received: amount });
  const origin = originOf(ctx);
  emitEvent(k, 'charge.captured', charge, origin);
  emitEvent(k, 'payment_intent.succeeded', intent, origin);
  if (card.disputeReason) scheduleDispute(k, chargeRecord, card.disputeReason);
  return intent;
}
