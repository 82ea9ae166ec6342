// The Account object and its requirements. Requirements are computed from what the account
// holds, so onboarding (or, for Custom accounts, API updates) fulfils them and switches
// charges_enabled / payouts_enabled / capabilities on.
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { clone } from '../core/clone.ts';

export type AccountType = 'custom' | 'express' | 'standard' | 'none';

export interface Controller {
  type: 'application' | 'account';
  is_controller: boolean;
  fees: { payer: string };
  losses: { payments: string };
  requirement_collection: 'application' | 'stripe';
  stripe_dashboard: { type: 'express' | 'full' | 'none' };
}

const CONTROLLERS: Record<Exclude<AccountType, 'none'>, Controller> = {
  express: controller('application_express', 'application', 'stripe', 'express'),
  standard: controller('account', 'stripe', 'stripe', 'full'),
  custom: controller('application_custom', 'application', 'application', 'none'),
};

function controller(
  payer: string,
  losses: string,
  collection: 'application' | 'stripe',
  dashboard: 'express' | 'full' | 'none',
): Controller {
  return {
    type: 'application',
    is_controller: true,
    fees: { payer },
    losses: { payments: losses },
    requirement_collection: collection,
    stripe_dashboard: { type: dashboard },
  };
}

export function controllerForType(type: Exclude<AccountType, 'none'>): Controller {
  return clone(CONTROLLERS[type]);
}

/** Accounts created with `controller` get the `type` whose controller they match, else `none`. */
export function typeForController(c: Controller): AccountType {
  for (const [type, preset] of Object.entries(CONTROLLERS) as Array<[Exclude<AccountType, 'none'>, Controller]>) {
    const sameFees =
      preset.fees.payer === c.fees.payer ||
      (c.fees.payer === 'application' && preset.fees.payer.startsWith('application'));
    if (
      sameFees &&
      preset.losses.payments === c.losses.payments &&
      preset.requirement_collection === c.requirement_collection &&
      preset.stripe_dashboard.type === c.stripe_dashboard.type
    )
      return type;
  }
  return 'none';
}

export function emptyRequirements(due: string[]): Record<string, unknown> {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: due,
    past_due: due,
    pending_verification: [],
  };
}

interface AccountInternal {
  individual?: Record<string, unknown>;
  company?: Record<string, unknown>;
}

/** What Stripe still needs before the account may charge and be paid out. */
export function dueRequirements(account: ApiObject, internal: AccountInternal): string[] {
  const profile = account.business_profile as Record<string, unknown>;
  const tos = account.tos_acceptance as Record<string, unknown>;
  const externals = (account.external_accounts as { data: Array<{ status?: string }> }).data;
  const due: string[] = [];
  if (!profile.mcc) due.push('business_profile.mcc');
  if (!profile.url && !profile.product_description) due.push('business_profile.url');
  if (!account.business_type) due.push('business_type');
  // A bank account whose payouts failed is `errored` and no longer counts.
  if (!externals.some((bank) => bank.status !== 'errored')) due.push('external_account');
  if (account.business_type === 'individual' || !account.business_type) {
    if (!internal.individual?.first_name) due.push('individual.first_name');
    if (!internal.individual?.last_name) due.push('individual.last_name');
  } else if (!internal.company?.name) {
    due.push('company.name');
  }
  if (!tos.date) due.push('tos_acceptance.date');
  if (!tos.ip) due.push('tos_acceptance.ip');
  return due;
}

/**
 * Re-derives requirements and the flags that depend on them. Capabilities need the
 * verification requirements (and a bank account once given); payouts also need a bank
 * account that has not failed.
 */
export function refreshAccountStatus(record: StoredRecord): void {
  const account = record.data;
  const due = dueRequirements(account, record.internal as AccountInternal);
  const hadBank = (account.external_accounts as { data: unknown[] }).data.length > 0;
  const verified = hadBank && due.every((requirement) => requirement === 'external_account');
  account.requirements = emptyRequirements(due);
  const capabilities = account.capabilities as Record<string, string>;
  for (const name of Object.keys(capabilities)) capabilities[name] = verified ? 'active' : 'inactive';
  account.charges_enabled = capabilities.card_payments === 'active';
  account.payouts_enabled = due.length === 0;
}

export function newAccountObject(
  id: string,
  created: number,
  type: AccountType,
  ctrl: Controller,
  country: string,
  currency: string,
): ApiObject {
  return {
    id,
    object: 'account',
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: null,
      name: null,
      product_description: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: null,
    capabilities: {},
    charges_enabled: false,
    controller: ctrl,
    country,
    created,
    default_currency: currency,
    details_submitted: false,
    email: null,
    external_accounts: { object: 'list', data: [], has_more: false, url: `/v1/accounts/${id}/external_accounts` },
    future_requirements: emptyRequirements([]),
    metadata: {},
    payouts_enabled: false,
    requirements: emptyRequirements([]),
    settings: {
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_payments: {
        decline_on: { avs_failure: false, cvc_failure: false },
        statement_descriptor_prefix: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      dashboard: { display_name: null, timezone: 'Etc/UTC' },
      payments: { statement_descriptor: null, statement_descriptor_kana: null, statement_descriptor_kanji: null },
      payouts: {
        debit_negative_balances: true,
        schedule: { delay_days: 2, interval: 'daily' },
        statement_descriptor: null,
      },
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type,
  };
}

/** The platform itself: a fully enabled Standard account whose payouts are manual. */
export function platformAccountObject(id: string, created: number): ApiObject {
  const account = newAccountObject(id, created, 'standard', controllerForType('standard'), 'US', 'usd');
  account.controller = { type: 'account' };
  account.business_profile = {
    ...(account.business_profile as object),
    name: 'TourConnect (emulated platform)',
    mcc: '4722',
    url: 'https://tourconnect.invalid',
  };
  account.business_type = 'company';
  account.capabilities = { card_payments: 'active', transfers: 'active' };
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.details_submitted = true;
  const settings = account.settings as { payouts: { schedule: Record<string, unknown> } };
  settings.payouts.schedule = { delay_days: 2, interval: 'manual' };
  return account;
}
