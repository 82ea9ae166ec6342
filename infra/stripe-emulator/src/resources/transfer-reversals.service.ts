// Reversing (part of) a transfer takes the money back from the connected account: a refund
// of its `py_` payment there, a transfer_refund credit on the platform.
import { checkPositiveAmount } from '../core/currency.ts';
import { invalidParam, invalidRequest, resourceMissing } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { applyMetadata } from '../core/metadata.ts';
import type { Params } from '../core/param-validator.ts';
import { originOf, type Kernel, type RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { emitEvent } from './events.service.ts';
import { followingAvailability, recordTxn } from './ledger.ts';
import { newRefundObject } from './refunds.model.ts';

export function findReversal(k: Kernel, transfer: StoredRecord, id: string): StoredRecord {
  const record = k.store.find('transfer_reversal', id, transfer.owner);
  if (!record || record.data.transfer !== transfer.id) throw resourceMissing('transfer_reversal', id);
  return record;
}

/** transfer.reversals embeds the ten newest reversals, as Stripe renders it. */
function refreshEmbeddedReversals(k: Kernel, transfer: ApiObject): void {
  const all = k.store
    .all('transfer_reversal', k.store.platformAccountId)
    .filter((r) => r.data.transfer === transfer.id);
  const newest = all
    .slice(-10)
    .reverse()
    .map((r) => r.data);
  transfer.reversals = {
    object: 'list',
    data: newest,
    has_more: all.length > 10,
    url: `/v1/transfers/${transfer.id}/reversals`,
  };
}

function refundDestinationPayment(k: Kernel, transfer: ApiObject, amount: number, reversalId: string): ApiObject {
  const payment = k.store.get(String(transfer.destination_payment))!;
  const refund = newRefundObject(k, {
    id: newId('pyr'),
    amount,
    charge: payment.data,
    reason: null,
    metadata: {},
    balanceTransaction: null,
  });
  refund.source_transfer_reversal = reversalId;
  const txn = recordTxn(k, {
    owner: payment.owner,
    type: 'payment_refund',
    amount: -amount,
    currency: String(transfer.currency),
    source: refund.id,
    availableOn: followingAvailability(k, payment.data.balance_transaction),
  });
  refund.balance_transaction = txn.id;
  k.store.insert(refund, payment.owner);
  payment.data.amount_refunded = Number(payment.data.amount_refunded) + amount;
  payment.data.refunded = payment.data.amount_refunded === payment.data.amount;
  return refund;
}

export function createReversal(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  const transfer = record.data;
  const requested = params.amount === undefined ? undefined : checkPositiveAmount(params.amount);
  const remaining = Number(transfer.amount) - Number(transfer.amount_reversed);
  if (remaining === 0)
    throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, {
      code: 'transfer_already_reversed',
    });
  const amount = requested ?? remaining;
  if (amount > remaining) {
    throw invalidParam(
      `Amount (${amount}) is greater than the unreversed amount remaining on transfer ${transfer.id} (${remaining}).`,
      'amount',
      'amount_too_large',
    );
  }
  if (params.refund_application_fee === true)
    throw invalidParam('This transfer has no application fee to refund.', 'refund_application_fee');
  const id = newId('trr');
  const currency = String(transfer.currency);
  const platformTxn = recordTxn(k, {
    owner: record.owner,
    type: 'transfer_refund',
    amount,
    currency,
    source: id,
    availableOn: followingAvailability(k, transfer.balance_transaction),
  });
  const destinationRefund = refundDestinationPayment(k, transfer, amount, id);
  const reversal: ApiObject = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: platformTxn.id,
    created: k.clock.now(),
    currency,
    destination_payment_refund: destinationRefund.id,
    metadata: applyMetadata({}, params.metadata),
    source_refund: null,
    transfer: transfer.id,
  };
  k.store.insert(reversal, record.owner);
  transfer.amount_reversed = Number(transfer.amount_reversed) + amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  refreshEmbeddedReversals(k, transfer);
  emitEvent(k, 'transfer.reversed', transfer, originOf(ctx));
  return reversal;
}

export function updateReversal(k: Kernel, transfer: StoredRecord, reversal: StoredRecord, params: Params): ApiObject {
  reversal.data.metadata = applyMetadata((reversal.data.metadata ?? {}) as Record<string, string>, params.metadata);
  refreshEmbeddedReversals(k, transfer.data);
  return reversal.data;
}
