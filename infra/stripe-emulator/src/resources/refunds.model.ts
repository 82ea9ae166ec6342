import { newId } from '../core/ids.ts';
import type { Kernel } from '../kernel.ts';
import type { ApiObject } from '../state/types.ts';

export interface RefundInput {
  id?: string;
  amount: number;
  charge: ApiObject;
  reason: string | null;
  metadata: Record<string, string>;
  balanceTransaction: string | null;
}

export function newRefundObject(k: Kernel, input: RefundInput): ApiObject {
  const { charge } = input;
  const isCard = typeof charge.payment_method === 'string';
  const refund: ApiObject = {
    id: input.id ?? newId('re'),
    object: 'refund',
    amount: input.amount,
    balance_transaction: input.balanceTransaction,
    charge: charge.id,
    created: k.clock.now(),
    currency: charge.currency,
    customer: null,
    customer_account: null,
    metadata: input.metadata,
    payment_intent: charge.payment_intent ?? null,
    payment_method: charge.payment_method ?? null,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  if (isCard) {
    refund.destination_details = {
      card: { reference: '', reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    };
  }
  return refund;
}
