import type { MismatchKind } from '@tourconnect/contracts/http';
import type { JournalFacts, PaymentRow } from '../db/reconciliation.repository.ts';
import { checkDisputes } from './reconcile-disputes.ts';
import type { StripeBookingFacts } from './reconcile-stripe.ts';

/**
 * The comparisons of one booking's ledger, billing's own records and Stripe's objects. Pure:
 * given the facts, the mismatches, each with a cause an admin can act on.
 */

export interface Mismatch {
  bookingId: string | null;
  kind: MismatchKind;
  expectedMinor: number | null;
  actualMinor: number | null;
  currency: string | null;
  cause: string;
  /** The cause as a code and its values, for the portal to say it in the admin's language. */
  details?: { causeCode: string; causeParams: CauseParams };
}

export type CauseParams = Record<string, string | number>;

interface Cause {
  code: string;
  params: CauseParams;
  text: string;
}

/** A cause: its code and values (translated by the portal) and the English text stored with it. */
export const because = (code: string, params: CauseParams, text: string): Cause => ({ code, params, text });

export interface BookingRecords {
  /** Σ platform fee and Σ partner shares of the booking's split; null when no split was written. */
  split: { feeMinor: number; shareMinor: number } | null;
  transfers: { id: string; amountMinor: number; status: string; stripeTransferId: string | null }[];
  /** Sponsored-placement spend netted from the booking's transfers. */
  nettedMinor: number;
  /** Refunds not failed; pending/sending ones are booked in the ledger but not at Stripe yet. */
  refunds: { id: string; amountMinor: number; platformRefundMinor: number; reversedMinor: number; status: string }[];
  /** The disputes billing recorded on the booking, as it last heard of them. */
  disputes: { id: string; status: string; amountMinor: number; currency: string }[];
}

export interface BookingFacts {
  payment: PaymentRow;
  journals: JournalFacts[];
  records: BookingRecords;
  stripe: StripeBookingFacts;
}

type JournalClass = 'charge' | 'transfer' | 'reversal' | 'refund' | 'other';

/** The journal kinds the money path posts (domain/journals.ts) and what each records. */
const KNOWN_KINDS: Record<string, JournalClass> = {
  payment_captured: 'charge',
  stripe_fee: 'other',
  transfer_sent: 'transfer',
  reversal_received: 'reversal',
  refund_issued: 'refund',
  refund_failed: 'refund',
  platform_fee_refunded: 'other',
  // A chargeback and its fee move cash but no charge, transfer or refund: reconcile-disputes.ts.
  dispute_lost: 'other',
  dispute_fee: 'other',
};

/** What a journal records, from its kind; an unknown kind by its words (an undo of a transfer is a transfer). */
export function journalClass(journal: Pick<JournalFacts, 'kind' | 'source'>): JournalClass {
  const known = KNOWN_KINDS[journal.kind];
  if (known) return known;
  const text = `${journal.kind} ${journal.source.split(':')[0]}`.toLowerCase();
  if (text.includes('revers')) return 'reversal';
  if (text.includes('refund')) return 'refund';
  if (text.includes('transfer')) return 'transfer';
  if (/\b(charge|payment)/.test(text)) return 'charge';
  return 'other';
}

/**
 * The money each class of journal moved through the platform's Stripe balance (platform_cash),
 * net: an undo journal (sides swapped, e.g. 'refund_failed') cancels what it undoes.
 */
export function ledgerTotals(journals: JournalFacts[]) {
  const totals = { charge: 0, transfers: 0, reversals: 0, refunds: 0 };
  for (const j of journals) {
    const cls = journalClass(j);
    const into = j.cashDebit - j.cashCredit;
    if (cls === 'charge') totals.charge += into;
    if (cls === 'transfer') totals.transfers -= into;
    if (cls === 'reversal') totals.reversals += into;
    if (cls === 'refund') totals.refunds -= into;
  }
  return totals;
}

const STRIPE_TRANSFER_ID = /tr_[A-Za-z0-9]+/;

export function checkBooking(facts: BookingFacts): Mismatch[] {
  return [
    ...checkCharge(facts),
    ...checkTransfers(facts),
    ...checkRefunds(facts),
    ...checkInvariants(facts),
    ...checkJournals(facts),
    ...checkStripeFee(facts),
    ...checkDisputes(facts),
  ];
}

export function mismatch(
  facts: BookingFacts,
  kind: MismatchKind,
  expected: number | null,
  actual: number | null,
  cause: Cause,
): Mismatch {
  return {
    bookingId: facts.payment.bookingId,
    kind,
    expectedMinor: expected,
    actualMinor: actual,
    currency: facts.payment.currency,
    cause: cause.text,
    details: { causeCode: cause.code, causeParams: cause.params },
  };
}

