// Balance transactions and balances. Every money movement is one balance transaction on one
// account; an account's balance is the sum of its transactions' `net`, split into available
// and pending by `available_on` against the emulator clock.
import { DAY_SECONDS, startOfDay } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { Kernel } from '../kernel.ts';
import type { ApiObject, ResponseObject, StoredRecord } from '../state/types.ts';

export type TxnType =
  | 'charge'
  | 'refund'
  | 'transfer'
  | 'transfer_refund'
  | 'payment'
  | 'payment_refund'
  | 'payout'
  | 'payout_failure'
  | 'adjustment';

const REPORTING_CATEGORY: Record<TxnType, string> = {
  charge: 'charge',
  refund: 'refund',
  transfer: 'transfer',
  transfer_refund: 'transfer_reversal',
  payment: 'charge',
  payment_refund: 'refund',
  payout: 'payout',
  payout_failure: 'payout_reversal',
  adjustment: 'other_adjustment',
};

export interface TxnInput {
  /** Chosen beforehand when the source object must reference the transaction first. */
  id?: string;
  owner: string;
  type: TxnType;
  amount: number;
  fee?: number;
  currency: string;
  source: string;
  description?: string | null;
  availableOn: number;
  /** Overrides the type's category (disputes: `dispute`, `dispute_reversal`). */
  reportingCategory?: string;
  /** What the fee is (default: Stripe's processing fee). */
  feeDescription?: string;
}

export function recordTxn(k: Kernel, input: TxnInput): ApiObject {
  const fee = input.fee ?? 0;
  const now = k.clock.now();
  const txn: ApiObject = {
    id: input.id ?? newId('txn'),
    object: 'balance_transaction',
    amount: input.amount,
    available_on: input.availableOn,
    balance_type: 'payments',
    created: now,
    currency: input.currency,
    description: input.description ?? null,
    exchange_rate: null,
    fee,
    fee_details:
      fee !== 0
        ? [
            {
              amount: fee,
              application: null,
              currency: input.currency,
              description: input.feeDescription ?? 'Stripe processing fees',
              type: 'stripe_fee',
            },
          ]
        : [],
    net: input.amount - fee,
    reporting_category: input.reportingCategory ?? REPORTING_CATEGORY[input.type],
    source: input.source,
    status: input.availableOn <= now ? 'available' : 'pending',
    type: input.type,
  };
  k.store.insert(txn, input.owner);
  return txn;
}

/** `status` follows the clock; refreshed whenever a transaction is read. */
export function refreshTxnStatus(k: Kernel, record: StoredRecord): void {
  if (
    record.object === 'balance_transaction' &&
    record.data.status === 'pending' &&
    Number(record.data.available_on) <= k.clock.now()
  ) {
    record.data.status = 'available';
  }
}

/** When new funds from a charge become available: midnight UTC `delayDays` days later. */
export function availabilityDate(k: Kernel, delayDays = k.store.settings.availability_delay_days): number {
  return startOfDay(k.clock.now()) + delayDays * DAY_SECONDS;
}

/** Money leaving with funds that arrived earlier follows them: pending stays pending. */
export function followingAvailability(k: Kernel, originalTxnId: unknown): number {
  const original = typeof originalTxnId === 'string' ? k.store.get(originalTxnId) : undefined;
  return Math.max(k.clock.now(), Number(original?.data.available_on ?? 0));
}

export interface Balances {
  available: Map<string, number>;
  pending: Map<string, number>;
}

export function balancesOf(k: Kernel, owner: string): Balances {
  const now = k.clock.now();
  const result: Balances = { available: new Map(), pending: new Map() };
  for (const record of k.store.all('balance_transaction', owner)) {
    const txn = record.data;
    const bucket = Number(txn.available_on) <= now ? result.available : result.pending;
    const currency = String(txn.currency);
    bucket.set(currency, (bucket.get(currency) ?? 0) + Number(txn.net));
  }
  return result;
}

export function availableIn(k: Kernel, owner: string, currency: string): number {
  return balancesOf(k, owner).available.get(currency) ?? 0;
}

export function balanceObject(k: Kernel, owner: string, defaultCurrency: string): ResponseObject {
  const { available, pending } = balancesOf(k, owner);
  const currencies = new Set([defaultCurrency, ...available.keys(), ...pending.keys()]);
  const amounts = (bucket: Map<string, number>) =>
    [...currencies].map((currency) => ({
      amount: bucket.get(currency) ?? 0,
      currency,
      source_types: { card: bucket.get(currency) ?? 0 },
    }));
  const balance: ResponseObject = {
    object: 'balance',
    available: amounts(available),
    livemode: false,
    pending: amounts(pending),
  };
  if (owner === k.store.platformAccountId)
    balance.connect_reserved = [...currencies].map((currency) => ({ amount: 0, currency }));
  return balance;
}
