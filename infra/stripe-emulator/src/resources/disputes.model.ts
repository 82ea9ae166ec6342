// The Dispute object a cardholder's chargeback creates on a card charge.
import { DAY_SECONDS } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { Kernel } from '../kernel.ts';
import type { ApiObject } from '../state/types.ts';

/** Every evidence field Stripe accepts; all empty until the merchant answers. */
export const EVIDENCE_FIELDS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_communication',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'customer_signature',
  'duplicate_charge_documentation',
  'duplicate_charge_explanation',
  'duplicate_charge_id',
  'product_description',
  'receipt',
  'refund_policy',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'service_documentation',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_documentation',
  'shipping_tracking_number',
  'uncategorized_file',
  'uncategorized_text',
] as const;

/** Visa's reason codes for the reasons the test cards produce. */
const NETWORK_REASON: Record<string, string> = { fraudulent: '10.4', product_not_received: '13.1' };

/** Stripe gives the merchant about three weeks to answer; test disputes use the same window. */
const RESPONSE_DAYS = 21;

export function newDisputeObject(k: Kernel, charge: ApiObject, reason: string): ApiObject {
  const details = charge.payment_method_details as { card?: { brand?: string } } | null;
  return {
    id: newId('dp'),
    object: 'dispute',
    amount: Number(charge.amount_captured),
    balance_transactions: [],
    charge: charge.id,
    created: k.clock.now(),
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, null])),
    evidence_details: {
      due_by: k.clock.now() + RESPONSE_DAYS * DAY_SECONDS,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent ?? null,
    payment_method_details: {
      card: { brand: details?.card?.brand ?? 'visa', network_reason_code: NETWORK_REASON[reason] ?? null },
      type: 'card',
    },
    reason,
    status: 'needs_response',
  };
}