function checkCharge(facts: BookingFacts): Mismatch[] {
  const { payment, stripe } = facts;
  const found: Mismatch[] = [];
  const billingPaid = payment.status === 'succeeded';
  const stripePaid = stripe.status === 'succeeded' || stripe.amountReceived > 0;
  if (stripePaid && !billingPaid) {
    found.push(
      mismatch(
        facts,
        'payment_status',
        stripe.amountReceived,
        0,
        because(
          'stripe_paid_billing_not',
          { paymentIntent: stripe.paymentIntentId, status: payment.status },
          `PaymentIntent ${stripe.paymentIntentId} succeeded at Stripe but billing shows the payment as '${payment.status}' (the payment_intent.succeeded webhook was lost?). Resend the event from Stripe.`,
        ),
      ),
    );
    return found;
  }
  if (billingPaid && !stripePaid) {
    found.push(
      mismatch(
        facts,
        'payment_status',
        payment.amountMinor,
        stripe.amountReceived,
        because(
          'billing_paid_stripe_not',
          { paymentIntent: stripe.paymentIntentId, status: stripe.status },
          `billing records the payment as succeeded but PaymentIntent ${stripe.paymentIntentId} is '${stripe.status}' at Stripe, with nothing received.`,
        ),
      ),
    );
    return found;
  }
  if (!billingPaid) return found;
  if (stripe.amountReceived !== payment.amountMinor || stripe.currency !== payment.currency) {
    found.push(
      mismatch(
        facts,
        'charge_stripe',
        payment.amountMinor,
        stripe.amountReceived,
        because(
          'stripe_amount_differs',
          {
            paymentIntent: stripe.paymentIntentId,
            stripeMinor: stripe.amountReceived,
            billingMinor: payment.amountMinor,
          },
          `Stripe received ${stripe.amountReceived} ${stripe.currency} on ${stripe.paymentIntentId}, billing's payment is ${payment.amountMinor} ${payment.currency}.`,
        ),
      ),
    );
  }
  const ledger = ledgerTotals(facts.journals).charge;
  if (ledger !== payment.amountMinor) {
    found.push(
      mismatch(
        facts,
        'charge_ledger',
        payment.amountMinor,
        ledger,
        ledger === 0
          ? because(
              'charge_not_posted',
              { paymentIntent: stripe.paymentIntentId },
              `No charge journal in the ledger for the succeeded payment ${stripe.paymentIntentId} (the payment was recorded but never posted).`,
            )
          : because(
              'charge_posting_differs',
              { ledgerMinor: ledger, paymentMinor: payment.amountMinor },
              `The ledger's charge journal says ${ledger}, the payment ${payment.amountMinor}: the posting is wrong or duplicated.`,
            ),
      ),
    );
  }
  return found;
}

/** Stripe transfer ids the ledger knows: named in a transfer journal's source, or the transfer row a journal names. */
function ledgerTransferIds(facts: BookingFacts): Set<string> {
  const ids = new Set<string>();
  const sources = facts.journals.filter((j) => journalClass(j) === 'transfer').map((j) => j.source);
  for (const source of sources) {
    const match = STRIPE_TRANSFER_ID.exec(source);
    if (match) ids.add(match[0]);
  }
  for (const row of facts.records.transfers) {
    if (row.stripeTransferId && sources.some((s) => s.includes(row.id))) ids.add(row.stripeTransferId);
  }
  return ids;
}

function checkTransfers(facts: BookingFacts): Mismatch[] {
  const found: Mismatch[] = [];
  const known = ledgerTransferIds(facts);
  const atStripe = new Set(facts.stripe.transfers.map((t) => t.id));
  for (const t of facts.stripe.transfers) {
    if (known.has(t.id)) continue;
    found.push({
      ...mismatch(
        facts,
        'transfer_missing_in_ledger',
        t.amount,
        0,
        because(
          'transfer_unknown_to_ledger',
          { transfer: t.id, amountMinor: t.amount },
          `Transfer ${t.id} (${t.amount} ${t.currency}) exists at Stripe but not in the ledger (a webhook was lost, or it was made by hand in the dashboard?).`,
        ),
      ),
      currency: t.currency,
    });
  }
  for (const id of known) {
    if (atStripe.has(id)) continue;
    found.push(
      mismatch(
        facts,
        'transfer_missing_at_stripe',
        0,
        null,
        because(
          'transfer_unknown_to_stripe',
          { transfer: id },
          `The ledger records transfer ${id} but Stripe has no such transfer for this booking (wrong transfer_group, or the transfer was never made).`,
        ),
      ),
    );
  }
  if (found.length > 0) return found;
  const totals = ledgerTotals(facts.journals);
  const ledgerNet = totals.transfers - totals.reversals;
  const stripeNet = facts.stripe.transfers.reduce((sum, t) => sum + t.amount - t.amountReversed, 0);
  if (ledgerNet !== stripeNet) {
    found.push(
      mismatch(
        facts,
        'transfers_total',
        stripeNet,
        ledgerNet,
        because(
          'transfers_net_differs',
          { stripeMinor: stripeNet, ledgerMinor: ledgerNet },
          `Stripe's transfers net of reversals come to ${stripeNet}, the ledger's to ${ledgerNet}: a reversal is missing on one side.`,
        ),
      ),
    );
  }
  return found;
}

