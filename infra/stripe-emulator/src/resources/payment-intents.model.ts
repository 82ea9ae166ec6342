// The PaymentIntent object and the parameters shared by create and update.
import { checkChargeAmount, normalizeCurrency } from '../core/currency.ts';
import { invalidParam, resourceMissing } from '../core/errors.ts';
import { newId, newSecret } from '../core/ids.ts';
import { applyMetadata } from '../core/metadata.ts';
import type { Params } from '../core/param-validator.ts';
import type { Kernel } from '../kernel.ts';
import type { ApiObject } from '../state/types.ts';

export type IntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

/** Destination charges, application fees and customers are outside the emulated subset. */
const NOT_EMULATED: Record<string, string> = {
  application_fee_amount: 'Application fees are not emulated (use separate charges and transfers).',
  on_behalf_of: 'on_behalf_of is not emulated (use separate charges and transfers).',
  transfer_data: 'Destination charges (transfer_data) are not emulated (use separate charges and transfers).',
  confirmation_token: 'Confirmation tokens are not emulated; pass a test payment_method such as pm_card_visa.',
  payment_method_data: 'payment_method_data is not emulated; pass a test payment_method such as pm_card_visa.',
};

export function rejectUnemulated(params: Params): void {
  for (const [param, message] of Object.entries(NOT_EMULATED)) {
    if (params[param] !== undefined) throw invalidParam(message, param);
  }
  // No customers exist in the emulator, so any customer id is unknown, as Stripe would say.
  if (typeof params.customer === 'string' && params.customer !== '')
    throw resourceMissing('customer', params.customer, 'customer');
}

function paymentMethodSetup(
  params: Params,
): Pick<ApiObject, 'automatic_payment_methods' | 'payment_method_types' | 'allowed_payment_method_types'> {
  const explicit = (params.payment_method_types ?? params.allowed_payment_method_types) as string[] | undefined;
  if (explicit && params.automatic_payment_methods !== undefined) {
    throw invalidParam(
      'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
      'automatic_payment_methods',
      'parameters_exclusive',
    );
  }
  const automatic = params.automatic_payment_methods as { enabled?: boolean; allow_redirects?: string } | undefined;
  return {
    allowed_payment_method_types: (params.allowed_payment_method_types as string[] | undefined) ?? null,
    automatic_payment_methods: explicit
      ? null
      : { allow_redirects: automatic?.allow_redirects ?? 'always', enabled: automatic?.enabled ?? true },
    payment_method_types: explicit ?? ['card'],
  };
}

export function newIntentObject(k: Kernel, params: Params): ApiObject {
  const currency = normalizeCurrency(params.currency);
  const amount = Number(params.amount);
  checkChargeAmount(amount, currency);
  const id = newId('pi');
  return {
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    ...paymentMethodSetup(params),
    canceled_at: null,
    cancellation_reason: null,
    capture_method: params.capture_method ?? 'automatic_async',
    client_secret: `${id}_secret_${newSecret('x', 25).slice(2)}`,
    confirmation_method: params.confirmation_method ?? 'automatic',
    created: k.clock.now(),
    currency,
    customer: null,
    customer_account: null,
    description: params.description ?? null,
    excluded_payment_method_types: Array.isArray(params.excluded_payment_method_types)
      ? params.excluded_payment_method_types
      : null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: applyMetadata({}, params.metadata),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_record: null,
    processing: null,
    receipt_email: params.receipt_email ?? null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: params.statement_descriptor ?? null,
    statement_descriptor_suffix: params.statement_descriptor_suffix ?? null,
    status: 'requires_payment_method' satisfies IntentStatus,
    transfer_data: null,
    transfer_group: params.transfer_group ?? null,
  };
}

/** Fields any update may change, in any status. */
const ALWAYS_UPDATABLE = ['description', 'metadata', 'receipt_email', 'expand'];

export function applyIntentUpdate(intent: ApiObject, params: Params): void {
  const status = intent.status as IntentStatus;
  const open =
    status === 'requires_payment_method' || status === 'requires_confirmation' || status === 'requires_action';
  const locked = Object.keys(params).filter((key) => !ALWAYS_UPDATABLE.includes(key));
  if (!open && locked.length > 0) {
    throw invalidParam(
      `You cannot update ${locked[0]} on this PaymentIntent because it has a status of ${status}.`,
      locked[0]!,
      'payment_intent_unexpected_state',
    );
  }
  if (params.amount !== undefined || params.currency !== undefined) {
    const currency = params.currency !== undefined ? normalizeCurrency(params.currency) : String(intent.currency);
    const amount = params.amount !== undefined ? Number(params.amount) : Number(intent.amount);
    checkChargeAmount(amount, currency);
    Object.assign(intent, { amount, currency });
  }
  for (const field of [
    'description',
    'receipt_email',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'transfer_group',
    'capture_method',
  ]) {
    if (params[field] !== undefined) intent[field] = params[field] === '' ? null : params[field];
  }
  if (
    params.payment_method_types !== undefined ||
    params.allowed_payment_method_types !== undefined ||
    params.automatic_payment_methods !== undefined
  ) {
    Object.assign(intent, paymentMethodSetup(params));
  }
  intent.metadata = applyMetadata(intent.metadata as Record<string, string>, params.metadata);
}
