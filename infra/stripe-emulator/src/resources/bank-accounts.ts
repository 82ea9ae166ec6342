// External bank accounts for payouts, including Stripe's test bank numbers whose payouts
// fail with a given failure_code (https://docs.stripe.com/connect/testing#payouts).
import { createHash } from 'node:crypto';
import { invalidParam } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Kernel } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { clone } from '../core/clone.ts';

export const PAYOUT_FAILURES: Record<string, string> = {
  account_closed: 'The bank account has been closed.',
  account_frozen: 'The bank account has been frozen.',
  bank_account_restricted: 'The bank account has restrictions on either the type or number of payouts allowed.',
  could_not_process: 'The bank could not process this payout.',
  debit_not_authorized: 'Debit transactions are not approved on the bank account.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  invalid_account_number: 'The routing number seems correct, but the account number is invalid.',
  invalid_currency: 'The bank was unable to process this payout because of its currency.',
  no_account:
    'The bank account details on file are probably incorrect. No bank account could be located with those details.',
};

const FAILING_NUMBERS: Record<string, string> = {
  '000111111116': 'no_account',
  '000111111113': 'account_closed',
  '000222222227': 'insufficient_funds',
  '000333333335': 'debit_not_authorized',
  '000444444440': 'invalid_currency',
};

const TEST_TOKENS: Record<string, string> = {
  btok_us_verified: '000123456789',
  btok_us_verified_noAccount: '000111111116',
  btok_us_verified_accountClosed: '000111111113',
  btok_us_verified_insufficientFunds: '000222222227',
  btok_us_verified_debitNotAuthorized: '000333333335',
  btok_us_verified_invalidCurrency: '000444444440',
};

export interface BankDetails {
  account_number: string;
  routing_number?: string;
  account_holder_name?: string;
  currency?: string;
  country?: string;
}

export function bankDetailsFrom(value: unknown, param: string): BankDetails {
  if (typeof value === 'string') {
    const number = TEST_TOKENS[value];
    if (!number) throw invalidParam(`No such token: '${value}'`, param, 'resource_missing');
    return { account_number: number };
  }
  const details = value as Record<string, unknown>;
  if (typeof details.account_number !== 'string')
    throw invalidParam(
      `Missing required param: ${param}[account_number].`,
      `${param}[account_number]`,
      'parameter_missing',
    );
  return details as unknown as BankDetails;
}

/** Attaches a bank account as the account's default for its currency (replacing the old one). */
export function attachBankAccount(k: Kernel, account: StoredRecord, details: BankDetails): ApiObject {
  const currency = (details.currency ?? String(account.data.default_currency)).toLowerCase();
  for (const old of k.store.all('bank_account', account.id).filter((ba) => ba.data.currency === currency))
    k.store.remove(old.id);
  const bank: ApiObject = {
    id: newId('ba'),
    object: 'bank_account',
    account: account.id,
    account_holder_name: details.account_holder_name ?? null,
    account_holder_type: null,
    account_type: null,
    available_payout_methods: ['standard'],
    bank_name: 'STRIPE TEST BANK',
    country: details.country ?? String(account.data.country),
    currency,
    default_for_currency: true,
    fingerprint: createHash('sha256').update(details.account_number).digest('hex').slice(0, 16),
    last4: details.account_number.slice(-4),
    metadata: {},
    routing_number: details.routing_number ?? '110000000',
    status: 'new',
  };
  k.store.insert(bank, account.id, { failureCode: FAILING_NUMBERS[details.account_number] ?? null });
  syncExternalAccounts(k, account);
  return bank;
}

/** account.external_accounts embeds copies of the account's bank accounts; refresh them. */
export function syncExternalAccounts(k: Kernel, account: StoredRecord): void {
  const list = account.data.external_accounts as { data: ApiObject[] };
  list.data = k.store.all('bank_account', account.id).map((record) => clone(record.data));
}

/** Failures that mean the bank account itself is unusable (Stripe marks it `errored`). */
export const BANK_ACCOUNT_FAILURES = new Set([
  'account_closed',
  'account_frozen',
  'bank_account_restricted',
  'debit_not_authorized',
  'invalid_account_number',
  'invalid_currency',
  'no_account',
]);

export function defaultBankAccount(k: Kernel, account: StoredRecord, currency: string): StoredRecord | undefined {
  const usable = k.store.all('bank_account', account.id).filter((ba) => ba.data.status !== 'errored');
  return usable.find((ba) => ba.data.currency === currency) ?? usable[0];
}
