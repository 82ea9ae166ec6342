// Creating, updating, onboarding and deleting connected accounts.
import { clone } from '../core/clone.ts';
import { defaultCurrencyFor } from '../core/currency.ts';
import { invalidParam, invalidRequest, resourceMissing } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { applyMetadata } from '../core/metadata.ts';
import type { Params } from '../core/param-validator.ts';
import type { EventOrigin, Kernel, RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import {
  controllerForType,
  newAccountObject,
  refreshAccountStatus,
  typeForController,
  type AccountType,
  type Controller,
} from './accounts.model.ts';
import { attachBankAccount, bankDetailsFrom } from './bank-accounts.ts';
import { emitEvent, previousAttributes } from './events.service.ts';

type Obj = Record<string, unknown>;
const PROFILE_FIELDS = [
  'mcc',
  'name',
  'product_description',
  'support_email',
  'support_phone',
  'support_url',
  'url',
  'estimated_worker_count',
];

export function accountOrigin(ctx: RequestContext, account: string): EventOrigin {
  return { account, requestId: ctx.requestId, idempotencyKey: ctx.idempotencyKey };
}

function resolveType(params: Params): { type: AccountType; controller: Controller } {
  if (params.type !== undefined && params.controller !== undefined) {
    throw invalidParam('You cannot specify both `type` and `controller`.', 'controller', 'parameters_exclusive');
  }
  if (params.type !== undefined) {
    const type = params.type as Exclude<AccountType, 'none'>;
    return { type, controller: controllerForType(type) };
  }
  if (params.controller === undefined) {
    throw invalidParam(
      'You must provide either `type` or `controller` to create an account.',
      'type',
      'parameter_missing',
    );
  }
  const given = params.controller as Obj;
  const dashboard =
    ((given.stripe_dashboard as Obj | undefined)?.type as Controller['stripe_dashboard']['type']) ?? 'full';
  const controller: Controller = {
    type: 'application',
    is_controller: true,
    fees: { payer: String((given.fees as Obj | undefined)?.payer ?? 'account') },
    losses: { payments: String((given.losses as Obj | undefined)?.payments ?? 'stripe') },
    requirement_collection: (given.requirement_collection as Controller['requirement_collection']) ?? 'stripe',
    stripe_dashboard: { type: dashboard },
  };
  const type = typeForController(controller);
  if (controller.fees.payer === 'application' && type === 'express') controller.fees.payer = 'application_express';
  return { type, controller };
}

function applyCapabilities(account: ApiObject, requested: unknown): void {
  if (requested === undefined) return;
  const capabilities = account.capabilities as Record<string, string>;
  for (const [name, setting] of Object.entries(requested as Record<string, Obj>)) {
    if (setting.requested === true) capabilities[name] ??= 'inactive';
    else if (setting.requested === false) delete capabilities[name];
  }
}

function applySettings(account: ApiObject, settings: Obj | undefined): void {
  if (!settings) return;
  const current = account.settings as Record<string, Obj>;
  const payouts = settings.payouts as Obj | undefined;
  const schedule = payouts?.schedule as Obj | undefined;
  if (schedule) {
    const target = (current.payouts!.schedule ??= {}) as Obj;
    if (schedule.interval !== undefined) target.interval = schedule.interval;
    if (typeof schedule.delay_days === 'number') target.delay_days = schedule.delay_days;
    if (schedule.weekly_anchor !== undefined) target.weekly_anchor = schedule.weekly_anchor;
    if (schedule.monthly_anchor !== undefined) target.monthly_anchor = schedule.monthly_anchor;
  }
  if (payouts?.debit_negative_balances !== undefined)
    current.payouts!.debit_negative_balances = payouts.debit_negative_balances;
  const display = (settings.dashboard as Obj | undefined)?.display_name;
  if (display !== undefined) current.dashboard!.display_name = display;
  const descriptor = (settings.payments as Obj | undefined)?.statement_descriptor;
  if (descriptor !== undefined) current.payments!.statement_descriptor = descriptor;
}

/** Fields shared by create and update. */
function applyAccountParams(k: Kernel, record: StoredRecord, params: Params): void {
  const account = record.data;
  const collection = (account.controller as Controller).requirement_collection;
  if (params.tos_acceptance !== undefined && collection === 'stripe') {
    throw invalidParam(
      'You cannot accept the Terms of Service on behalf of accounts where Stripe collects requirements (Standard and Express accounts).',
      'tos_acceptance',
    );
  }
  const profile = params.business_profile as Obj | undefined;
  for (const field of PROFILE_FIELDS)
    if (profile?.[field] !== undefined) (account.business_profile as Obj)[field] = profile[field];
  if (params.business_type !== undefined) account.business_type = params.business_type;
  if (params.email !== undefined) account.email = params.email;
  if (params.default_currency !== undefined) account.default_currency = String(params.default_currency).toLowerCase();
  account.metadata = applyMetadata(account.metadata as Record<string, string>, params.metadata);
  applyCapabilities(account, params.capabilities);
  applySettings(account, params.settings as Obj | undefined);
  if (params.individual !== undefined)
    record.internal.individual = { ...(record.internal.individual as Obj), ...(params.individual as Obj) };
  if (params.company !== undefined)
    record.internal.company = { ...(record.internal.company as Obj), ...(params.company as Obj) };
  if (params.tos_acceptance !== undefined) Object.assign(account.tos_acceptance as Obj, params.tos_acceptance);
  const external = params.external_account ?? params.bank_account;
  if (external !== undefined)
    attachBankAccount(
      k,
      record,
      bankDetailsFrom(external, params.external_account !== undefined ? 'external_account' : 'bank_account'),
    );
  refreshAccountStatus(record);
}

export function createAccount(k: Kernel, ctx: RequestContext, params: Params): ApiObject {
  if (!ctx.isPlatform)
    throw invalidRequest('Only the platform can create connected accounts; remove the Stripe-Account header.');
  const { type, controller } = resolveType(params);
  const requested = Object.entries((params.capabilities as Record<string, Obj> | undefined) ?? {}).filter(
    ([, s]) => s.requested === true,
  );
  if ((type === 'express' || type === 'custom') && requested.length === 0) {
    throw invalidParam(
      `Accounts of type \`${type}\` must request at least the \`transfers\` or \`card_payments\` capability.`,
      'capabilities',
    );
  }
  const country = String(params.country ?? 'US').toUpperCase();
  const id = newId('acct');
  const account = newAccountObject(id, k.clock.now(), type, controller, country, defaultCurrencyFor(country));
  const record = k.store.insert(account, k.store.platformAccountId);
  // Standard accounts get card payments and transfers without asking, as on Stripe.
  if (type === 'standard' && requested.length === 0)
    account.capabilities = { card_payments: 'inactive', transfers: 'inactive' };
  applyAccountParams(k, record, params);
  return account;
}

export function findAccount(k: Kernel, ctx: RequestContext, id: string): StoredRecord {
  const record = k.store.find('account', id, k.store.platformAccountId);
  const visible = record && !record.internal.deleted && (ctx.isPlatform || ctx.account === id);
  if (!visible) {
    if (!ctx.isPlatform)
      throw invalidRequest(
        `The provided key does not have access to account '${id}' (or that account does not exist).`,
        { status: 403, code: 'account_invalid' },
      );
    throw resourceMissing('account', id);
  }
  return record;
}

export function updateAccount(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  const before = clone(record.data);
  applyAccountParams(k, record, params);
  const previous = previousAttributes(before, record.data);
  if (Object.keys(previous).length > 0)
    emitEvent(k, 'account.updated', record.data, accountOrigin(ctx, record.id), previous);
  return record.data;
}

export interface OnboardingAnswers {
  businessName: string;
  firstName: string;
  lastName: string;
  url: string;
  /** A test bank token (btok_us_verified…) choosing how payouts will behave. */
  bankToken: string;
}

/** What the hosted onboarding form submits: it fulfils every requirement. */
export function completeOnboarding(
  k: Kernel,
  record: StoredRecord,
  answers: OnboardingAnswers,
  origin: EventOrigin,
): void {
  const before = clone(record.data);
  const account = record.data;
  Object.assign(account.business_profile as Obj, { mcc: '4722', name: answers.businessName, url: answers.url });
  account.business_type = 'individual';
  record.internal.individual = { first_name: answers.firstName, last_name: answers.lastName };
  Object.assign(account.tos_acceptance as Obj, {
    date: k.clock.now(),
    ip: '127.0.0.1',
    user_agent: 'stripe-emulator onboarding',
  });
  const bank = attachBankAccount(k, record, bankDetailsFrom(answers.bankToken, 'external_account'));
  account.details_submitted = true;
  refreshAccountStatus(record);
  emitEvent(k, 'account.external_account.created', bank, origin);
  emitEvent(k, 'account.updated', account, origin, previousAttributes(before, account));
}

/** The account disappears from the API; its ledger stays so the books still reconcile. */
export function deleteAccount(k: Kernel, record: StoredRecord): ApiObject {
  record.internal.deleted = true;
  k.store.changed();
  return { id: record.id, object: 'account', deleted: true };
}
