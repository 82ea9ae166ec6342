import type { JournalFacts } from '../db/reconciliation.repository.ts';
import { because, mismatch, type BookingFacts, type Mismatch } from './reconcile-checks.ts';
import type { StripeDisputeFacts } from './reconcile-stripe.ts';

/**
 * Disputes, compared three ways: billing's record of each dispute, Stripe's (its status and the
 * balance transactions that withdrew and perhaps reinstated the money) and the ledger's chargeback
 * journals. While a dispute is open Stripe has withdrawn the amount and its fee but nothing is
 * lost yet, so the ledger posts nothing; a won dispute's withdrawal and reinstatement net to 0;
 * a lost one's withdrawal is the ledger's dispute_lost and its fee the ledger's dispute_fee.
 */

type Outcome = 'open' | 'won' | 'lost';

const outcomeOf = (status: string): Outcome =>
  status === 'lost' ? 'lost' : status === 'won' || status === 'warning_closed' ? 'won' : 'open';

/** Cash the ledger moved for the dispute under `kind` (null: no such journal). */
function posted(journals: JournalFacts[], kind: 'dispute_lost' | 'dispute_fee', disputeId: string): number | null {
  const found = journals.filter((j) => j.source === `${kind}:${disputeId}`);
  if (found.length === 0) return null;
  return found.reduce((sum, j) => sum + j.cashCredit - j.cashDebit, 0);
}

const DISPUTE_SOURCE = /^dispute_(?:lost|fee):(.+)$/;

export function checkDisputes(facts: BookingFacts): Mismatch[] {
  const atStripe = new Map(facts.stripe.disputes.map((d) => [d.id, d]));
  const inBilling = new Map(facts.records.disputes.map((d) => [d.id, d]));
  const inLedger = facts.journals.map((j) => DISPUTE_SOURCE.exec(j.source)?.[1]).filter((id) => id !== undefined);
  const ids = new Set([...atStripe.keys(), ...inBilling.keys(), ...inLedger]);
  const found: Mismatch[] = [];
  for (const id of ids) {
    const stripe = atStripe.get(id);
    if (!stripe) {
      found.push(unknownToStripe(facts, id, inBilling.get(id)?.status ?? null));
      continue;
    }
    const billing = inBilling.get(id);
    if (!billing) {
      found.push(
        mismatch(
          facts,
          'dispute',
          stripe.amount,
          null,
          because(
            'dispute_unknown_to_billing',
            { dispute: id, status: stripe.status },
            `Stripe has dispute ${id} (${stripe.status}) on this booking's charge but billing never recorded it (the charge.dispute.created webhook was lost?). Resend the event from Stripe.`,
          ),
        ),
      );
    } else if (outcomeOf(billing.status) !== outcomeOf(stripe.status)) {
      found.push(
        mismatch(
          facts,
          'dispute',
          null,
          null,
          because(
            'dispute_status_differs',
            { dispute: id, billingStatus: billing.status, stripeStatus: stripe.status },
            `Dispute ${id} is '${stripe.status}' at Stripe but '${billing.status}' in billing (the charge.dispute.closed webhook was lost?). Resend the event from Stripe.`,
          ),
        ),
      );
    }
    found.push(...checkDisputeMoney(facts, stripe));
  }
  return found;
}

function unknownToStripe(facts: BookingFacts, id: string, billingStatus: string | null): Mismatch {
  const loss = posted(facts.journals, 'dispute_lost', id);
  return mismatch(
    facts,
    'dispute',
    null,
    loss,
    because(
      'dispute_unknown_to_stripe',
      { dispute: id, status: billingStatus ?? '', ledgerMinor: loss ?? 0 },
      `Billing or the ledger records dispute ${id}${billingStatus ? ` (${billingStatus})` : ''} but Stripe has no such dispute on this booking's charge${loss === null ? '' : `; the ledger posted a chargeback of ${loss} for it`}.`,
    ),
  );
}

function checkDisputeMoney(facts: BookingFacts, stripe: StripeDisputeFacts): Mismatch[] {
  const loss = posted(facts.journals, 'dispute_lost', stripe.id);
  const fee = posted(facts.journals, 'dispute_fee', stripe.id);
  const outcome = outcomeOf(stripe.status);
  const money = (
    expected: number | null,
    actual: number | null,
    code: string,
    params: Record<string, string | number>,
    text: string,
  ) => ({
    ...mismatch(facts, 'dispute', expected, actual, because(code, { dispute: stripe.id, ...params }, text)),
    currency: stripe.currency,
  });
  if (outcome !== 'lost') {
    const found: Mismatch[] = [];
    if (loss !== null || fee !== null) {
      found.push(
        money(
          0,
          (loss ?? 0) + (fee ?? 0),
          'dispute_posted_not_lost',
          { status: stripe.status, ledgerMinor: (loss ?? 0) + (fee ?? 0) },
          `The ledger posted a chargeback of ${(loss ?? 0) + (fee ?? 0)} for dispute ${stripe.id}, which is '${stripe.status}' at Stripe, not lost.`,
        ),
      );
    }
    if (outcome === 'won' && (stripe.withdrawnMinor !== 0 || stripe.feeMinor !== 0)) {
      found.push(
        money(
          0,
          stripe.withdrawnMinor + stripe.feeMinor,
          'dispute_not_reinstated',
          { stripeMinor: stripe.withdrawnMinor + stripe.feeMinor },
          `Dispute ${stripe.id} was won but Stripe still holds back ${stripe.withdrawnMinor + stripe.feeMinor} of its withdrawal and fee: ask Stripe to reinstate the funds.`,
        ),
      );
    }
    return found;
  }
  const found: Mismatch[] = [];
  if (loss !== stripe.withdrawnMinor) {
    found.push(
      loss === null
        ? money(
            stripe.withdrawnMinor,
            0,
            'dispute_loss_not_posted',
            { stripeMinor: stripe.withdrawnMinor },
            `Dispute ${stripe.id} was lost and Stripe withdrew ${stripe.withdrawnMinor}, but the ledger has no chargeback for it (the frozen transfers were not canceled?).`,
          )
        : money(
            stripe.withdrawnMinor,
            loss,
            'dispute_loss_differs',
            { stripeMinor: stripe.withdrawnMinor, ledgerMinor: loss },
            `Stripe withdrew ${stripe.withdrawnMinor} for the lost dispute ${stripe.id}, the ledger's chargeback says ${loss}.`,
          ),
    );
  }
  if ((fee ?? 0) !== stripe.feeMinor) {
    found.push(
      money(
        stripe.feeMinor,
        fee ?? 0,
        'dispute_fee_differs',
        { stripeMinor: stripe.feeMinor, ledgerMinor: fee ?? 0 },
        `Stripe kept a dispute fee of ${stripe.feeMinor} for dispute ${stripe.id}, the ledger records ${fee ?? 0}.`,
      ),
    );
  }
  return found;
}
