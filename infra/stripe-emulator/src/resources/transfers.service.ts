// Separate charges and transfers: the platform moves part of a charge to a connected account.
// With source_transaction the money follows the charge (pending until the charge's funds
// are) and never exceeds what the charge has left; without it the platform's available
// balance must cover it.
import { checkPositiveAmount, normalizeCurrency } from '../core/currency.ts';
import { invalidParam, invalidRequest, missingParam, resourceMissing } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { applyMetadata } from '../core/metadata.ts';
import type { Params } from '../core/param-validator.ts';
import { originOf, type Kernel, type RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { transferPayment } from './charges.model.ts';
import { emitEvent } from './events.service.ts';
import { availableIn, followingAvailability, recordTxn } from './ledger.ts';

export function findTransfer(k: Kernel, ctx: RequestContext, id: string): StoredRecord {
  const record = k.store.find('transfer', id, ctx.account);
  if (!record) throw resourceMissing('transfer', id);
  return record;
}

function destinationAccount(k: Kernel, id: string): StoredRecord {
  const platform = k.store.platformAccountId;
  const record = k.store.find('account', id, platform);
  if (!record || record.internal.deleted || record.id === platform)
    throw resourceMissing('destination', id, 'destination');
  const capabilities = record.data.capabilities as Record<string, string>;
  if (capabilities.transfers !== 'active' && capabilities.legacy_payments !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { param: 'destination', code: 'insufficient_capabilities_for_transfer' },
    );
  }
  return record;
}

/** What a charge still has to give to transfers: captured − refunded − (transferred − reversed). */
export function transferableFrom(k: Kernel, charge: ApiObject): number {
  const transferred = k.store
    .all('transfer', k.store.platformAccountId)
    .filter((t) => t.data.source_transaction === charge.id)
    .reduce((sum, t) => sum + Number(t.data.amount) - Number(t.data.amount_reversed), 0);
  return Number(charge.amount_captured) - Number(charge.amount_refunded) - transferred;
}

function sourceCharge(k: Kernel, id: string, currency: string, amount: number): StoredRecord {
  const record = k.store.find('charge', id, k.store.platformAccountId);
  if (!record || record.data.status !== 'succeeded' || record.data.captured !== true) {
    throw resourceMissing('charge', id, 'source_transaction');
  }
  if (record.data.currency !== currency) {
    throw invalidParam(
      `The currency of source_transaction ${id} (${String(record.data.currency)}) must match the transfer currency (${currency}).`,
      'currency',
    );
  }
  const remaining = transferableFrom(k, record.data);
  if (amount > remaining) {
    throw invalidRequest(
      `Insufficient funds on source_transaction ${id}: the transfer amount (${amount}) exceeds what the charge has left to transfer (${remaining}).`,
      { param: 'amount', code: 'balance_insufficient' },
    );
  }
  return record;
}

export function createTransfer(k: Kernel, ctx: RequestContext, params: Params): ApiObject {
  if (!ctx.isPlatform) throw invalidRequest('Transfers are created by the platform; remove the Stripe-Account header.');
  if (params.amount === undefined) throw missingParam('amount');
  const amount = checkPositiveAmount(params.amount);
  const currency = normalizeCurrency(params.currency);
  const destination = destinationAccount(k, String(params.destination));
  const source =
    typeof params.source_transaction === 'string'
      ? sourceCharge(k, params.source_transaction, currency, amount)
      : undefined;
  const platform = k.store.platformAccountId;
  if (!source && availableIn(k, platform, currency) < amount) {
    throw invalidRequest(
      'You have insufficient funds in your Stripe account. One likely reason you have insufficient funds is that your funds are automatically being paid out; try enabling manual payouts by going to https://dashboard.stripe.com/account/payouts.',
      { code: 'balance_insufficient' },
    );
  }
  const availableOn = source ? followingAvailability(k, source.data.balance_transaction) : k.clock.now();
  const id = newId('tr');
  const platformTxn = recordTxn(k, {
    owner: platform,
    type: 'transfer',
    amount: -amount,
    currency,
    source: id,
    description: (params.description as string) ?? null,
    availableOn,
  });
  const transfer: ApiObject = {
    id,
    object: 'transfer',
    amount,
    amount_reversed: 0,
    balance_transaction: platformTxn.id,
    created: k.clock.now(),
    currency,
    description: params.description ?? null,
    destination: destination.id,
    destination_payment: null,
    livemode: false,
    metadata: applyMetadata({}, params.metadata),
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: source?.id ?? null,
    source_type: 'card',
    transfer_group: params.transfer_group ?? null,
  };
  const paymentTxnId = newId('txn');
  const payment = transferPayment(k, transfer, paymentTxnId);
  recordTxn(k, {
    id: paymentTxnId,
    owner: destination.id,
    type: 'payment',
    amount,
    currency,
    source: payment.id,
    availableOn,
  });
  k.store.insert(payment, destination.id);
  transfer.destination_payment = payment.id;
  k.store.insert(transfer, platform);
  emitEvent(k, 'transfer.created', transfer, originOf(ctx));
  return transfer;
}

export function updateTransfer(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  const transfer = record.data;
  if (params.description !== undefined) transfer.description = params.description;
  transfer.metadata = applyMetadata(transfer.metadata as Record<string, string>, params.metadata);
  emitEvent(k, 'transfer.updated', transfer, originOf(ctx));
  return transfer;
}
