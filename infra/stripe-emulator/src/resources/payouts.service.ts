// Payouts from an account's available balance to its bank account. The clock drives them:
// pending → in_transit (an hour later) → paid on arrival_date, or failed with a failure_code
// (test bank numbers, or /_emulator/payouts/... controls), returning the money.
import { DAY_SECONDS, startOfDay } from '../core/clock.ts';
import { checkPositiveAmount, normalizeCurrency } from '../core/currency.ts';
import { invalidParam, invalidRequest, resourceMissing } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { applyMetadata } from '../core/metadata.ts';
import type { Params } from '../core/param-validator.ts';
import { originOf, systemOrigin, type EventOrigin, type Kernel, type RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { refreshAccountStatus } from './accounts.model.ts';
import { BANK_ACCOUNT_FAILURES, defaultBankAccount, PAYOUT_FAILURES, syncExternalAccounts } from './bank-accounts.ts';
import { emitEvent, previousAttributes } from './events.service.ts';
import { availableIn, recordTxn } from './ledger.ts';
import { clone } from '../core/clone.ts';

const IN_TRANSIT_AFTER_SECONDS = 3_600;
const ARRIVAL_DAYS = 2;

export function findPayout(k: Kernel, ctx: RequestContext, id: string): StoredRecord {
  const record = k.store.find('payout', id, ctx.account);
  if (!record) throw resourceMissing('payout', id);
  return record;
}

export interface PayoutInput {
  account: StoredRecord;
  amount: number;
  currency: string;
  automatic: boolean;
  description?: string | null;
  metadata?: Record<string, string>;
  destination?: string;
}

/** Creates the payout and debits the account's available balance. */
export function issuePayout(k: Kernel, input: PayoutInput, origin: EventOrigin): ApiObject {
  const { account, amount, currency } = input;
  const bank = input.destination
    ? k.store.find('bank_account', input.destination, account.id)
    : defaultBankAccount(k, account, currency);
  if (!bank) {
    if (input.destination) throw resourceMissing('external account', input.destination, 'destination');
    throw invalidRequest(`The account ${account.id} has no external account in ${currency} to pay out to.`, {
      param: 'currency',
    });
  }
  const id = newId('po');
  const now = k.clock.now();
  const txn = recordTxn(k, {
    owner: account.id,
    type: 'payout',
    amount: -amount,
    currency,
    source: id,
    description: input.description ?? 'STRIPE PAYOUT',
    availableOn: now,
  });
  const payout: ApiObject = {
    id,
    object: 'payout',
    amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: startOfDay(now) + ARRIVAL_DAYS * DAY_SECONDS,
    automatic: input.automatic,
    balance_transaction: txn.id,
    created: now,
    currency,
    description: input.description ?? 'STRIPE PAYOUT',
    destination: bank.id,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: input.metadata ?? {},
    method: 'standard',
    original_payout: null,
    payout_method: null,
    reconciliation_status: input.automatic ? 'in_progress' : 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: null,
    status: 'pending',
    trace_id: { status: 'pending', value: null },
    type: 'bank_account',
  };
  k.store.insert(payout, account.id, { bank: bank.id });
  emitEvent(k, 'payout.created', payout, origin);
  return payout;
}

export function createPayout(k: Kernel, ctx: RequestContext, params: Params): ApiObject {
  const account = k.store.get(ctx.account)!;
  if (account.data.payouts_enabled !== true) {
    throw invalidRequest(`Payouts are not enabled for account ${account.id} yet; complete its onboarding first.`, {
      code: 'payouts_not_allowed',
    });
  }
  const amount = checkPositiveAmount(params.amount);
  const currency = normalizeCurrency(params.currency);
  const schedule = (account.data.settings as { payouts: { schedule: { interval?: string } } }).payouts.schedule;
  if (schedule.interval !== 'manual') {
    throw invalidRequest(
      `Account ${account.id} has automatic payouts (${String(schedule.interval)}); create payouts by hand only after setting settings[payouts][schedule][interval]=manual.`,
      { param: 'amount' },
    );
  }
  if (params.method === 'instant')
    throw invalidParam('Instant payouts are not emulated; use method=standard.', 'method');
  if (availableIn(k, account.id, currency) < amount) {
    throw invalidRequest(
      'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).',
      { code: 'balance_insufficient' },
    );
  }
  return issuePayout(
    k,
    {
      account,
      amount,
      currency,
      automatic: false,
      description: (params.description as string) ?? null,
      metadata: applyMetadata({}, params.metadata),
      ...(typeof params.destination === 'string' ? { destination: params.destination } : {}),
    },
    originOf(ctx),
  );
}

export function updatePayout(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  const before = clone(record.data);
  record.data.metadata = applyMetadata((record.data.metadata ?? {}) as Record<string, string>, params.metadata);
  emitEvent(k, 'payout.updated', record.data, originOf(ctx), previousAttributes(before, record.data));
  return record.data;
}

function failureCodeFor(k: Kernel, record: StoredRecord): string | null {
  const account = k.store.get(record.owner);
  const bank = k.store.get(String(record.internal.bank));
  const code = record.internal.failureCode ?? account?.internal.payoutFailureCode ?? bank?.internal.failureCode ?? null;
  return typeof code === 'string' ? code : null;
}

/** A payout bounced for a reason tied to the bank account: Stripe stops paying out to it. */
function disableBankAccount(k: Kernel, payout: StoredRecord, origin: EventOrigin): void {
  const bank = k.store.get(String(payout.internal.bank));
  const account = k.store.get(payout.owner);
  if (!bank || !account) return;
  const before = clone(account.data);
  bank.data.status = 'errored';
  syncExternalAccounts(k, account);
  refreshAccountStatus(account);
  emitEvent(k, 'account.external_account.updated', bank.data, origin);
  emitEvent(k, 'account.updated', account.data, origin, previousAttributes(before, account.data));
}

/** Moves one payout along its timeline up to `now`; returns the next time it changes. */
export function advancePayout(k: Kernel, record: StoredRecord, now: number): number | undefined {
  const payout = record.data;
  const origin = systemOrigin(record.owner);
  const before = clone(payout);
  if (payout.status === 'pending' && now >= Number(payout.created) + IN_TRANSIT_AFTER_SECONDS) {
    payout.status = 'in_transit';
    emitEvent(k, 'payout.updated', payout, origin, previousAttributes(before, payout));
  }
  if (payout.status !== 'in_transit')
    return payout.status === 'pending' ? Number(payout.created) + IN_TRANSIT_AFTER_SECONDS : undefined;
  if (now < Number(payout.arrival_date)) return Number(payout.arrival_date);
  const beforeArrival = clone(payout);
  const failure = failureCodeFor(k, record);
  if (failure) {
    const txn = recordTxn(k, {
      owner: record.owner,
      type: 'payout_failure',
      amount: Number(payout.amount),
      currency: String(payout.currency),
      source: payout.id,
      description: `Payout failure (${failure})`,
      availableOn: now,
    });
    Object.assign(payout, {
      status: 'failed',
      failure_code: failure,
      failure_message: PAYOUT_FAILURES[failure] ?? 'The payout failed.',
      failure_balance_transaction: txn.id,
      trace_id: { status: 'unsupported', value: null },
    });
    emitEvent(k, 'payout.failed', payout, origin);
    if (BANK_ACCOUNT_FAILURES.has(failure)) disableBankAccount(k, record, origin);
  } else {
    Object.assign(payout, {
      status: 'paid',
      trace_id: { status: 'supported', value: `EMU${payout.id.slice(3, 15).toUpperCase()}` },
    });
    if (payout.automatic) payout.reconciliation_status = 'completed';
    emitEvent(k, 'payout.paid', payout, origin);
  }
  emitEvent(k, 'payout.updated', payout, origin, previousAttributes(beforeArrival, payout));
  return undefined;
}
