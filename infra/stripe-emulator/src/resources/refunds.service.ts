// Refunds of card charges, by charge or by PaymentIntent, partial or full, never more than
// the charge has left. Stripe keeps its processing fee on refunds.
import { checkPositiveAmount, formatAmount } from '../core/currency.ts';
import { invalidParam, invalidRequest, resourceMissing } from '../core/errors.ts';
import { applyMetadata } from '../core/metadata.ts';
import type { Params } from '../core/param-validator.ts';
import { originOf, type Kernel, type RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { findCharge } from './charges.routes.ts';
import { emitEvent } from './events.service.ts';
import { followingAvailability, recordTxn } from './ledger.ts';
import { newRefundObject } from './refunds.model.ts';

export function findRefund(k: Kernel, ctx: RequestContext, id: string): StoredRecord {
  const record = k.store.find('refund', id, ctx.account);
  if (!record) throw resourceMissing('refund', id);
  return record;
}

function chargeToRefund(k: Kernel, ctx: RequestContext, params: Params): StoredRecord {
  if (typeof params.charge === 'string') {
    const charge = findCharge(k, ctx, params.charge, 'charge');
    if (typeof params.payment_intent === 'string' && charge.data.payment_intent !== params.payment_intent) {
      throw invalidParam(`Charge ${charge.id} does not belong to PaymentIntent ${params.payment_intent}.`, 'charge');
    }
    return charge;
  }
  if (typeof params.payment_intent !== 'string') {
    throw invalidParam(
      'One of the following params should be provided for this request: payment_intent or charge.',
      'payment_intent',
      'parameter_missing',
    );
  }
  const intent = k.store.find('payment_intent', params.payment_intent, ctx.account);
  if (!intent) throw resourceMissing('payment_intent', params.payment_intent, 'payment_intent');
  if (intent.data.status !== 'succeeded') {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      param: 'payment_intent',
    });
  }
  return k.store.get(String(intent.data.latest_charge))!;
}

function checkRefundable(charge: ApiObject, params: Params): number {
  if (typeof charge.payment_method !== 'string') {
    throw invalidParam(
      `Charge ${charge.id} pays out a transfer; reverse the transfer instead of refunding it.`,
      'charge',
    );
  }
  if (charge.captured !== true) {
    throw invalidRequest(
      `Charge ${charge.id} has not been captured; cancel its PaymentIntent to release the authorization.`,
      { param: 'charge' },
    );
  }
  const requested = params.amount === undefined ? undefined : checkPositiveAmount(params.amount);
  const remaining = Number(charge.amount_captured) - Number(charge.amount_refunded);
  if (remaining === 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  const amount = requested ?? remaining;
  if (amount > remaining) {
    const currency = String(charge.currency);
    throw invalidParam(
      `Refund amount (${formatAmount(amount, currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, currency)})`,
      'amount',
      'amount_too_large',
    );
  }
  if (params.reverse_transfer === true) {
    throw invalidParam(
      'reverse_transfer applies to destination charges only; reverse each transfer with POST /v1/transfers/{id}/reversals.',
      'reverse_transfer',
    );
  }
  if (params.refund_application_fee === true)
    throw invalidParam('This charge has no application fee to refund.', 'refund_application_fee');
  return amount;
}

export function createRefund(k: Kernel, ctx: RequestContext, params: Params): ApiObject {
  const chargeRecord = chargeToRefund(k, ctx, params);
  const charge = chargeRecord.data;
  const amount = checkRefundable(charge, params);
  const refund = newRefundObject(k, {
    amount,
    charge,
    reason: (params.reason as string | undefined) ?? null,
    metadata: applyMetadata({}, params.metadata),
    balanceTransaction: null,
  });
  const txn = recordTxn(k, {
    owner: chargeRecord.owner,
    type: 'refund',
    amount: -amount,
    currency: String(charge.currency),
    source: refund.id,
    description: 'REFUND FOR CHARGE',
    availableOn: followingAvailability(k, charge.balance_transaction),
  });
  refund.balance_transaction = txn.id;
  k.store.insert(refund, chargeRecord.owner);
  charge.amount_refunded = Number(charge.amount_refunded) + amount;
  charge.refunded = charge.amount_refunded === charge.amount_captured;
  const origin = originOf(ctx);
  emitEvent(k, 'refund.created', refund, origin);
  emitEvent(k, 'charge.refunded', charge, origin);
  return refund;
}

export function updateRefund(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  record.data.metadata = applyMetadata((record.data.metadata ?? {}) as Record<string, string>, params.metadata);
  emitEvent(k, 'refund.updated', record.data, originOf(ctx));
  return record.data;
}