function checkRefunds(facts: BookingFacts): Mismatch[] {
  const ledger = ledgerTotals(facts.journals).refunds;
  const stripe = facts.stripe.amountRefunded;
  // A queued refund is booked when it is requested and reaches Stripe a moment later.
  const inFlight = facts.records.refunds
    .filter((r) => r.status === 'pending' || r.status === 'sending')
    .reduce((sum, r) => sum + r.amountMinor, 0);
  if (ledger === stripe || ledger === stripe + inFlight) return [];
  const charge = facts.stripe.chargeId ?? 'the charge';
  const cause =
    ledger > stripe
      ? because(
          'refund_not_at_stripe',
          { ledgerMinor: ledger, stripeMinor: stripe, charge },
          `The ledger records ${ledger} refunded but Stripe refunded ${stripe} on ${charge}: a refund was posted without reaching Stripe (look at the refund's status and retry it).`,
        )
      : because(
          'refund_not_in_ledger',
          { ledgerMinor: ledger, stripeMinor: stripe, charge },
          `Stripe refunded ${stripe} on ${charge} but the ledger records ${ledger}: a refund made at Stripe was not recorded (a charge.refunded webhook was lost, or a dashboard refund?).`,
        );
  return [mismatch(facts, 'refunds_total', stripe, ledger, cause)];
}

function checkInvariants(facts: BookingFacts): Mismatch[] {
  const { payment, records } = facts;
  const found: Mismatch[] = [];
  if (payment.status === 'succeeded' && records.split) {
    const { feeMinor, shareMinor } = records.split;
    if (shareMinor + feeMinor !== payment.amountMinor) {
      found.push(
        mismatch(
          facts,
          'split_invariant',
          payment.amountMinor,
          shareMinor + feeMinor,
          because(
            'split_total',
            { chargeMinor: payment.amountMinor, sharesMinor: shareMinor, feeMinor },
            `The charge (${payment.amountMinor}) is not the partners' shares (${shareMinor}) plus the platform fee (${feeMinor}): the split is wrong.`,
          ),
        ),
      );
    }
    // Before any refund the transfers carry the shares whole (a refund may shrink one not sent yet);
    // a lost dispute cancels the held ones, which still carried their shares.
    const chargedBack = records.disputes.some((d) => d.status === 'lost');
    const live = records.transfers.filter((t) => t.status !== 'failed' && (t.status !== 'canceled' || chargedBack));
    const transferred = live.reduce((sum, t) => sum + t.amountMinor, 0) + records.nettedMinor;
    if (records.refunds.length === 0 && live.length > 0 && transferred !== shareMinor) {
      found.push(
        mismatch(
          facts,
          'split_invariant',
          payment.amountMinor,
          transferred + feeMinor,
          because(
            'split_transfers',
            { chargeMinor: payment.amountMinor, transfersMinor: transferred, feeMinor },
            `The charge (${payment.amountMinor}) is not the partners' transfers (${transferred}) plus the platform fee (${feeMinor}): a transfer amount differs from the partner's share.`,
          ),
        ),
      );
    }
  }
  for (const refund of records.refunds) {
    const actual = refund.reversedMinor + refund.platformRefundMinor;
    if (actual === refund.amountMinor) continue;
    found.push(
      mismatch(
        facts,
        'refund_invariant',
        refund.amountMinor,
        actual,
        because(
          'refund_parts',
          {
            refund: refund.id,
            refundMinor: refund.amountMinor,
            reversalsMinor: refund.reversedMinor,
            platformMinor: refund.platformRefundMinor,
          },
          `Refund ${refund.id} (${refund.amountMinor}) is not its transfer reversals (${refund.reversedMinor}) plus the platform's part (${refund.platformRefundMinor}).`,
        ),
      ),
    );
  }
  return found;
}

function checkJournals(facts: BookingFacts): Mismatch[] {
  return facts.journals
    .filter((j) => j.debit !== j.credit)
    .map((j) => ({
      ...mismatch(
        facts,
        'journal_unbalanced',
        j.debit,
        j.credit,
        because(
          'journal_unbalanced',
          { journal: j.id, debitMinor: j.debit, creditMinor: j.credit },
          `Journal ${j.id} (${j.kind}, ${j.source}) is unbalanced: debits ${j.debit}, credits ${j.credit}.`,
        ),
      ),
      currency: j.currency,
    }));
}

function checkStripeFee(facts: BookingFacts): Mismatch[] {
  const recorded = facts.payment.stripeFeeMinor;
  const actual = facts.stripe.stripeFee;
  if (recorded === null || actual === null || recorded === actual) return [];
  return [
    mismatch(
      facts,
      'stripe_fee',
      actual,
      recorded,
      because(
        'stripe_fee',
        { charge: facts.stripe.chargeId ?? '', stripeMinor: actual, recordedMinor: recorded },
        `Stripe's fee on ${facts.stripe.chargeId ?? 'the charge'} is ${actual} but billing recorded ${recorded}.`,
      ),
    ),
  ];
}
