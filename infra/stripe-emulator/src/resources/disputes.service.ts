// Disputes as Stripe's test cards make them (pm_card_createDispute): the charge succeeds, and
// a moment later the cardholder's bank disputes it — the amount and Stripe's dispute fee are
// withdrawn from the balance. Evidence decides it in test mode: `winning_evidence` in
// uncategorized_text wins (amount and fee reinstated), `losing_evidence` loses; closing the
// dispute accepts the loss.
import { clone } from '../core/clone.ts';
import { DISPUTE_FEE } from '../core/fees.ts';
import { invalidRequest, resourceMissing } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { applyMetadata } from '../core/metadata.ts';
import type { Params } from '../core/param-validator.ts';
import { originOf, systemOrigin, type EventOrigin, type Kernel, type RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { EVIDENCE_FIELDS, newDisputeObject } from './disputes.model.ts';
import { emitEvent } from './events.service.ts';
import { recordTxn } from './ledger.ts';

/**
 * Seconds (emulator clock) between the charge and its test dispute. Stripe opens test
 * disputes shortly after the charge; the pause lets the payment's own webhooks land first.
 */
export const DISPUTE_DELAY_SECONDS = 30;
const PENDING = 'pending_dispute';
const OPEN = ['needs_response', 'warning_needs_response'];

export function scheduleDispute(k: Kernel, charge: StoredRecord, reason: string): void {
  k.store.insert({ id: newId('pdp'), object: PENDING }, charge.owner, {
    charge: charge.id,
    reason,
    due: k.clock.now() + DISPUTE_DELAY_SECONDS,
  });
}

/** Opens the disputes due by `now`; answers when the next one is due (emulator seconds). */
export function openDueDisputes(k: Kernel, now: number): number | undefined {
  let next: number | undefined;
  for (const pending of [...k.store.all(PENDING)]) {
    const due = Number(pending.internal.due);
    if (due > now) {
      next = next === undefined ? due : Math.min(next, due);
      continue;
    }
    k.store.remove(pending.id);
    const charge = k.store.get(String(pending.internal.charge));
    if (charge && charge.data.disputed !== true) openDispute(k, charge, String(pending.internal.reason));
  }
  return next;
}

function disputeTxn(k: Kernel, owner: string, dispute: ApiObject, reinstated: boolean): void {
  const amount = Number(dispute.amount);
  const txn = recordTxn(k, {
    owner,
    type: 'adjustment',
    amount: reinstated ? amount : -amount,
    fee: reinstated ? -DISPUTE_FEE : DISPUTE_FEE,
    feeDescription: 'Dispute fee',
    currency: String(dispute.currency),
    source: dispute.id,
    description: `${reinstated ? 'Chargeback reversal' : 'Chargeback withdrawal'} for ${String(dispute.charge)}`,
    availableOn: k.clock.now(),
    reportingCategory: reinstated ? 'dispute_reversal' : 'dispute',
  });
  (dispute.balance_transactions as ApiObject[]).push(clone(txn));
}

function openDispute(k: Kernel, charge: StoredRecord, reason: string): void {
  const dispute = newDisputeObject(k, charge.data, reason);
  k.store.insert(dispute, charge.owner);
  disputeTxn(k, charge.owner, dispute, false);
  charge.data.disputed = true;
  const origin = systemOrigin(charge.owner);
  emitEvent(k, 'charge.dispute.created', dispute, origin);
  emitEvent(k, 'charge.dispute.funds_withdrawn', dispute, origin);
}

export function findDispute(k: Kernel, ctx: RequestContext, id: string): StoredRecord {
  const record = k.store.find('dispute', id, ctx.account);
  if (!record) throw resourceMissing('dispute', id);
  return record;
}

function decide(k: Kernel, record: StoredRecord, status: 'won' | 'lost', origin: EventOrigin): void {
  const dispute = record.data;
  dispute.status = status;
  if (status === 'won') disputeTxn(k, record.owner, dispute, true);
  emitEvent(k, 'charge.dispute.closed', dispute, origin);
  if (status === 'won') emitEvent(k, 'charge.dispute.funds_reinstated', dispute, origin);
}

function assertOpen(dispute: ApiObject, what: string): void {
  if (!OPEN.includes(String(dispute.status))) {
    throw invalidRequest(`This dispute is already ${String(dispute.status)}; you can no longer ${what}.`, {
      param: 'evidence',
    });
  }
}

/** Evidence (staged, or submitted unless `submit=false`) and metadata. */
export function updateDispute(k: Kernel, ctx: RequestContext, record: StoredRecord, params: Params): ApiObject {
  const dispute = record.data;
  const evidence = params.evidence as Record<string, string> | undefined;
  if (evidence !== undefined) assertOpen(dispute, 'submit evidence');
  dispute.metadata = applyMetadata(dispute.metadata as Record<string, string>, params.metadata);
  const origin = originOf(ctx);
  if (evidence === undefined) {
    emitEvent(k, 'charge.dispute.updated', dispute, origin);
    return dispute;
  }
  const stored = dispute.evidence as Record<string, string | null>;
  for (const field of EVIDENCE_FIELDS) if (evidence[field] !== undefined) stored[field] = evidence[field] || null;
  const details = dispute.evidence_details as Record<string, unknown>;
  details.has_evidence = EVIDENCE_FIELDS.some((field) => stored[field] !== null);
  if (params.submit === false) {
    emitEvent(k, 'charge.dispute.updated', dispute, origin);
    return dispute;
  }
  details.submission_count = Number(details.submission_count) + 1;
  dispute.status = 'under_review';
  emitEvent(k, 'charge.dispute.updated', dispute, origin);
  // Test mode decides at once on the magic words; any other evidence stays under review.
  const text = String(stored.uncategorized_text ?? '');
  if (text.includes('winning_evidence')) decide(k, record, 'won', origin);
  else if (text.includes('losing_evidence')) decide(k, record, 'lost', origin);
  return dispute;
}

/** Accepting the dispute: it is lost and the withdrawn funds stay with the cardholder. */
export function closeDispute(k: Kernel, ctx: RequestContext, record: StoredRecord): ApiObject {
  assertOpen(record.data, 'close it');
  decide(k, record, 'lost', originOf(ctx));
  return record.data;
}
