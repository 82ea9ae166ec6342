import { invalidRequest, resourceMissing, unexpectedState } from '../core/errors.ts';
import type { Params } from '../core/param-validator.ts';
import { originOf, type Kernel, type RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { emitEvent } from './events.service.ts';
import { applyIntentUpdate, newIntentObject, rejectUnemulated } from './payment-intents.model.ts';
import { confirmIntent } from './payment-intents.confirm.ts';
import { resolvePaymentMethod } from './payment-methods.ts';

const CANCELABLE = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

export function findIntent(k: Kernel, ctx: RequestContext, id: string): StoredRecord {
  const record = k.store.find('payment_intent', id, ctx.account);
  if (!record) throw resourceMissing('payment_intent', id);
  return record;
}

function assertCanCharge(k: Kernel, ctx: RequestContext): void {
  if (ctx.isPlatform) return;
  const account = k.store.get(ctx.account)!;
  if (account.data.charges_enabled !== true) {
    throw invalidRequest(
      `The account ${ctx.account} cannot create charges yet: its card_payments capability is not active (charges_enabled is false).`,
      { code: 'account_invalid' },
    );
  }
}

export function createIntent(k: Kernel, ctx: RequestContext, params: Params): ApiObject {
  rejectUnemulated(params);
  assertCanCharge(k, ctx);
  const intent = newIntentObject(k, params);
  // Resolve before storing so an unknown payment method leaves nothing behind.
  const paymentMethod =
    typeof params.payment_method === 'string'
      ? resolvePaymentMethod(k, ctx.account, params.payment_method, 'payment_method')
      : undefined;
  if (paymentMethod) Object.assign(intent, { payment_method: paymentMethod.id, status: 'requires_confirmation' });
  const record = k.store.insert(intent, ctx.account);
  emitEvent(k, 'payment_intent.created', intent, originOf(ctx));
  if (params.confirm !== true) return intent;
  // The payment method is already resolved and stored on the intent.
  const confirmParams: Params = { ...params };
  delete confirmParams.payment_method;
  return confirmIntent(k, ctx, record, confirmParams);
}

export function updateIntent(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  rejectUnemulated(params);
  applyIntentUpdate(record.data, params);
  if (typeof params.payment_method === 'string') {
    record.data.payment_method = resolvePaymentMethod(k, record.owner, params.payment_method, 'payment_method').id;
    record.data.status = 'requires_confirmation';
  }
  return record.data;
}

export function cancelIntent(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  const intent = record.data;
  if (!CANCELABLE.includes(String(intent.status))) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${String(intent.status)}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
    );
  }
  if (intent.status === 'requires_capture') {
    // Cancelling an authorisation releases it: the uncaptured charge shows as refunded.
    const charge = k.store.get(String(intent.latest_charge))!.data;
    Object.assign(charge, { amount_refunded: charge.amount, refunded: true });
    intent.amount_capturable = 0;
  }
  Object.assign(intent, {
    status: 'canceled',
    canceled_at: k.clock.now(),
    cancellation_reason: params.cancellation_reason ?? null,
  });
  emitEvent(k, 'payment_intent.canceled', intent, originOf(ctx));
  return intent;
}
